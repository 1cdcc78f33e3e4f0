package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The settings every workload with a Pod spec shares: metadata, containers, scheduling, volumes, security. One
 * package-private base so that Pod and each controller offer the same vocabulary; users only see the public
 * subclasses, whose methods return the subclass type.
 *
 * @param <SELF> the public builder type
 * @param <R>    the fabric8 resource it builds
 * @param <B>    the fabric8 builder of the escape hatch
 */
abstract class AbstractPodDef<SELF extends AbstractPodDef<SELF, R, B>, R extends HasMetadata, B>
        extends AbstractNamespacedDef<SELF, R, B> {

    final SecurityProfile profile;

    AbstractPodDef(String name, Ops<R> ops, Ops<B> hatches, SecurityProfile profile) {
        super(name, ops, hatches);
        this.profile = profile;
    }

    abstract SELF copy(Ops<R> ops, Ops<B> hatches, SecurityProfile profile);

    @Override
    final SELF with(Ops<R> ops, Ops<B> hatches) {
        return copy(ops, hatches, profile);
    }

    /** The Pod template's metadata (the Pod's own metadata for a Pod), created if absent. */
    abstract ObjectMeta podMeta(R resource);

    /** The Pod spec, created if absent. */
    abstract PodSpec podSpec(R resource);

    /** Applies the kind's selector default and returns the labels that select this workload's own Pods. */
    abstract Map<String, String> ownPodSelector(R resource);

    final SELF onPodSpec(Consumer<PodSpec> op) {
        return then(r -> op.accept(podSpec(r)));
    }

    /**
     * Adds a container ({@code containers[]}), in call order.
     *
     * @param container the container; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF container(ContainerDef container) {
        Checks.notNull(container, "container");
        return onPodSpec(s -> s.getContainers().add(container.build()));
    }

    /**
     * Adds an init container ({@code initContainers[]}); init containers run to completion, in call order, before the
     * containers start.
     *
     * @param container the init container; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF initContainer(ContainerDef container) {
        Checks.notNull(container, "initContainer");
        return onPodSpec(s -> s.getInitContainers().add(container.build()));
    }

    /**
     * Sets {@code serviceAccountName} (default: the namespace's {@code default} ServiceAccount).
     *
     * @param serviceAccount a DNS-1123 subdomain; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF serviceAccountName(String serviceAccount) {
        Checks.dns1123Subdomain(serviceAccount, "serviceAccountName");
        return onPodSpec(s -> s.setServiceAccountName(serviceAccount));
    }

    /**
     * Runs the Pods as a ServiceAccount object ({@code serviceAccountName}); taking the object rather than its name
     * keeps the reference right.
     *
     * @param serviceAccount a built ServiceAccount; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF serviceAccount(io.fabric8.kubernetes.api.model.ServiceAccount serviceAccount) {
        return serviceAccountName(Refs.name(serviceAccount, "serviceAccount"));
    }

    /**
     * Adds a {@code nodeSelector} entry: the Pod only runs on nodes with this label.
     *
     * @param key   a label key such as {@code kubernetes.io/arch}; must not be {@code null}
     * @param value a label value such as {@code arm64}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF nodeSelector(String key, String value) {
        Checks.labelKey(key, "nodeSelector key");
        Checks.labelValue(value, "nodeSelector value of " + Checks.quoted(key));
        return onPodSpec(s -> {
            if (s.getNodeSelector() == null) {
                s.setNodeSelector(new LinkedHashMap<>());
            }
            s.getNodeSelector().put(key, value);
        });
    }

    /**
     * Adds a toleration ({@code tolerations[]}) so the Pod may run on nodes with a matching taint.
     *
     * @param toleration from {@link Kube#toleration(String)}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF toleration(TolerationDef toleration) {
        Checks.notNull(toleration, "toleration");
        return onPodSpec(s -> s.getTolerations().add(toleration.toToleration()));
    }

    /**
     * Requires nodes whose label {@code key} has one of the values (node affinity
     * {@code requiredDuringSchedulingIgnoredDuringExecution}, operator {@code In}); several calls must all hold.
     *
     * @param key    the node label key, e.g. {@code topology.kubernetes.io/zone}; must not be {@code null}
     * @param values one or more label values; none {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF requireNodeLabel(String key, String... values) {
        NodeSelectorRequirement req = nodeRequirement(key, values);
        List<String> vals = req.getValues();
        return onPodSpec(s -> {
            NodeAffinity na = nodeAffinity(s);
            if (na.getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
                na.setRequiredDuringSchedulingIgnoredDuringExecution(new NodeSelector(new ArrayList<>()));
            }
            List<NodeSelectorTerm> terms = na.getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
            if (terms.isEmpty()) {
                terms.add(new NodeSelectorTerm(new ArrayList<>(), new ArrayList<>()));
            }
            terms.get(0).getMatchExpressions().add(new NodeSelectorRequirement(key, "In", new ArrayList<>(vals)));
        });
    }

    /**
     * Prefers nodes whose label {@code key} has one of the values (node affinity
     * {@code preferredDuringSchedulingIgnoredDuringExecution}, operator {@code In}).
     *
     * @param weight 1 to 100: how much the scheduler prefers such nodes
     * @param key    the node label key; must not be {@code null}
     * @param values one or more label values; none {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF preferNodeLabel(int weight, String key, String... values) {
        checkWeight(weight);
        NodeSelectorRequirement req = nodeRequirement(key, values);
        List<String> vals = req.getValues();
        return onPodSpec(s -> nodeAffinity(s).getPreferredDuringSchedulingIgnoredDuringExecution().add(
                new PreferredSchedulingTerm(new NodeSelectorTerm(
                        new ArrayList<>(List.of(new NodeSelectorRequirement(key, "In", new ArrayList<>(vals)))),
                        new ArrayList<>()), weight)));
    }

    private static NodeSelectorRequirement nodeRequirement(String key, String... values) {
        Checks.labelKey(key, "node label key");
        Checks.noNulls(values, "node label values");
        if (values.length == 0) {
            throw new IllegalArgumentException("node label values must not be empty for key " + Checks.quoted(key));
        }
        for (String v : values) {
            Checks.labelValue(v, "node label value of " + Checks.quoted(key));
        }
        return new NodeSelectorRequirement(key, "In", List.of(values));
    }

    private static void checkWeight(int weight) {
        if (weight < 1 || weight > 100) {
            throw new IllegalArgumentException("weight must be between 1 and 100 but was: " + weight);
        }
    }

    private static NodeAffinity nodeAffinity(PodSpec s) {
        Affinity a = affinity(s);
        if (a.getNodeAffinity() == null) {
            a.setNodeAffinity(new NodeAffinity());
        }
        return a.getNodeAffinity();
    }

    private static Affinity affinity(PodSpec s) {
        if (s.getAffinity() == null) {
            s.setAffinity(new Affinity());
        }
        return s.getAffinity();
    }

    private static PodAntiAffinity podAntiAffinity(PodSpec s) {
        Affinity a = affinity(s);
        if (a.getPodAntiAffinity() == null) {
            a.setPodAntiAffinity(new PodAntiAffinity());
        }
        return a.getPodAntiAffinity();
    }

    /**
     * Never puts two of this workload's Pods in the same topology domain (pod anti-affinity
     * {@code requiredDuringSchedulingIgnoredDuringExecution}). The term's {@code labelSelector} is this workload's
     * selector, filled in by {@code build()}.
     *
     * @param topologyKey the node label defining the domain, e.g. {@code kubernetes.io/hostname}; must not be
     *                    {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF podAntiAffinity(String topologyKey) {
        Checks.labelKey(topologyKey, "topologyKey");
        return onPodSpec(s -> podAntiAffinity(s).getRequiredDuringSchedulingIgnoredDuringExecution()
                .add(antiAffinityTerm(topologyKey)));
    }

    /**
     * Prefers to spread this workload's Pods over topology domains (pod anti-affinity
     * {@code preferredDuringSchedulingIgnoredDuringExecution}), with this workload's selector.
     *
     * @param weight      1 to 100
     * @param topologyKey the node label defining the domain, e.g. {@code topology.kubernetes.io/zone}; must not be
     *                    {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF preferPodAntiAffinity(int weight, String topologyKey) {
        checkWeight(weight);
        Checks.labelKey(topologyKey, "topologyKey");
        return onPodSpec(s -> podAntiAffinity(s).getPreferredDuringSchedulingIgnoredDuringExecution()
                .add(new WeightedPodAffinityTerm(antiAffinityTerm(topologyKey), weight)));
    }

    private static PodAffinityTerm antiAffinityTerm(String topologyKey) {
        PodAffinityTerm t = new PodAffinityTerm();
        t.setTopologyKey(topologyKey);
        return t;
    }

    /**
     * Adds a {@code topologySpreadConstraints[]} entry that spreads this workload's Pods (its selector is filled in
     * by {@code build()}) evenly over the domains of {@code topologyKey}.
     *
     * @param topologyKey       the node label defining the domain, e.g. {@code topology.kubernetes.io/zone}; must not
     *                          be {@code null}
     * @param maxSkew           at least 1: the largest allowed difference in Pod count between two domains
     * @param whenUnsatisfiable what to do when the constraint cannot be met; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF topologySpread(String topologyKey, int maxSkew, WhenUnsatisfiable whenUnsatisfiable) {
        Checks.labelKey(topologyKey, "topologyKey");
        Checks.positive(maxSkew, "maxSkew");
        Checks.notNull(whenUnsatisfiable, "whenUnsatisfiable");
        return onPodSpec(s -> {
            TopologySpreadConstraint c = new TopologySpreadConstraint();
            c.setTopologyKey(topologyKey);
            c.setMaxSkew(maxSkew);
            c.setWhenUnsatisfiable(whenUnsatisfiable.value());
            s.getTopologySpreadConstraints().add(c);
        });
    }

    /**
     * Adds an {@code imagePullSecrets[]} entry: a docker-registry Secret used to pull private images.
     *
     * @param secretName the Secret's name; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF imagePullSecret(String secretName) {
        Checks.dns1123Subdomain(secretName, "imagePullSecret");
        return onPodSpec(s -> s.getImagePullSecrets().add(new LocalObjectReference(secretName)));
    }

    /**
     * Sets {@code terminationGracePeriodSeconds}: how long the Pod may take to stop after SIGTERM (Kubernetes
     * default 30 s).
     *
     * @param gracePeriod zero or more whole seconds; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF terminationGracePeriod(Duration gracePeriod) {
        Checks.notNull(gracePeriod, "terminationGracePeriod");
        if (gracePeriod.isNegative() || gracePeriod.getNano() != 0) {
            throw new IllegalArgumentException("terminationGracePeriod must be zero or more whole seconds but was: "
                    + gracePeriod);
        }
        long seconds = gracePeriod.getSeconds();
        return onPodSpec(s -> s.setTerminationGracePeriodSeconds(seconds));
    }

    /**
     * Declares a Pod volume ({@code volumes[]}) that containers mount by name.
     *
     * @param volume from {@link Kube#emptyDirVolume}, {@link Kube#configMapVolume}, {@link Kube#secretVolume} or
     *               {@link Kube#pvcVolume}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF volume(VolumeDef volume) {
        Checks.notNull(volume, "volume");
        return onPodSpec(s -> s.getVolumes().add(volume.toVolume()));
    }

    private SELF podSecurity(Consumer<PodSecurityContext> op) {
        return onPodSpec(s -> {
            if (s.getSecurityContext() == null) {
                s.setSecurityContext(new PodSecurityContext());
            }
            op.accept(s.getSecurityContext());
        });
    }

    /**
     * Sets the Pod's {@code securityContext.runAsUser}, the default user of every container.
     *
     * @param uid 0 (root) or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF runAsUser(long uid) {
        Checks.notNegative(uid, "runAsUser");
        return podSecurity(s -> s.setRunAsUser(uid));
    }

    /**
     * Sets the Pod's {@code securityContext.runAsGroup}.
     *
     * @param gid 0 or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF runAsGroup(long gid) {
        Checks.notNegative(gid, "runAsGroup");
        return podSecurity(s -> s.setRunAsGroup(gid));
    }

    /**
     * Sets the Pod's {@code securityContext.fsGroup}: the group owning mounted volumes.
     *
     * @param gid 0 or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF fsGroup(long gid) {
        Checks.notNegative(gid, "fsGroup");
        return podSecurity(s -> s.setFsGroup(gid));
    }

    /**
     * Sets the Pod's {@code securityContext.runAsNonRoot}.
     *
     * @param nonRoot whether the kubelet must refuse to start containers as root
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF runAsNonRoot(boolean nonRoot) {
        return podSecurity(s -> s.setRunAsNonRoot(nonRoot));
    }

    /**
     * Chooses the security context {@code build()} adds to fields left unset, instead of the global
     * {@link SecurityProfile#getDefault() default}; {@link SecurityProfile#NONE} for images that must run as root.
     *
     * @param profile the profile; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF securityProfile(SecurityProfile profile) {
        return copy(ops, hatches, Checks.notNull(profile, "securityProfile"));
    }

    /** Fills the kind's own defaults before the shared ones; none by default. */
    void kindDefaults(R resource) {
    }

    @Override
    final void applyDefaults(R r) {
        kindDefaults(r);
        String appName = r.getMetadata().getName();
        Meta.recommendedLabels(r.getMetadata(), appName);
        ObjectMeta pm = podMeta(r);
        if (pm != r.getMetadata()) {
            Meta.recommendedLabels(pm, appName);
        }
        PodSpec spec = podSpec(r);
        Defaults.selectOwnPods(spec, ownPodSelector(r));
        Defaults.applySecurity(spec, profile != null ? profile : SecurityProfile.getDefault());
    }
}
