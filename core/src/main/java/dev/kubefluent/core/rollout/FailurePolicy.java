package dev.kubefluent.core.rollout;

/**
 * What the engine does when a rollout fails or times out.
 *
 * @since 0.1.0
 */
public enum FailurePolicy {
    /**
     * Restore the previous revision of the release as a whole (every object it recorded, removing the objects the
     * failed revision added), wait for it, and report {@link RolloutStatus#ROLLED_BACK}. The default, as
     * {@code helm upgrade --atomic}.
     */
    ROLLBACK,
    /** Leave the cluster as the failed rollout left it and report {@link RolloutStatus#FAILED} (or {@code TIMED_OUT}). */
    LEAVE
}
