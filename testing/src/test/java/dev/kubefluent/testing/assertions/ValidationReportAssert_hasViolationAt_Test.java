package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.violation;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldContainViolations.shouldContainViolations;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.validate.Severity;
import dev.kubefluent.core.validate.ValidationReport;
import dev.kubefluent.core.validate.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportAssert_hasViolationAt_Test {

    private final Violation warning = violation("image-tag-latest", Severity.WARNING,
            "spec.template.spec.containers[0].image", "should pin a tag", "\"nginx:latest\"");
    private final ValidationReport report = new ValidationReport(List.of(warning));

    @Test
    void should_pass_if_the_rule_is_broken_at_the_path() {
        // WHEN
        ValidationReportAssert result = assertThat(report)
                .hasViolationAt("image-tag-latest", "spec.template.spec.containers[0].image");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_the_rule_is_broken_elsewhere() {
        // WHEN
        AssertionError assertionError = expectAssertionError(
                () -> assertThat(report).hasViolationAt("image-tag-latest", "spec.template.spec.containers[1].image"));
        // THEN
        then(assertionError).hasMessage(shouldContainViolations("the validation report",
                List.of("image-tag-latest at spec.template.spec.containers[1].image"),
                List.of("image-tag-latest at spec.template.spec.containers[1].image"), List.of(warning)).create());
    }
}
