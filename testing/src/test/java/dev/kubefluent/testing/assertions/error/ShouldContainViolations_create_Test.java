package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldContainViolations.shouldContainViolations;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.validate.KubeVersion;
import dev.kubefluent.core.validate.RuleSource;
import dev.kubefluent.core.validate.Severity;
import dev.kubefluent.core.validate.Violation;
import java.util.List;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldContainViolations_create_Test {

    @Test
    void should_create_error_message() {
        // GIVEN
        Violation privileged = new Violation(ResourceRef.of("Pod", null, "web"),
                "spec.containers[0].securityContext.privileged", "pss-privileged", Severity.ERROR,
                RuleSource.POD_SECURITY, KubeVersion.of(1, 25),
                "Pod \"web\": spec.containers[0].securityContext.privileged must be false but was: true", null);
        ErrorMessageFactory factory = shouldContainViolations("ManifestSet [Pod \"web\"] validated with profile"
                + " POD_SECURITY_RESTRICTED", List.of("pss-privileged", "pss-run-as-non-root"),
                List.of("pss-run-as-non-root"), List.of(privileged));
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting ManifestSet [Pod \"web\"] validated with profile POD_SECURITY_RESTRICTED%n"
                + "to break the rules:%n"
                + "  [\"pss-privileged\", \"pss-run-as-non-root\"]%n"
                + "but could not find:%n"
                + "  [\"pss-run-as-non-root\"]%n"
                + "among the violations:%n"
                + "  - [pss-privileged] Pod \"web\": spec.containers[0].securityContext.privileged must be false but was: true"));
    }
}
