package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * The required next step after {@link Kube#podDisruptionBudget(HasMetadata)}: the budget, as exactly one of
 * {@code maxUnavailable} and {@code minAvailable}.
 *
 * <p>A step is meant for chaining, not for a variable.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class PodDisruptionBudgetStep {

    private final HasMetadata workload;

    PodDisruptionBudgetStep(HasMetadata workload) {
        this.workload = workload;
    }

    /**
     * Allows at most this many Pods to be down at once ({@code maxUnavailable}).
     *
     * @param pods zero or more
     * @return the budget
     */
    public PodDisruptionBudgetDef maxUnavailable(int pods) {
        return PodDisruptionBudgetDef.of(workload, true, new IntOrString(Checks.notNegative(pods, "maxUnavailable")));
    }

    /**
     * Allows at most this share of the Pods to be down at once ({@code maxUnavailable}).
     *
     * @param percent a percentage such as {@code 25%}; must not be {@code null}
     * @return the budget
     */
    public PodDisruptionBudgetDef maxUnavailable(String percent) {
        return PodDisruptionBudgetDef.of(workload, true, new IntOrString(Checks.percent(percent, "maxUnavailable")));
    }

    /**
     * Keeps at least this many Pods available ({@code minAvailable}).
     *
     * @param pods zero or more
     * @return the budget
     */
    public PodDisruptionBudgetDef minAvailable(int pods) {
        return PodDisruptionBudgetDef.of(workload, false, new IntOrString(Checks.notNegative(pods, "minAvailable")));
    }

    /**
     * Keeps at least this share of the Pods available ({@code minAvailable}).
     *
     * @param percent a percentage such as {@code 50%}; must not be {@code null}
     * @return the budget
     */
    public PodDisruptionBudgetDef minAvailable(String percent) {
        return PodDisruptionBudgetDef.of(workload, false, new IntOrString(Checks.percent(percent, "minAvailable")));
    }
}
