package dev.kubefluent.core.rollout;

import java.util.Objects;

/**
 * One field that a rollout would change, with its value before and after. Values of a Secret's {@code data} and
 * {@code stringData} are always {@code <redacted>}.
 *
 * @param path   the field path, e.g. {@code spec.template.spec.containers[0].image}; never {@code null}
 * @param before the live value as JSON text, or {@code null} when the field is absent
 * @param after  the value the rollout would write as JSON text, or {@code null} when the field would be removed
 * @since 0.1.0
 */
public record FieldChange(String path, String before, String after) {

    /** Checks the path. */
    public FieldChange {
        Objects.requireNonNull(path, "path must not be null");
    }

    /** @return {@code path: before -> after}, with {@code <absent>} for a missing side */
    @Override
    public String toString() {
        return path + ": " + (before == null ? "<absent>" : before) + " -> " + (after == null ? "<absent>" : after);
    }
}
