package dev.kubefluent.dsl;

/**
 * The required next step after {@link Kube#cronJob(String)}: a CronJob must have a schedule.
 *
 * <p>A step is meant for chaining, not for a variable.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class CronJobScheduleStep {

    private final String name;

    CronJobScheduleStep(String name) {
        this.name = name;
    }

    /**
     * Sets {@code spec.schedule} in cron syntax: five fields ({@code minute hour day-of-month month day-of-week}) or a
     * macro such as {@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly}, {@code @yearly}. Use
     * {@link CronJobDef#timeZone(String)} for a time zone, not {@code TZ=} in the schedule.
     *
     * @param schedule the schedule, e.g. {@code 0 3 * * *}; must not be {@code null}
     * @return the CronJob, for its optional settings
     * @throws IllegalArgumentException if the schedule is not of that form
     */
    public CronJobDef schedule(String schedule) {
        return CronJobDef.of(name, Checks.cronSchedule(schedule));
    }
}
