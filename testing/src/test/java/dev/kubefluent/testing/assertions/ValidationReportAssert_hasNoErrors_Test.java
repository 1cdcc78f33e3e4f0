package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.violation;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldBeValid.shouldBeValid;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.validate.Severity;
import dev.kubefluent.core.validate.ValidationReport;
import dev.kubefluent.core.validate.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportAssert_hasNoErrors_Test {

    private final Violation warning = violation("image-tag-latest", Severity.WARNING,
            "spec.template.spec.containers[0].image", "should pin a tag", "\"nginx:latest\"");
    private final Violation error = violation("replicas-negative", Severity.ERROR, "spec.replicas",
            "must be greater than or equal to 0", "-1");

    @Test
    void should_pass_if_report_has_only_warnings() {
        // GIVEN
        ValidationReport report = new ValidationReport(List.of(warning));
        // WHEN
        ValidationReportAssert result = assertThat(report).hasNoErrors();
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_report_has_errors() {
        // GIVEN
        ValidationReport report = new ValidationReport(List.of(error, warning));
        // WHEN
        AssertionError assertionError = expectAssertionError(() -> assertThat(report).hasNoErrors());
        // THEN
        then(assertionError).hasMessage(shouldBeValid("the validation report", List.of(error)).create());
    }
}
