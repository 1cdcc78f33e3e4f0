package dev.kubefluent.core.render;

import dev.kubefluent.core.validate.Validator;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link dev.kubefluent.core.ManifestSet#toYaml(RenderOptions)} and its siblings check manifests before writing
 * them.
 *
 * <p>By default ({@link #defaults()}) a set is validated with {@link Validator#defaults()} and refused with a
 * {@link dev.kubefluent.core.validate.ManifestValidationException} if it has errors, so that YAML a real API server
 * would reject is never written. Skipping that check has to be asked for by name:
 *
 * <pre>{@code
 * String yaml = set.toYaml(RenderOptions.withoutValidation());          // write even broken manifests
 * String strict = set.toYaml(RenderOptions.validatingWith(
 *         Validator.builder().profile(Profile.POD_SECURITY_RESTRICTED).build()));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RenderOptions {

    private static final RenderOptions WITHOUT_VALIDATION = new RenderOptions(null);
    private static final RenderOptions DEFAULTS = new RenderOptions(Validator.defaults());

    private final Validator validator;

    private RenderOptions(Validator validator) {
        this.validator = validator;
    }

    /**
     * Returns the default options: validate with {@link Validator#defaults()} and refuse a set with errors.
     *
     * @return the default options
     */
    public static RenderOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns options that validate with the given validator and refuse a set with errors.
     *
     * @param validator the validator to run before writing; must not be {@code null}
     * @return the options
     * @throws IllegalArgumentException if {@code validator} is {@code null}
     */
    public static RenderOptions validatingWith(Validator validator) {
        if (validator == null) {
            throw new IllegalArgumentException("validator must not be null");
        }
        return new RenderOptions(validator);
    }

    /**
     * Returns options that skip validation: the set is written even if an API server would reject it. Meant for
     * tools that show broken manifests, and for tests.
     *
     * @return the options
     */
    public static RenderOptions withoutValidation() {
        return WITHOUT_VALIDATION;
    }

    /**
     * Returns the validator run before writing.
     *
     * @return the validator, or empty if validation is skipped
     */
    public Optional<Validator> validator() {
        return Optional.ofNullable(validator);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenderOptions other && Objects.equals(validator, other.validator);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(validator);
    }

    /** @return {@code RenderOptions[validate]} or {@code RenderOptions[without validation]} */
    @Override
    public String toString() {
        return validator == null ? "RenderOptions[without validation]" : "RenderOptions[validate]";
    }
}
