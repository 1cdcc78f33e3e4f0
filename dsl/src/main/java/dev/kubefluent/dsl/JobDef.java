package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;

/**
 * A {@code batch/v1} Job under construction: Pods that run to completion. Immutable: every method returns a new
 * builder, and each {@link #build()} returns fresh fabric8 objects.
 *
 * <pre>{@code
 * Job migrate = job("migrate-1-4-2").backoffLimit(2).ttlSecondsAfterFinished(3600)
 *     .container(container("migrate").image("ghcr.io/acme/migrate:1.4.2").command("./migrate", "--all"))
 *     .build();
 * }</pre>
 *
 * <p>Defaults: {@code restartPolicy: OnFailure} (a Job's Pods may not use {@code Always}); no selector (Kubernetes
 * generates one); otherwise those of {@link DeploymentDef}.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class JobDef extends AbstractJobDef<JobDef, Job, JobBuilder> {

    private JobDef(String name, Ops<Job> ops, Ops<JobBuilder> hatches, SecurityProfile profile) {
        super(name, ops, hatches, profile);
    }

    static JobDef of(String name) {
        return new JobDef(Checks.dns1123Subdomain(name, "Job name"), Ops.empty(), Ops.empty(), null);
    }

    @Override
    JobDef copy(Ops<Job> ops, Ops<JobBuilder> hatches, SecurityProfile profile) {
        return new JobDef(name, ops, hatches, profile);
    }

    @Override
    Job newDraft() {
        Job j = new Job();
        j.setMetadata(Meta.named(name));
        j.setSpec(new JobSpec());
        return j;
    }

    @Override
    JobSpec jobSpec(Job j) {
        if (j.getSpec() == null) {
            j.setSpec(new JobSpec());
        }
        return j.getSpec();
    }

    @Override
    JobBuilder toBuilder(Job j) {
        return new JobBuilder(j);
    }

    @Override
    Job fromBuilder(JobBuilder b) {
        return b.build();
    }
}
