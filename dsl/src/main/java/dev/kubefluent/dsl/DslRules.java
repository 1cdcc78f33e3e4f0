package dev.kubefluent.dsl;

import dev.kubefluent.core.validate.ValidationReport;
import dev.kubefluent.core.validate.Validator;
import dev.kubefluent.core.validate.Violation;
import java.util.List;

/**
 * How a builder that checks its wiring with the shared validator (an Ingress with its Services and TLS Secrets, a
 * NetworkPolicy with its workloads) reports: in the validator's exception type, listing every error at once.
 */
final class DslRules {

    /** The shared validator in strict mode, where a missing reference is an error; immutable and thread-safe. */
    static final Validator STRICT = Validator.builder().strict(true).build();

    private DslRules() {
        throw new UnsupportedOperationException("no instances");
    }

    /** Throws one {@link dev.kubefluent.core.validate.ManifestValidationException} listing every error, if any. */
    static void throwIfAny(List<Violation> errors) {
        new ValidationReport(errors).throwIfErrors();
    }
}
