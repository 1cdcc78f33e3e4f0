package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a Service that does not route a port to the expected target port.
 *
 * @since 0.1.0
 */
public class ShouldRoutePort extends ResourceFieldMessageFactory {

    private ShouldRoutePort(ResourceRef service, String path, String expected, List<String> actual) {
        super("%nExpecting %s:%n  %s%nto route:%n  %s%nbut was:%n  %s",
                service, path, plain(expected), plain(actual.toString()));
    }

    /**
     * Creates the message for a missing or misrouted port.
     *
     * @param service  the Service; must not be {@code null}
     * @param path     the field path of the ports, {@code spec.ports}; must not be {@code null}
     * @param expected the expected route as {@code port -> targetPort}, e.g. {@code 80 -> http}; must not be
     *                 {@code null}
     * @param actual   the Service's routes in the same form; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldRoutePort(ResourceRef service, String path, String expected,
            List<String> actual) {
        return new ShouldRoutePort(service, path, expected, actual);
    }
}
