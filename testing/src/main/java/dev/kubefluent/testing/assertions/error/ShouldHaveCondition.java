package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a live object without the expected status condition.
 *
 * @since 0.1.0
 */
public class ShouldHaveCondition extends ResourceFieldMessageFactory {

    private ShouldHaveCondition(ResourceRef resource, String path, String expected, List<String> actual) {
        super("%nExpecting %s:%n  %s%nto contain the condition:%n  %s%nbut was:%n  %s", resource, path, plain(expected),
                plain(actual.toString()));
    }

    /**
     * Creates the message for a missing or different condition.
     *
     * @param resource the object; must not be {@code null}
     * @param path     the field path of the conditions, {@code status.conditions}; must not be {@code null}
     * @param expected the condition as {@code Type=Status}, e.g. {@code Available=True}; must not be {@code null}
     * @param actual   the object's conditions as {@code Type=Status (Reason)}; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveCondition(ResourceRef resource, String path, String expected,
            List<String> actual) {
        return new ShouldHaveCondition(resource, path, expected, actual);
    }
}
