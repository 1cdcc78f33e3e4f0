package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.validate.Violation;
import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for manifests that do not break every expected validation rule, listing the rules not broken
 * and the violations there are.
 *
 * @since 0.1.0
 */
public class ShouldContainViolations extends BasicErrorMessageFactory {

    private ShouldContainViolations(String subject, List<String> ruleIds, List<String> missing,
            List<Violation> violations) {
        super("%nExpecting %s%nto break the rules:%n  %s%nbut could not find:%n  %s%namong the violations:%n  %s",
                unquotedString(subject), ruleIds, missing, ResourceFieldMessageFactory.violationLines(violations));
    }

    /**
     * Creates the message for expected rule ids that were not reported.
     *
     * @param subject    what was validated, e.g. {@code ManifestSet [Pod "web"] validated with profile
     *                   POD_SECURITY_RESTRICTED}; must not be {@code null}
     * @param ruleIds    the rule ids expected; must not be {@code null}
     * @param missing    the expected rule ids that no violation has; must not be {@code null}
     * @param violations the violations reported; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldContainViolations(String subject, List<String> ruleIds,
            List<String> missing, List<Violation> violations) {
        return new ShouldContainViolations(subject, ruleIds, missing, violations);
    }
}
