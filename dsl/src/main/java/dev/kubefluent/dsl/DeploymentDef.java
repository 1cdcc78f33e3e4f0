package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

/**
 * An {@code apps/v1} Deployment under construction. Immutable: every method returns a new builder, so one builder can
 * serve as the base of several Deployments, and each {@link #build()} returns fresh fabric8 objects.
 *
 * <pre>{@code
 * Deployment web = deployment("web")
 *     .namespace("shop")
 *     .replicas(3)
 *     .container(container("web").image("ghcr.io/acme/web:1.4.2").port("http", 8080))
 *     .rollingUpdate(maxSurge("25%"), maxUnavailable(0))
 *     .build();
 * }</pre>
 *
 * <h2>Defaults</h2>
 * {@code build()} adds, only where unset: the labels {@code app.kubernetes.io/name=<name>} and
 * {@code app.kubernetes.io/managed-by=kubefluent} on the Deployment and its Pod template; the selector
 * {@code matchLabels: {app.kubernetes.io/name: <name>}} (a stable label, never a version: selectors are immutable);
 * the {@link SecurityProfile} (restricted by default). It never sets replicas, resources or a strategy: Kubernetes'
 * own defaults apply (1 replica, RollingUpdate 25%/25%).
 *
 * <h2>Validation</h2>
 * {@code build()} runs the shared {@link dev.kubefluent.core.validate.Validator} and throws one
 * {@link dev.kubefluent.core.validate.ManifestValidationException} listing every violation.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class DeploymentDef extends AbstractControllerDef<DeploymentDef, Deployment, DeploymentBuilder> {

    private DeploymentDef(String name, Ops<Deployment> ops, Ops<DeploymentBuilder> hatches, SecurityProfile profile) {
        super(name, ops, hatches, profile);
    }

    static DeploymentDef of(String name) {
        return new DeploymentDef(Checks.dns1123Subdomain(name, "Deployment name"), Ops.empty(), Ops.empty(), null);
    }

    @Override
    DeploymentDef copy(Ops<Deployment> ops, Ops<DeploymentBuilder> hatches, SecurityProfile profile) {
        return new DeploymentDef(name, ops, hatches, profile);
    }

    @Override
    Deployment newDraft() {
        Deployment d = new Deployment();
        d.setMetadata(Meta.named(name));
        DeploymentSpec spec = new DeploymentSpec();
        spec.setTemplate(new PodTemplateSpec(new ObjectMeta(), new PodSpec()));
        d.setSpec(spec);
        return d;
    }

    private static DeploymentSpec spec(Deployment d) {
        if (d.getSpec() == null) {
            d.setSpec(new DeploymentSpec());
        }
        return d.getSpec();
    }

    private static PodTemplateSpec template(Deployment d) {
        DeploymentSpec spec = spec(d);
        if (spec.getTemplate() == null) {
            spec.setTemplate(new PodTemplateSpec());
        }
        return spec.getTemplate();
    }

    @Override
    ObjectMeta podMeta(Deployment d) {
        PodTemplateSpec t = template(d);
        if (t.getMetadata() == null) {
            t.setMetadata(new ObjectMeta());
        }
        return t.getMetadata();
    }

    @Override
    PodSpec podSpec(Deployment d) {
        PodTemplateSpec t = template(d);
        if (t.getSpec() == null) {
            t.setSpec(new PodSpec());
        }
        return t.getSpec();
    }

    @Override
    DeploymentBuilder toBuilder(Deployment d) {
        return new DeploymentBuilder(d);
    }

    @Override
    Deployment fromBuilder(DeploymentBuilder b) {
        return b.build();
    }

    @Override
    LabelSelector selector(Deployment d) {
        return spec(d).getSelector();
    }

    @Override
    void selector(Deployment d, LabelSelector selector) {
        spec(d).setSelector(selector);
    }

    @Override
    void minReadySeconds(Deployment d, int seconds) {
        spec(d).setMinReadySeconds(seconds);
    }

    @Override
    void revisionHistoryLimit(Deployment d, int limit) {
        spec(d).setRevisionHistoryLimit(limit);
    }

    /**
     * Leaves {@code spec.replicas} out of the manifest, even if {@code replicas(..)} was called, because a
     * HorizontalPodAutoscaler owns the count: re-applying a manifest with replicas would reset the autoscaler's choice.
     *
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public DeploymentDef replicasOwnedByAutoscaler() {
        return customize(b -> b.editOrNewSpec().withReplicas(null).endSpec());
    }

    /**
     * Sets {@code spec.replicas}, the desired number of Pods (Kubernetes default 1). Leave it unset when an
     * autoscaler owns the count.
     *
     * @param replicas zero or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public DeploymentDef replicas(int replicas) {
        Checks.notNegative(replicas, "replicas");
        return then(d -> spec(d).setReplicas(replicas));
    }

    /**
     * Uses the {@code RollingUpdate} strategy with the given surge and unavailability.
     *
     * @param maxSurge       from {@link Kube#maxSurge(String)} or {@link Kube#maxSurge(int)}; must not be {@code null}
     * @param maxUnavailable from {@link Kube#maxUnavailable(int)} or {@link Kube#maxUnavailable(String)}; must not be
     *                       {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public DeploymentDef rollingUpdate(MaxSurge maxSurge, MaxUnavailable maxUnavailable) {
        Checks.notNull(maxSurge, "maxSurge");
        Checks.notNull(maxUnavailable, "maxUnavailable");
        return then(d -> spec(d).setStrategy(new DeploymentStrategy(
                new RollingUpdateDeployment(maxSurge.toIntOrString(), maxUnavailable.toIntOrString()),
                "RollingUpdate")));
    }

    /**
     * Uses the {@code Recreate} strategy: every old Pod stops before new ones start (for apps that cannot run two
     * versions at once).
     *
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public DeploymentDef recreate() {
        return then(d -> spec(d).setStrategy(new DeploymentStrategy(null, "Recreate")));
    }

    /**
     * Sets {@code spec.progressDeadlineSeconds}: after how long without progress a rollout counts as failed
     * (Kubernetes default 600).
     *
     * @param seconds at least 1; {@code build()} checks it exceeds minReadySeconds
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public DeploymentDef progressDeadlineSeconds(int seconds) {
        Checks.positive(seconds, "progressDeadlineSeconds");
        return then(d -> spec(d).setProgressDeadlineSeconds(seconds));
    }
}
