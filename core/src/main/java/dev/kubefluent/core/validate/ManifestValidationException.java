package dev.kubefluent.core.validate;

import dev.kubefluent.core.KubefluentException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when manifests break rules with severity {@link Severity#ERROR}. The message lists every error at once, one
 * per line, each in the house form {@code <Kind> "<name>": <field.path> <rule> but was: <value>}.
 *
 * @since 0.1.0
 */
public class ManifestValidationException extends KubefluentException {

    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;

    /**
     * Creates the exception for a report with errors.
     *
     * @param report the report; must not be {@code null}
     */
    public ManifestValidationException(ValidationReport report) {
        super(describe(report));
        this.report = report;
    }

    private static String describe(ValidationReport report) {
        if (report == null) {
            throw new IllegalArgumentException("report must not be null");
        }
        List<Violation> errors = report.errors();
        String header = errors.size() == 1 ? "1 error" : errors.size() + " errors";
        return errors.stream().map(v -> "  " + v).collect(Collectors.joining("\n", header + ":\n", ""));
    }

    /** @return the whole report, warnings included */
    public ValidationReport report() {
        return report;
    }

    /** @return the errors */
    public List<Violation> errors() {
        return report.errors();
    }
}
