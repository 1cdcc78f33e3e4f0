package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a container whose image is not the expected one.
 *
 * @since 0.1.0
 */
public class ShouldHaveImage extends ResourceFieldMessageFactory {

    private ShouldHaveImage(ResourceRef resource, String path, String expected, String actual) {
        super("%nExpecting %s:%n  %s%nto be:%n  %s%nbut was:%n  %s", resource, path, expected, actual);
    }

    /**
     * Creates the message for a different image.
     *
     * @param resource the resource that holds the container; must not be {@code null}
     * @param path     the field path, e.g. {@code spec.template.spec.containers[0].image}; must not be {@code null}
     * @param expected the expected image reference; must not be {@code null}
     * @param actual   the container's image, {@code null} when unset
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveImage(ResourceRef resource, String path, String expected, String actual) {
        return new ShouldHaveImage(resource, path, expected, actual);
    }
}
