package dev.kubefluent.core.rollout;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link RolloutEngine#rollout} would do, computed without writing anything: the objects it would create, the
 * fields it would change, the objects it would leave alone and those it would prune.
 *
 * <pre>{@code
 * RolloutPlan plan = engine.plan(set, RolloutOptions.builder().release("shop").prune(true).build());
 * System.out.println(plan);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RolloutPlan {

    private final String release;
    private final List<PlannedChange> changes;

    RolloutPlan(String release, List<PlannedChange> changes) {
        this.release = release;
        this.changes = List.copyOf(changes);
    }

    /** @return the release the plan is for */
    public String release() {
        return release;
    }

    /** @return one entry per object of the set in apply order, then the objects to prune */
    public List<PlannedChange> changes() {
        return changes;
    }

    /** @return {@code true} if anything would be created, changed or pruned */
    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.action() != PlannedChange.Action.UNCHANGED);
    }

    /** @return one block per object, Secret values redacted */
    @Override
    public String toString() {
        return changes.isEmpty() ? "release " + release + ": nothing to do"
                : changes.stream().map(PlannedChange::toString).collect(Collectors.joining("\n", "release " + release + ":\n", ""));
    }
}
