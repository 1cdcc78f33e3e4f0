package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a live Deployment whose rollout revision is not the expected one.
 *
 * @since 0.1.0
 */
public class ShouldHaveRevision extends ResourceFieldMessageFactory {

    private ShouldHaveRevision(ResourceRef resource, String path, int expected, String actual) {
        super("%nExpecting %s:%n  %s%nto be:%n  %s%nbut was:%n  %s", resource, path, expected,
                actual == null ? null : plain(actual));
    }

    /**
     * Creates the message for a different revision.
     *
     * @param resource the Deployment; must not be {@code null}
     * @param path     the field path of the revision annotation; must not be {@code null}
     * @param expected the expected revision
     * @param actual   the annotation's value, {@code null} when it is not set
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveRevision(ResourceRef resource, String path, int expected, String actual) {
        return new ShouldHaveRevision(resource, path, expected, actual);
    }
}
