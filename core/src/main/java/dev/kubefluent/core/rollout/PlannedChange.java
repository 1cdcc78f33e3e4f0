package dev.kubefluent.core.rollout;

import dev.kubefluent.core.ResourceRef;
import java.util.List;
import java.util.Objects;

/**
 * What a rollout would do to one object.
 *
 * @param resource the object; never {@code null}
 * @param action   create, change, leave unchanged or prune; never {@code null}
 * @param fields   the field-level diff of a {@link Action#CHANGE}; empty otherwise; never {@code null}
 * @since 0.1.0
 */
public record PlannedChange(ResourceRef resource, Action action, List<FieldChange> fields) {

    /** What would happen to the object. */
    public enum Action {
        /** It does not exist and would be created. */
        CREATE,
        /** It exists and the listed fields would change. */
        CHANGE,
        /** It exists and nothing would change. */
        UNCHANGED,
        /** It belongs to the release, is no longer in the set and would be deleted (prune). */
        PRUNE
    }

    /** Checks and copies the components. */
    public PlannedChange {
        Objects.requireNonNull(resource, "resource must not be null");
        Objects.requireNonNull(action, "action must not be null");
        fields = List.copyOf(fields);
    }

    /** @return e.g. {@code Deployment "web" (shop/web): change}, then one indented line per field */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(resource.toString()).append(" (").append(resource.qualifiedName()).append("): ")
                .append(action.name().toLowerCase(java.util.Locale.ROOT));
        fields.forEach(f -> b.append("\n  ").append(f));
        return b.toString();
    }
}
