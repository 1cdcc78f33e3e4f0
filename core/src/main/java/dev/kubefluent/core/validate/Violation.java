package dev.kubefluent.core.validate;

import dev.kubefluent.core.ResourceRef;
import java.util.Objects;
import java.util.Optional;

/**
 * One broken rule in one manifest.
 *
 * <p>{@link #message()} is in the house form
 * {@code <Kind> "<name>": <field.path> <rule> but was: <value>}, for example
 * {@code Deployment "web": spec.template.spec.containers[0].ports[0].containerPort must be between 1 and 65535 but was: 70000}.
 * A value taken from a {@code Secret}'s data is always shown as {@code <redacted>}.
 *
 * @param resource the object that breaks the rule; never {@code null}
 * @param path     the field path inside the object, e.g. {@code spec.template.spec.containers[0].image}; empty for the
 *                 object as a whole, never {@code null}
 * @param ruleId   a stable kebab-case id, e.g. {@code service-target-port-missing}; never {@code null}
 * @param severity how serious it is; never {@code null}
 * @param source   who enforces the rule; never {@code null}
 * @param since    the first Kubernetes version the rule applies to; never {@code null}
 * @param message  the full message in the house form; never {@code null}
 * @param hint     how to fix it, or {@code null} when no fix is known
 * @since 0.1.0
 */
public record Violation(
        ResourceRef resource,
        String path,
        String ruleId,
        Severity severity,
        RuleSource source,
        KubeVersion since,
        String message,
        String hint) {

    /** Checks that every component but {@code hint} is present. */
    public Violation {
        Objects.requireNonNull(resource, "resource must not be null");
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(ruleId, "ruleId must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(since, "since must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    /**
     * Returns how to fix the violation, when known.
     *
     * @return the fix hint
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
