package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import java.util.Map;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a resource that lacks a label, or has it with another value.
 *
 * @since 0.1.0
 */
public class ShouldHaveLabel extends ResourceFieldMessageFactory {

    private ShouldHaveLabel(ResourceRef resource, String path, String key, String value, Map<String, String> actual) {
        super("%nExpecting %s:%n  %s%nto contain the label:%n  %s%nbut was:%n  %s",
                resource, path, plain(key + "=" + value), actual);
    }

    /**
     * Creates the message for a missing or different label.
     *
     * @param resource the resource; must not be {@code null}
     * @param path     the field path of the labels, e.g. {@code metadata.labels}; must not be {@code null}
     * @param key      the expected label key; must not be {@code null}
     * @param value    the expected label value; must not be {@code null}
     * @param actual   the labels the resource has; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveLabel(ResourceRef resource, String path, String key, String value,
            Map<String, String> actual) {
        return new ShouldHaveLabel(resource, path, key, value, actual);
    }
}
