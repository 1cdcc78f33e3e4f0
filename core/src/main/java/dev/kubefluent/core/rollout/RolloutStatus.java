package dev.kubefluent.core.rollout;

/**
 * How a rollout ended.
 *
 * @since 0.1.0
 */
public enum RolloutStatus {
    /** Every object was applied and every workload completed its rollout. */
    SUCCEEDED,
    /** The rollout failed and, by {@link FailurePolicy#LEAVE} or for lack of a previous revision, was left as it is. */
    FAILED,
    /** The rollout failed and the previous release revision was restored and completed. */
    ROLLED_BACK,
    /** The rollout failed, and restoring the previous release revision failed too. */
    ROLLBACK_FAILED,
    /** The engine's own overall timeout ran out before the workloads completed (and the rollout was left as it is). */
    TIMED_OUT
}
