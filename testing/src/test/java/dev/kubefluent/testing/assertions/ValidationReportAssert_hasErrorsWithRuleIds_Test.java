package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.violation;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldContainViolations.shouldContainViolations;
import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenIllegalArgumentException;

import dev.kubefluent.core.validate.Severity;
import dev.kubefluent.core.validate.ValidationReport;
import dev.kubefluent.core.validate.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportAssert_hasErrorsWithRuleIds_Test {

    private final Violation warning = violation("image-tag-latest", Severity.WARNING,
            "spec.template.spec.containers[0].image", "should pin a tag", "\"nginx:latest\"");
    private final Violation error = violation("replicas-negative", Severity.ERROR, "spec.replicas",
            "must be greater than or equal to 0", "-1");
    private final ValidationReport report = new ValidationReport(List.of(error, warning));

    @Test
    void should_pass_if_every_rule_has_an_error() {
        // WHEN
        ValidationReportAssert result = assertThat(report).hasErrorsWithRuleIds("replicas-negative");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_a_rule_has_only_a_warning_or_nothing() {
        // WHEN
        AssertionError assertionError = expectAssertionError(
                () -> assertThat(report).hasErrorsWithRuleIds("replicas-negative", "image-tag-latest", "image-missing"));
        // THEN
        then(assertionError).hasMessage(shouldContainViolations("the validation report",
                List.of("replicas-negative", "image-tag-latest", "image-missing"),
                List.of("image-tag-latest", "image-missing"), List.of(error, warning)).create());
    }

    @Test
    void should_throw_if_no_rule_id_is_given() {
        thenIllegalArgumentException().isThrownBy(() -> assertThat(report).hasErrorsWithRuleIds())
                .withMessage("rule ids must not be empty");
    }
}
