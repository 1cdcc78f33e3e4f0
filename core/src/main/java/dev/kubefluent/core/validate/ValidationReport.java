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

    /**
     * Renders the report for people: a summary line, then the violations grouped by resource, each with its rule id,
     * source, the version it applies from, and the fix when one is known.
     *
     * <pre>{@code
     * 1 error, 0 warnings in 1 resource
     *
     * Deployment shop/web
     *   ERROR   spec.template.spec.containers[0].ports[0].containerPort must be between 1 and 65535 but was: 70000  [container-port-invalid, API server since 1.0]
     * }</pre>
     *
     * @return the text, ending with a newline
     */
    public String toText() {
        return ReportWriter.text(violations);
    }

    /**
     * Renders the report as JSON for tools: {@code {"errors":n,"warnings":n,"violations":[{"kind", "namespace",
     * "name", "path", "ruleId", "severity", "source", "since", "message", "hint"}]}}; absent values are {@code null}.
     *
     * @return the JSON document
     */
    public String toJson() {
        return ReportWriter.json(violations);
    }

    @Override
    public String toString() {
        return violations.isEmpty() ? "no violations" : violations.size() + " violation(s): " + violations;
    }
}
