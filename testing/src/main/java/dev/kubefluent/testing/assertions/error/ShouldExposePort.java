package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a container that does not expose the expected port.
 *
 * @since 0.1.0
 */
public class ShouldExposePort extends ResourceFieldMessageFactory {

    private ShouldExposePort(ResourceRef resource, String path, String expected, List<String> actual) {
        super("%nExpecting %s:%n  %s%nto contain the port:%n  %s%nbut was:%n  %s",
                resource, path, plain(expected), plain(actual.toString()));
    }

    /**
     * Creates the message for a missing port.
     *
     * @param resource the resource that holds the container; must not be {@code null}
     * @param path     the field path of the ports, e.g. {@code spec.template.spec.containers[0].ports}; must not be
     *                 {@code null}
     * @param expected the expected port as {@code name:containerPort}, e.g. {@code http:8080}; must not be {@code null}
     * @param actual   the container's ports in the same form; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldExposePort(ResourceRef resource, String path, String expected,
            List<String> actual) {
        return new ShouldExposePort(resource, path, expected, actual);
    }
}
