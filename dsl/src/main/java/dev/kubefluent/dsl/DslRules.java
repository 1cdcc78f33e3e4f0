package dev.kubefluent.dsl;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.validate.KubeVersion;
import dev.kubefluent.core.validate.RuleSource;
import dev.kubefluent.core.validate.Severity;
import dev.kubefluent.core.validate.ValidationReport;
import dev.kubefluent.core.validate.Violation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The few wiring checks only the DSL can make, because only the DSL holds the objects a builder was given (an
 * Ingress's TLS Secret, which a set validation never sees when the Secret is kept out of the set). They report in the
 * validator's form and exception type, with a rule id of their own.
 */
final class DslRules {

    /** An Ingress takes its TLS Secret from another namespace, where the Ingress controller cannot read it. */
    static final String INGRESS_TLS_SECRET_NAMESPACE = "ingress-tls-secret-namespace";

    private DslRules() {
        throw new UnsupportedOperationException("no instances");
    }

    /** One error in the house form {@code <Kind> "<name>": <path> <text> but was: <shown>}. */
    static Violation error(HasMetadata resource, String ruleId, String path, String text, String shown, String hint) {
        ResourceRef ref = ResourceRef.of(resource);
        return new Violation(ref, path, ruleId, Severity.ERROR, RuleSource.KUBEFLUENT, KubeVersion.of(1, 0),
                ref + ": " + path + " " + text + " but was: " + shown, hint);
    }

    /** Throws one {@link dev.kubefluent.core.validate.ManifestValidationException} listing every error, if any. */
    static void throwIfAny(List<Violation> errors) {
        new ValidationReport(errors).throwIfErrors();
    }
}
