package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a pod spec that has no container of the expected name.
 *
 * @since 0.1.0
 */
public class ShouldHaveContainer extends ResourceFieldMessageFactory {

    private ShouldHaveContainer(ResourceRef resource, String path, String name, List<String> actualNames) {
        super("%nExpecting %s:%n  %s%nto contain a container named:%n  %s%nbut found only:%n  %s",
                resource, path, name, actualNames);
    }

    /**
     * Creates the message for a missing container.
     *
     * @param resource    the pod or workload; must not be {@code null}
     * @param path        the field path of the container list, e.g. {@code spec.template.spec.containers}; must not
     *                    be {@code null}
     * @param name        the container name looked for; must not be {@code null}
     * @param actualNames the names of the containers there are; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveContainer(ResourceRef resource, String path, String name,
            List<String> actualNames) {
        return new ShouldHaveContainer(resource, path, name, actualNames);
    }
}
