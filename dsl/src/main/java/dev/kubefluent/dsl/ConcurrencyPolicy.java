package dev.kubefluent.dsl;

/**
 * A CronJob's {@code spec.concurrencyPolicy}: what happens when a run is due while the previous one still runs.
 *
 * @since 0.1.0
 */
public enum ConcurrencyPolicy {
    /** Runs overlap (the Kubernetes default). */
    ALLOW("Allow"),
    /** The new run is skipped. */
    FORBID("Forbid"),
    /** The running Job is replaced by the new one. */
    REPLACE("Replace");

    private final String value;

    ConcurrencyPolicy(String value) {
        this.value = value;
    }

    /** @return the value as written in a manifest, e.g. {@code Forbid} */
    public String value() {
        return value;
    }
}
