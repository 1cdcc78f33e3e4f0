package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a workload whose {@code spec.replicas} is not the expected count.
 *
 * @since 0.1.0
 */
public class ShouldHaveReplicas extends ResourceFieldMessageFactory {

    private ShouldHaveReplicas(ResourceRef resource, String path, int expected, Integer actual) {
        super("%nExpecting %s:%n  %s%nto be:%n  %s%nbut was:%n  %s", resource, path, expected, actual);
    }

    /**
     * Creates the message for a replica count that differs from the expected one.
     *
     * @param resource the workload; must not be {@code null}
     * @param path     the field path, e.g. {@code spec.replicas}; must not be {@code null}
     * @param expected the expected replica count
     * @param actual   the replica count of the manifest, {@code null} when unset
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveReplicas(ResourceRef resource, String path, int expected, Integer actual) {
        return new ShouldHaveReplicas(resource, path, expected, actual);
    }
}
