package dev.kubefluent.dsl;

/**
 * What the scheduler does when a topology spread constraint cannot be met ({@code whenUnsatisfiable}).
 *
 * @since 0.1.0
 */
public enum WhenUnsatisfiable {
    /** Do not schedule the Pod. */
    DO_NOT_SCHEDULE("DoNotSchedule"),
    /** Schedule it anyway, preferring nodes that reduce the skew. */
    SCHEDULE_ANYWAY("ScheduleAnyway");

    private final String value;

    WhenUnsatisfiable(String value) {
        this.value = value;
    }

    /** @return the value as written in a manifest, e.g. {@code ScheduleAnyway} */
    public String value() {
        return value;
    }
}
