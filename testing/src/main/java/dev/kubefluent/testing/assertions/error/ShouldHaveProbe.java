package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a container without the expected readiness, liveness or startup probe.
 *
 * @since 0.1.0
 */
public class ShouldHaveProbe extends ResourceFieldMessageFactory {

    private ShouldHaveProbe(ResourceRef resource, String path) {
        super("%nExpecting %s:%n  %s%nto be set%nbut was:%n  null", resource, path);
    }

    /**
     * Creates the message for a missing probe.
     *
     * @param resource the resource that holds the container; must not be {@code null}
     * @param path     the field path of the probe, e.g. {@code spec.template.spec.containers[0].readinessProbe}; must
     *                 not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveProbe(ResourceRef resource, String path) {
        return new ShouldHaveProbe(resource, path);
    }
}
