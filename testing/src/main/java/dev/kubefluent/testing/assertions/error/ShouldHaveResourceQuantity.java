package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a container whose CPU or memory request or limit is not the expected quantity.
 *
 * @since 0.1.0
 */
public class ShouldHaveResourceQuantity extends ResourceFieldMessageFactory {

    private ShouldHaveResourceQuantity(ResourceRef resource, String path, String expected, String actual) {
        super("%nExpecting %s:%n  %s%nto be:%n  %s%nbut was:%n  %s", resource, path, expected, actual);
    }

    /**
     * Creates the message for a different or missing quantity.
     *
     * @param resource the resource that holds the container; must not be {@code null}
     * @param path     the field path, e.g. {@code spec.template.spec.containers[0].resources.requests.cpu}; must not
     *                 be {@code null}
     * @param expected the expected quantity, e.g. {@code 250m}; must not be {@code null}
     * @param actual   the quantity as written in the manifest, {@code null} when unset
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveResourceQuantity(ResourceRef resource, String path, String expected,
            String actual) {
        return new ShouldHaveResourceQuantity(resource, path, expected, actual);
    }
}
