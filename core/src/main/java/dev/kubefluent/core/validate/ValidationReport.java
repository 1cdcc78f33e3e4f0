package dev.kubefluent.core.validate;

import java.util.List;

/**
 * The outcome of validating manifests: every violation found, errors first.
 *
 * @since 0.1.0
 */
public final class ValidationReport {

    private final List<Violation> violations;

    /**
     * Creates a report.
     *
     * @param violations the violations; must not be {@code null}
     */
    public ValidationReport(List<Violation> violations) {
        if (violations == null) {
            throw new IllegalArgumentException("violations must not be null");
        }
        this.violations = List.copyOf(violations);
    }

    /** @return every violation, in a stable order */
    public List<Violation> violations() {
        return violations;
    }

    /** @return only the {@link Severity#ERROR} violations */
    public List<Violation> errors() {
        return violations.stream().filter(Violation::isError).toList();
    }

    /** @return only the {@link Severity#WARNING} violations */
    public List<Violation> warnings() {
        return violations.stream().filter(v -> !v.isError()).toList();
    }

    /** @return {@code true} if there is at least one error */
    public boolean hasErrors() {
        return violations.stream().anyMatch(Violation::isError);
    }

    /** @return {@code true} if there is no violation at all */
    public boolean isEmpty() {
        return violations.isEmpty();
    }

    /**
     * Throws if the report has errors.
     *
     * @throws ManifestValidationException listing every error at once
     */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new ManifestValidationException(this);
        }
    }

    @Override
    public String toString() {
        return violations.isEmpty() ? "no violations" : violations.size() + " violation(s): " + violations;
    }
}
