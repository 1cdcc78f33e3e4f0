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
import java.util.LinkedHashMap;
import java.util.Map;

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
public final class DeploymentDef extends AbstractPodDef<DeploymentDef, Deployment, DeploymentBuilder> {

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
    Map<String, String> ownPodSelector(Deployment d) {
        DeploymentSpec spec = spec(d);
        LabelSelector sel = spec.getSelector();
        boolean empty = sel == null || (sel.getMatchLabels() == null || sel.getMatchLabels().isEmpty())
                && (sel.getMatchExpressions() == null || sel.getMatchExpressions().isEmpty());
        if (empty) {
            String app = Meta.labels(podMeta(d)).get(Meta.NAME);
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(Meta.NAME, app);
            spec.setSelector(Defaults.selector(labels));
            return labels;
        }
        return sel.getMatchExpressions() == null || sel.getMatchExpressions().isEmpty() ? sel.getMatchLabels() : null;
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
     * Sets {@code spec.minReadySeconds}: how long a new Pod must be ready before it counts as available.
     *
     * @param seconds zero or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public DeploymentDef minReadySeconds(int seconds) {
        Checks.notNegative(seconds, "minReadySeconds");
        return then(d -> spec(d).setMinReadySeconds(seconds));
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

    /**
     * Sets {@code spec.revisionHistoryLimit}: how many old ReplicaSets to keep for rollback (Kubernetes default 10).
     *
     * @param limit zero or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public DeploymentDef revisionHistoryLimit(int limit) {
        Checks.notNegative(limit, "revisionHistoryLimit");
        return then(d -> spec(d).setRevisionHistoryLimit(limit));
    }

    /**
     * Adds a label to the Pod template ({@code spec.template.metadata.labels}) only, e.g. a version label. It is not
     * part of the selector.
     *
     * @param key   a qualified name; must not be {@code null}
     * @param value a label value; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public DeploymentDef podLabel(String key, String value) {
        Checks.labelKey(key, "pod label key");
        Checks.labelValue(value, "pod label value of " + Checks.quoted(key));
        return then(d -> Meta.labels(podMeta(d)).put(key, value));
    }

    /**
     * Adds an annotation to the Pod template ({@code spec.template.metadata.annotations}); changing it rolls the
     * Pods.
     *
     * @param key   a qualified name; must not be {@code null}
     * @param value any text; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public DeploymentDef podAnnotation(String key, String value) {
        Checks.labelKey(key, "pod annotation key");
        Checks.notNull(value, "pod annotation value of " + Checks.quoted(key));
        return then(d -> Meta.annotations(podMeta(d)).put(key, value));
    }

    /**
     * Adds a label to both the selector ({@code spec.selector.matchLabels}) and the Pod template, replacing the
     * default selector. Choose stable labels only: a Deployment's selector cannot change after creation.
     *
     * @param key   a qualified name; must not be {@code null}
     * @param value a label value; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public DeploymentDef selectorLabel(String key, String value) {
        Checks.labelKey(key, "selector key");
        Checks.labelValue(value, "selector value of " + Checks.quoted(key));
        return then(d -> {
            DeploymentSpec spec = spec(d);
            if (spec.getSelector() == null) {
                spec.setSelector(new LabelSelector());
            }
            if (spec.getSelector().getMatchLabels() == null) {
                spec.getSelector().setMatchLabels(new LinkedHashMap<>());
            }
            spec.getSelector().getMatchLabels().put(key, value);
            Meta.labels(podMeta(d)).put(key, value);
        });
    }
}
