package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a manifest set that lacks an object of the expected kind and name.
 *
 * @since 0.1.0
 */
public class ShouldContainResource extends BasicErrorMessageFactory {

    private ShouldContainResource(ResourceRef expected, List<ResourceRef> actual) {
        super("%nExpecting ManifestSet:%n  %s%nto contain:%n  %s%nbut could not find it",
                unquotedString(actual.toString()), unquotedString(expected.toString()));
    }

    /**
     * Creates the message for a missing object.
     *
     * @param expected the kind and name looked for; must not be {@code null}
     * @param actual   the objects the set holds; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldContainResource(ResourceRef expected, List<ResourceRef> actual) {
        return new ShouldContainResource(expected, actual);
    }
}
