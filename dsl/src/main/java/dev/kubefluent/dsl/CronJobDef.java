package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpec;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * A {@code batch/v1} CronJob under construction: a Job created on a schedule. Immutable: every method returns a new
 * builder, and each {@link #build()} returns fresh fabric8 objects. The Job settings ({@code backoffLimit},
 * {@code restartPolicy}, …) apply to {@code spec.jobTemplate}.
 *
 * <pre>{@code
 * CronJob nightly = cronJob("report").schedule("0 3 * * *").timeZone("Europe/Berlin")
 *     .concurrencyPolicy(ConcurrencyPolicy.FORBID)
 *     .container(container("report").image("ghcr.io/acme/report:2.0"))
 *     .build();
 * }</pre>
 *
 * <p>Defaults are those of {@link JobDef}.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class CronJobDef extends AbstractJobDef<CronJobDef, CronJob, CronJobBuilder> {

    private final String schedule;

    private CronJobDef(String name, String schedule, Ops<CronJob> ops, Ops<CronJobBuilder> hatches,
            SecurityProfile profile) {
        super(name, ops, hatches, profile);
        this.schedule = schedule;
    }

    static CronJobDef of(String name, String schedule) {
        return new CronJobDef(name, schedule, Ops.empty(), Ops.empty(), null);
    }

    static String checkName(String name) {
        Checks.dns1123Subdomain(name, "CronJob name");
        if (name.length() > 52) {
            throw new IllegalArgumentException("CronJob name must be at most 52 characters (its Jobs add 11) but was: "
                    + name.length() + " characters in " + Checks.quoted(name));
        }
        return name;
    }

    @Override
    CronJobDef copy(Ops<CronJob> ops, Ops<CronJobBuilder> hatches, SecurityProfile profile) {
        return new CronJobDef(name, schedule, ops, hatches, profile);
    }

    @Override
    CronJob newDraft() {
        CronJob c = new CronJob();
        c.setMetadata(Meta.named(name));
        CronJobSpec spec = new CronJobSpec();
        spec.setSchedule(schedule);
        c.setSpec(spec);
        return c;
    }

    private static CronJobSpec spec(CronJob c) {
        if (c.getSpec() == null) {
            c.setSpec(new CronJobSpec());
        }
        return c.getSpec();
    }

    @Override
    JobSpec jobSpec(CronJob c) {
        CronJobSpec spec = spec(c);
        if (spec.getJobTemplate() == null) {
            spec.setJobTemplate(new JobTemplateSpec(null, new JobSpec()));
        }
        if (spec.getJobTemplate().getSpec() == null) {
            spec.getJobTemplate().setSpec(new JobSpec());
        }
        return spec.getJobTemplate().getSpec();
    }

    @Override
    CronJobBuilder toBuilder(CronJob c) {
        return new CronJobBuilder(c);
    }

    @Override
    CronJob fromBuilder(CronJobBuilder b) {
        return b.build();
    }

    /**
     * Sets {@code spec.timeZone}, an IANA time zone such as {@code Europe/Berlin} (default: the controller's zone).
     *
     * @param zone the zone id; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     * @throws IllegalArgumentException if the zone is unknown
     */
    public CronJobDef timeZone(String zone) {
        Checks.notNull(zone, "timeZone");
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone must be an IANA time zone such as \"Europe/Berlin\" but was: "
                    + Checks.quoted(zone), e);
        }
        return then(c -> spec(c).setTimeZone(zone));
    }

    /**
     * Sets {@code spec.concurrencyPolicy} (Kubernetes default Allow).
     *
     * @param policy the policy; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public CronJobDef concurrencyPolicy(ConcurrencyPolicy policy) {
        Checks.notNull(policy, "concurrencyPolicy");
        return then(c -> spec(c).setConcurrencyPolicy(policy.value()));
    }

    /**
     * Sets {@code spec.startingDeadlineSeconds}: a run that could not start within this time is skipped.
     *
     * @param seconds zero or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public CronJobDef startingDeadlineSeconds(long seconds) {
        Checks.notNegative(seconds, "startingDeadlineSeconds");
        return then(c -> spec(c).setStartingDeadlineSeconds(seconds));
    }

    /**
     * Sets how many finished Jobs to keep ({@code successfulJobsHistoryLimit}, Kubernetes default 3;
     * {@code failedJobsHistoryLimit}, default 1).
     *
     * @param successful zero or more
     * @param failed     zero or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public CronJobDef historyLimits(int successful, int failed) {
        Checks.notNegative(successful, "successfulJobsHistoryLimit");
        Checks.notNegative(failed, "failedJobsHistoryLimit");
        return then(c -> {
            spec(c).setSuccessfulJobsHistoryLimit(successful);
            spec(c).setFailedJobsHistoryLimit(failed);
        });
    }

    /**
     * Sets {@code spec.suspend}: a suspended CronJob creates no Jobs.
     *
     * @param suspend whether to suspend
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public CronJobDef suspend(boolean suspend) {
        return then(c -> spec(c).setSuspend(suspend));
    }
}
