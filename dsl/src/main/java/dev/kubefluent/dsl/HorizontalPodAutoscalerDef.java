package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;

/**
 * An {@code autoscaling/v2} HorizontalPodAutoscaler under construction: scales a workload between a minimum and a
 * maximum replica count on CPU, memory or custom metrics (per Pod, about another object, or external). Immutable:
 * every method returns a new builder.
 *
 * <pre>{@code
 * Deployment web = deployment("web").replicasOwnedByAutoscaler().container(...).build();
 * HorizontalPodAutoscaler hpa = horizontalPodAutoscaler(web, 2, 10).cpuUtilization(70).build();
 * }</pre>
 *
 * <h2>Who owns the replica count</h2>
 * The target must not set {@code spec.replicas}: re-applying a manifest with replicas would reset the count the
 * autoscaler chose. Build the workload with {@code replicasOwnedByAutoscaler()}; a target that sets replicas is
 * refused. (Handing ownership of an existing {@code replicas} field over under server-side apply is the rollout
 * engine's job and not done here.)
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class HorizontalPodAutoscalerDef extends AbstractNamespacedDef<HorizontalPodAutoscalerDef,
        HorizontalPodAutoscaler, HorizontalPodAutoscalerBuilder> {

    private HorizontalPodAutoscalerDef(String name, Ops<HorizontalPodAutoscaler> ops,
            Ops<HorizontalPodAutoscalerBuilder> hatches) {
        super(name, ops, hatches);
    }

    static HorizontalPodAutoscalerDef of(HasMetadata workload, int min, int max) {
        String name = Refs.name(workload, "workload");
        Integer replicas;
        if (workload instanceof Deployment d) {
            replicas = d.getSpec() == null ? null : d.getSpec().getReplicas();
        } else if (workload instanceof StatefulSet s) {
            replicas = s.getSpec() == null ? null : s.getSpec().getReplicas();
        } else if (workload instanceof ReplicaSet r) {
            replicas = r.getSpec() == null ? null : r.getSpec().getReplicas();
        } else {
            throw new IllegalArgumentException("an autoscaler can scale a Deployment, StatefulSet or ReplicaSet but"
                    + " was: " + workload.getKind() + " " + Checks.quoted(name));
        }
        if (replicas != null) {
            throw new IllegalArgumentException(workload.getKind() + " " + Checks.quoted(name) + ": spec.replicas must"
                    + " be unset when an autoscaler owns the replica count but was: " + replicas
                    + " (build it with replicasOwnedByAutoscaler())");
        }
        Checks.positive(min, "minReplicas");
        if (max < min) {
            throw new IllegalArgumentException("maxReplicas must be at least minReplicas (" + min + ") but was: " + max);
        }
        String namespace = workload.getMetadata().getNamespace();
        String kind = workload.getKind();
        String apiVersion = workload.getApiVersion();
        return new HorizontalPodAutoscalerDef(name, Ops.<HorizontalPodAutoscaler>empty().then(h -> {
            h.getMetadata().setNamespace(namespace);
            HorizontalPodAutoscalerSpec spec = new HorizontalPodAutoscalerSpec();
            spec.setScaleTargetRef(new CrossVersionObjectReference(apiVersion, kind, name));
            spec.setMinReplicas(min);
            spec.setMaxReplicas(max);
            h.setSpec(spec);
        }), Ops.empty());
    }

    @Override
    HorizontalPodAutoscalerDef with(Ops<HorizontalPodAutoscaler> ops, Ops<HorizontalPodAutoscalerBuilder> hatches) {
        return new HorizontalPodAutoscalerDef(name, ops, hatches);
    }

    @Override
    HorizontalPodAutoscaler newDraft() {
        HorizontalPodAutoscaler h = new HorizontalPodAutoscaler();
        h.setMetadata(Meta.named(name));
        return h;
    }

    @Override
    HorizontalPodAutoscalerBuilder toBuilder(HorizontalPodAutoscaler h) {
        return new HorizontalPodAutoscalerBuilder(h);
    }

    @Override
    HorizontalPodAutoscaler fromBuilder(HorizontalPodAutoscalerBuilder b) {
        return b.build();
    }

    @Override
    void applyDefaults(HorizontalPodAutoscaler h) {
        Meta.recommendedLabels(h.getMetadata(), h.getMetadata().getName());
    }

    /**
     * Scales on a metric given as a value, e.g. {@code metric(cpuUtilization(70))} or
     * {@code metric(externalMetric("queue_messages_ready", "30").averagePerPod())}.
     *
     * @param metric from {@link Kube#cpuUtilization(int)}, {@link Kube#memoryUtilization(int)},
     *               {@link Kube#podsMetric(String, String)}, {@link Kube#objectMetric(HasMetadata, String, String)} or
     *               {@link Kube#externalMetric(String, String)}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     * @throws IllegalArgumentException from {@code build()}, if an object metric's object is in another namespace
     *                                  than the autoscaler (which looks for it in its own)
     */
    public HorizontalPodAutoscalerDef metric(ScalingMetric metric) {
        Checks.notNull(metric, "metric");
        return then(h -> {
            metric.checkNamespace(h.getMetadata().getName(), h.getMetadata().getNamespace(), h.getSpec().getMetrics().size());
            h.getSpec().getMetrics().add(metric.toMetricSpec());
        });
    }

    /**
     * Scales to keep the average CPU use at this percentage of the Pods' CPU request (the containers need CPU
     * requests).
     *
     * @param percent at least 1
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public HorizontalPodAutoscalerDef cpuUtilization(int percent) {
        return metric(ScalingMetric.utilization("cpu", percent));
    }

    /**
     * Scales to keep the average memory use at this percentage of the Pods' memory request.
     *
     * @param percent at least 1
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public HorizontalPodAutoscalerDef memoryUtilization(int percent) {
        return metric(ScalingMetric.utilization("memory", percent));
    }

    /**
     * Scales on a custom per-Pod metric by name ({@code type: Pods}), e.g. requests per second from a metrics adapter,
     * to keep its average per Pod at {@code averageValue}.
     *
     * @param metric       the metric name; must not be {@code null}
     * @param averageValue the target average per Pod, a quantity such as {@code 100} or {@code 500m}; must not be
     *                     {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public HorizontalPodAutoscalerDef podsMetric(String metric, String averageValue) {
        return metric(ScalingMetric.pods(metric, averageValue));
    }
}
