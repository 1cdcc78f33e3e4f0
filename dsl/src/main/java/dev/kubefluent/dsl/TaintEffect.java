package dev.kubefluent.dsl;

/**
 * The {@code effect} of a taint that a toleration tolerates.
 *
 * @since 0.1.0
 */
public enum TaintEffect {
    /** Pods that do not tolerate the taint are not scheduled on the node. */
    NO_SCHEDULE("NoSchedule"),
    /** The scheduler tries to avoid the node. */
    PREFER_NO_SCHEDULE("PreferNoSchedule"),
    /** Pods that do not tolerate the taint are evicted from the node. */
    NO_EXECUTE("NoExecute");

    private final String value;

    TaintEffect(String value) {
        this.value = value;
    }

    /** @return the value as written in a manifest, e.g. {@code NoSchedule} */
    public String value() {
        return value;
    }
}
