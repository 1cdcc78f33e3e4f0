package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Job and a CronJob's job template share: run-to-completion settings, and {@code restartPolicy: OnFailure}
 * by default, because a Job's Pods may not use Kubernetes' Pod default {@code Always}.
 *
 * @param <SELF> the public builder type
 * @param <R>    the fabric8 resource it builds
 * @param <B>    the fabric8 builder of the escape hatch
 */
abstract class AbstractJobDef<SELF extends AbstractJobDef<SELF, R, B>, R extends HasMetadata, B>
        extends AbstractTemplateDef<SELF, R, B> {

    AbstractJobDef(String name, Ops<R> ops, Ops<B> hatches, SecurityProfile profile) {
        super(name, ops, hatches, profile);
    }

    /** The Job spec, created if absent. */
    abstract JobSpec jobSpec(R resource);

    private PodTemplateSpec template(R r) {
        JobSpec spec = jobSpec(r);
        if (spec.getTemplate() == null) {
            spec.setTemplate(new PodTemplateSpec());
        }
        return spec.getTemplate();
    }

    @Override
    final ObjectMeta podMeta(R r) {
        if (template(r).getMetadata() == null) {
            template(r).setMetadata(new ObjectMeta());
        }
        return template(r).getMetadata();
    }

    @Override
    final PodSpec podSpec(R r) {
        if (template(r).getSpec() == null) {
            template(r).setSpec(new PodSpec());
        }
        return template(r).getSpec();
    }

    @Override
    final Map<String, String> ownPodSelector(R r) {
        Map<String, String> own = new LinkedHashMap<>();
        own.put(Meta.NAME, Meta.labels(podMeta(r)).get(Meta.NAME));
        return own;
    }

    @Override
    final void kindDefaults(R r) {
        PodSpec spec = podSpec(r);
        if (spec.getRestartPolicy() == null) {
            spec.setRestartPolicy(RestartPolicy.ON_FAILURE.value());
        }
    }

    /**
     * Sets the Pods' {@code restartPolicy}: {@code OnFailure} (the default here) restarts failed containers in place,
     * {@code Never} creates a new Pod per retry.
     *
     * @param policy {@link RestartPolicy#ON_FAILURE} or {@link RestartPolicy#NEVER}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     * @throws IllegalArgumentException for {@link RestartPolicy#ALWAYS}, which Jobs reject
     */
    public SELF restartPolicy(RestartPolicy policy) {
        Checks.notNull(policy, "restartPolicy");
        if (policy == RestartPolicy.ALWAYS) {
            throw new IllegalArgumentException("restartPolicy of a Job must be OnFailure or Never but was: Always");
        }
        return onPodSpec(s -> s.setRestartPolicy(policy.value()));
    }

    /**
     * Sets {@code backoffLimit}: retries before the Job fails (Kubernetes default 6).
     *
     * @param retries zero or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF backoffLimit(int retries) {
        Checks.notNegative(retries, "backoffLimit");
        return then(r -> jobSpec(r).setBackoffLimit(retries));
    }

    /**
     * Sets {@code completions}: how many Pods must succeed (Kubernetes default 1).
     *
     * @param completions zero or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF completions(int completions) {
        Checks.notNegative(completions, "completions");
        return then(r -> jobSpec(r).setCompletions(completions));
    }

    /**
     * Sets {@code parallelism}: how many Pods may run at once (Kubernetes default 1).
     *
     * @param parallelism zero or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF parallelism(int parallelism) {
        Checks.notNegative(parallelism, "parallelism");
        return then(r -> jobSpec(r).setParallelism(parallelism));
    }

    /**
     * Sets {@code activeDeadlineSeconds}: the Job fails if it runs longer.
     *
     * @param seconds at least 1
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF activeDeadlineSeconds(long seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("activeDeadlineSeconds must be at least 1 but was: " + seconds);
        }
        return then(r -> jobSpec(r).setActiveDeadlineSeconds(seconds));
    }

    /**
     * Sets {@code ttlSecondsAfterFinished}: the finished Job and its Pods are deleted after this long.
     *
     * @param seconds zero or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF ttlSecondsAfterFinished(int seconds) {
        Checks.notNegative(seconds, "ttlSecondsAfterFinished");
        return then(r -> jobSpec(r).setTtlSecondsAfterFinished(seconds));
    }
}
