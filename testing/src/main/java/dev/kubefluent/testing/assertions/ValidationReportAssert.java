package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.error.ShouldBeValid.shouldBeValid;
import static dev.kubefluent.testing.assertions.error.ShouldContainViolations.shouldContainViolations;

import dev.kubefluent.core.validate.ValidationReport;
import dev.kubefluent.core.validate.Violation;
import java.util.Arrays;
import java.util.List;

/**
 * Assertions on a {@link ValidationReport}: whether it has errors, and which rules were broken where.
 *
 * <pre>{@code
 * assertThat(Validator.defaults().validate(set)).hasNoErrors();
 * assertThat(report).hasErrorsWithRuleIds("service-target-port-missing")
 *                   .hasViolationAt("service-target-port-missing", "spec.ports[0].targetPort");
 * }</pre>
 *
 * @since 0.1.0
 */
public class ValidationReportAssert extends AbstractKubeAssert<ValidationReportAssert, ValidationReport> {

    /**
     * Creates an assertion; prefer {@link KubeAssertions#assertThat(ValidationReport)}.
     *
     * @param actual the report under test, may be {@code null} (every assertion then fails)
     */
    public ValidationReportAssert(ValidationReport actual) {
        super(actual, ValidationReportAssert.class);
    }

    /**
     * Verifies that the report has no {@code ERROR} violation; warnings are allowed.
     *
     * <p>Assertion succeeds: {@code assertThat(report).hasNoErrors();} for a report with only warnings. Assertion
     * fails: the same call for a report with an error; the message lists every error.
     *
     * @return this assertion for method chaining
     * @throws AssertionError if the report has errors
     */
    public ValidationReportAssert hasNoErrors() {
        if (skipped) {
            return myself;
        }
        isNotNull();
        if (actual.hasErrors()) {
            throwAssertionError(shouldBeValid("the validation report", actual.errors()));
        }
        return myself;
    }

    /**
     * Verifies that for each given rule id the report has at least one {@code ERROR} violation of that rule; other
     * errors may be there too.
     *
     * <p>Assertion succeeds: {@code assertThat(report).hasErrorsWithRuleIds("pss-privileged");} for a report with a
     * {@code pss-privileged} error. Assertion fails: the same call for a report without one.
     *
     * @param ruleIds the rule ids; at least one, none {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if no rule id is given or one is {@code null}
     * @throws AssertionError if a rule id has no error in the report
     */
    public ValidationReportAssert hasErrorsWithRuleIds(String... ruleIds) {
        List<String> expected = ruleIds(ruleIds);
        if (skipped) {
            return myself;
        }
        isNotNull();
        List<String> missing = missingRuleIds(actual.errors(), expected);
        if (!missing.isEmpty()) {
            throwAssertionError(shouldContainViolations("the validation report", expected, missing, actual.violations()));
        }
        return myself;
    }

    /**
     * Verifies that the report has a violation (error or warning) of the given rule at the given field path.
     *
     * <p>Assertion succeeds: {@code assertThat(report).hasViolationAt("image-missing",
     * "spec.template.spec.containers[0].image");} when that violation is reported. Assertion fails: the same call
     * when the rule is broken at another path or not at all.
     *
     * @param ruleId the rule id; must not be {@code null}
     * @param path   the field path inside the object; must not be {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if an argument is {@code null}
     * @throws AssertionError if no violation has both that rule id and that path
     */
    public ValidationReportAssert hasViolationAt(String ruleId, String path) {
        Checks.notNull(ruleId, "rule id");
        Checks.notNull(path, "path");
        if (skipped) {
            return myself;
        }
        isNotNull();
        boolean found = actual.violations().stream().anyMatch(v -> v.ruleId().equals(ruleId) && v.path().equals(path));
        if (!found) {
            throwAssertionError(shouldContainViolations("the validation report", List.of(ruleId + " at " + path),
                    List.of(ruleId + " at " + path), actual.violations()));
        }
        return myself;
    }

    /** Checks rule-id arguments: at least one, none {@code null}. */
    static List<String> ruleIds(String... ruleIds) {
        Checks.notNull(ruleIds, "rule ids");
        if (ruleIds.length == 0) {
            throw new IllegalArgumentException("rule ids must not be empty");
        }
        for (String id : ruleIds) {
            Checks.notNull(id, "rule id");
        }
        return Arrays.asList(ruleIds);
    }

    /** @return the expected rule ids that no given violation has */
    static List<String> missingRuleIds(List<Violation> violations, List<String> expected) {
        return expected.stream().filter(id -> violations.stream().noneMatch(v -> v.ruleId().equals(id))).toList();
    }
}
