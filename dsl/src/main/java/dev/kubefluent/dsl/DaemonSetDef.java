package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDaemonSet;

/**
 * An {@code apps/v1} DaemonSet under construction: one Pod per (selected) node. Immutable: every method returns a new
 * builder, and each {@link #build()} returns fresh fabric8 objects.
 *
 * <pre>{@code
 * DaemonSet agent = daemonSet("log-agent")
 *     .container(container("agent").image("fluent/fluent-bit:3.2.4"))
 *     .toleration(toleration("node-role.kubernetes.io/control-plane").exists())
 *     .build();
 * }</pre>
 *
 * <p>Defaults and validation are those of {@link DeploymentDef}.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class DaemonSetDef extends AbstractControllerDef<DaemonSetDef, DaemonSet, DaemonSetBuilder> {

    private DaemonSetDef(String name, Ops<DaemonSet> ops, Ops<DaemonSetBuilder> hatches, SecurityProfile profile) {
        super(name, ops, hatches, profile);
    }

    static DaemonSetDef of(String name) {
        return new DaemonSetDef(Checks.dns1123Subdomain(name, "DaemonSet name"), Ops.empty(), Ops.empty(), null);
    }

    @Override
    DaemonSetDef copy(Ops<DaemonSet> ops, Ops<DaemonSetBuilder> hatches, SecurityProfile profile) {
        return new DaemonSetDef(name, ops, hatches, profile);
    }

    @Override
    DaemonSet newDraft() {
        DaemonSet d = new DaemonSet();
        d.setMetadata(Meta.named(name));
        DaemonSetSpec spec = new DaemonSetSpec();
        spec.setTemplate(new PodTemplateSpec(new ObjectMeta(), new PodSpec()));
        d.setSpec(spec);
        return d;
    }

    private static DaemonSetSpec spec(DaemonSet d) {
        if (d.getSpec() == null) {
            d.setSpec(new DaemonSetSpec());
        }
        return d.getSpec();
    }

    private static PodTemplateSpec template(DaemonSet d) {
        if (spec(d).getTemplate() == null) {
            spec(d).setTemplate(new PodTemplateSpec());
        }
        return spec(d).getTemplate();
    }

    @Override
    ObjectMeta podMeta(DaemonSet d) {
        if (template(d).getMetadata() == null) {
            template(d).setMetadata(new ObjectMeta());
        }
        return template(d).getMetadata();
    }

    @Override
    PodSpec podSpec(DaemonSet d) {
        if (template(d).getSpec() == null) {
            template(d).setSpec(new PodSpec());
        }
        return template(d).getSpec();
    }

    @Override
    DaemonSetBuilder toBuilder(DaemonSet d) {
        return new DaemonSetBuilder(d);
    }

    @Override
    DaemonSet fromBuilder(DaemonSetBuilder b) {
        return b.build();
    }

    @Override
    LabelSelector selector(DaemonSet d) {
        return spec(d).getSelector();
    }

    @Override
    void selector(DaemonSet d, LabelSelector selector) {
        spec(d).setSelector(selector);
    }

    @Override
    void minReadySeconds(DaemonSet d, int seconds) {
        spec(d).setMinReadySeconds(seconds);
    }

    @Override
    void revisionHistoryLimit(DaemonSet d, int limit) {
        spec(d).setRevisionHistoryLimit(limit);
    }

    /**
     * Uses the {@code RollingUpdate} strategy. Exactly one of the two may be non-zero (Kubernetes defaults: surge 0,
     * unavailable 1); {@code build()} checks it.
     *
     * @param maxSurge       from {@link Kube#maxSurge(int)} or {@link Kube#maxSurge(String)}; must not be {@code null}
     * @param maxUnavailable from {@link Kube#maxUnavailable(int)} or {@link Kube#maxUnavailable(String)}; must not be
     *                       {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public DaemonSetDef rollingUpdate(MaxSurge maxSurge, MaxUnavailable maxUnavailable) {
        Checks.notNull(maxSurge, "maxSurge");
        Checks.notNull(maxUnavailable, "maxUnavailable");
        return then(d -> spec(d).setUpdateStrategy(new DaemonSetUpdateStrategy(
                new RollingUpdateDaemonSet(maxSurge.toIntOrString(), maxUnavailable.toIntOrString()),
                "RollingUpdate")));
    }

    /**
     * Uses the {@code OnDelete} strategy: Pods are updated only when deleted by hand.
     *
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public DaemonSetDef onDelete() {
        return then(d -> spec(d).setUpdateStrategy(new DaemonSetUpdateStrategy(null, "OnDelete")));
    }
}
