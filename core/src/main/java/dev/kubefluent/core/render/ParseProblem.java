package dev.kubefluent.core.render;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.validate.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found while reading YAML strictly: where it is (document, line, field path), which rule it breaks, and
 * what to do about it.
 *
 * <p>{@link #message()} reads like a compiler message: {@code document 1, line 12: Deployment "web":
 * spec.template.spec.contianers is not a field of PodSpec}; {@link #toString()} adds the hint:
 * {@code (did you mean `containers`?)}. A value from the {@code data} or {@code stringData} of a {@code Secret} is
 * shown as {@code <redacted>}.
 *
 * @param document the 1-based position of the YAML document in the input ({@code 1} is the first document)
 * @param line     the 1-based line of the offending key or value, {@code 0} if unknown
 * @param resource the resource the document describes, or {@code null} when its kind is not known
 * @param path     the field path inside the resource, e.g. {@code spec.template.spec.containers[0].name}; empty for
 *                 the document as a whole; never {@code null}
 * @param ruleId   a stable kebab-case id, e.g. {@code yaml-unknown-field}; never {@code null}
 * @param severity {@link Severity#ERROR} (the input is refused) or {@link Severity#WARNING}; never {@code null}
 * @param message  the full message with the location; never {@code null}
 * @param hint     how to fix it, or {@code null} when no fix is known
 * @since 0.1.0
 */
public record ParseProblem(
        int document,
        int line,
        ResourceRef resource,
        String path,
        String ruleId,
        Severity severity,
        String message,
        String hint) {

    /** Checks the components. */
    public ParseProblem {
        if (document < 1) {
            throw new IllegalArgumentException("document must be at least 1 but was: " + document);
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative but was: " + line);
        }
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(ruleId, "ruleId must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    /**
     * Returns the resource the problem is in.
     *
     * @return the resource, or empty when the document has no usable kind
     */
    public Optional<ResourceRef> resourceRef() {
        return Optional.ofNullable(resource);
    }

    /**
     * Returns how to fix the problem, when known.
     *
     * @return the hint, e.g. {@code did you mean `containers`?}
     */
    public Optional<String> fixHint() {
        return Optional.ofNullable(hint);
    }

    /** @return {@code true} for an {@link Severity#ERROR} */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** @return the message, followed by the hint in parentheses when there is one */
    @Override
    public String toString() {
        return hint == null ? message : message + " (" + hint + ")";
    }
}
