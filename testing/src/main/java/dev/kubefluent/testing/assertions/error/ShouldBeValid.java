package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.validate.Violation;
import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for manifests that have validation errors, listing every error.
 *
 * @since 0.1.0
 */
public class ShouldBeValid extends BasicErrorMessageFactory {

    private ShouldBeValid(String subject, List<Violation> errors) {
        super("%nExpecting %s%nto have no validation errors%nbut found %s:%n  %s", unquotedString(subject), errors.size(),
                ResourceFieldMessageFactory.violationLines(errors));
    }

    /**
     * Creates the message for validation errors.
     *
     * @param subject what was validated, e.g. {@code ManifestSet [Deployment "web"]} or
     *                {@code ManifestSet [Pod "web"] validated with profile POD_SECURITY_RESTRICTED}; must not be
     *                {@code null}
     * @param errors  the errors, one per line in the message; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeValid(String subject, List<Violation> errors) {
        return new ShouldBeValid(subject, errors);
    }
}
