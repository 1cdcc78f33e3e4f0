package dev.kubefluent.dsl;

import dev.kubefluent.core.KubefluentException;
import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A typed environment overlay on a {@link ManifestSet}: the few things that differ between environments (replicas,
 * images, environment variables, autoscaler bounds, labels), applied by name to a set built once. Immutable: every
 * method returns a new overlay.
 *
 * <pre>{@code
 * OverlayDef prod = overlay("prod")
 *     .replicas("api", 5)
 *     .image("web", "web", "ghcr.io/acme/web:1.5.0")
 *     .env("web", "web", "LOG_LEVEL", "warn")
 *     .autoscale("web", 3, 20)
 *     .label("environment", "prod");
 * ManifestSet prodSet = prod.applyTo(base);                 // base is unchanged
 * prod.changesTo(base).forEach(System.out::println);        // Deployment shop/api spec.replicas: 2 -> 5
 * }</pre>
 *
 * <h2>Names</h2>
 * A workload is named by {@code metadata.name} and may be a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
 * CronJob or Pod; every workload of that name is changed (in every namespace of the set). An overlay that names a
 * workload or container the set does not have fails with a {@link KubefluentException} naming it and listing what
 * exists, so a typo never silently changes nothing.
 *
 * <h2>What it reports</h2>
 * {@link #changesTo(ManifestSet)} lists every field whose value changed, in the order of the overlay's calls: the
 * resource, the field path, the old and the new value. A call that sets a field to the value it already has is no
 * change. An overlay never changes a Secret's data, so neither the set nor the report can carry a Secret value; an
 * environment variable that took its value from a Secret or ConfigMap is shown by its reference, never by its value.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class OverlayDef {

    /** The working copy of one application of the overlay. */
    private static final class Run {
        final List<HasMetadata> resources;
        final List<OverlayChange> changes = new ArrayList<>();
        /** By identity: a fabric8 object's hash changes as it is edited. */
        final List<HasMetadata> touched = new ArrayList<>();

        Run(List<HasMetadata> resources) {
            this.resources = resources;
        }

        void changed(HasMetadata r, String path, String oldValue, String newValue) {
            if (!Objects.equals(oldValue, newValue)) {
                changes.add(new OverlayChange(ResourceRef.of(r), path, oldValue, newValue));
                if (touched.stream().noneMatch(t -> t == r)) {
                    touched.add(r);
                }
            }
        }
    }

    /** A workload's Pod spec and the field path that leads to it. */
    private record PodSpecAt(String path, PodSpec spec) {
    }

    private final String name;
    private final Ops<Run> ops;
    private final List<String> described;

    private OverlayDef(String name, Ops<Run> ops, List<String> described) {
        this.name = name;
        this.ops = ops;
        this.described = described;
    }

    static OverlayDef of(String name) {
        return new OverlayDef(Checks.notBlank(name, "overlay name"), Ops.empty(), List.of());
    }

    private OverlayDef then(String description, Consumer<Run> op) {
        List<String> d = new ArrayList<>(described);
        d.add(description);
        return new OverlayDef(name, ops.then(op), List.copyOf(d));
    }

    /**
     * Sets {@code spec.replicas} of the named Deployment, StatefulSet or ReplicaSet.
     *
     * @param workload the workload's name; must not be {@code null}
     * @param replicas zero or more
     * @return this overlay for method chaining (a new overlay; this one is unchanged)
     * @throws KubefluentException from {@code applyTo} if the set has no such workload, or an autoscaler owns its
     *                             replica count (use {@link #autoscale(String, int, int)})
     */
    public OverlayDef replicas(String workload, int replicas) {
        Checks.notBlank(workload, "workload");
        Checks.notNegative(replicas, "replicas");
        return then("replicas(" + workload + ", " + replicas + ")", run -> forEachWorkload(run, workload, w -> {
            HorizontalPodAutoscaler hpa = autoscalerOf(run, w);
            if (hpa != null) {
                throw new KubefluentException(what() + ": " + describe(w) + " is scaled by HorizontalPodAutoscaler "
                        + ResourceRef.of(hpa).qualifiedName() + ", so replicas(" + Checks.quoted(workload) + ", .."
                        + ") would fight it; change its bounds with autoscale(" + Checks.quoted(workload)
                        + ", min, max)");
            }
            Integer old;
            if (w instanceof Deployment d) {
                old = d.getSpec().getReplicas();
                d.getSpec().setReplicas(replicas);
            } else if (w instanceof StatefulSet s) {
                old = s.getSpec().getReplicas();
                s.getSpec().setReplicas(replicas);
            } else if (w instanceof ReplicaSet s) {
                old = s.getSpec().getReplicas();
                s.getSpec().setReplicas(replicas);
            } else {
                throw new KubefluentException(what() + ": replicas(" + Checks.quoted(workload) + ", ..) needs a"
                        + " Deployment, StatefulSet or ReplicaSet but was: " + describe(w));
            }
            run.changed(w, "spec.replicas", old == null ? null : old.toString(), Integer.toString(replicas));
        }));
    }

    /**
     * Sets the bounds of the HorizontalPodAutoscaler that scales the named workload.
     *
     * @param workload    the scaled workload's name; must not be {@code null}
     * @param minReplicas at least 1
     * @param maxReplicas at least minReplicas
     * @return this overlay for method chaining (a new overlay; this one is unchanged)
     * @throws KubefluentException from {@code applyTo} if the set has no such workload or no autoscaler for it
     */
    public OverlayDef autoscale(String workload, int minReplicas, int maxReplicas) {
        Checks.notBlank(workload, "workload");
        Checks.positive(minReplicas, "minReplicas");
        if (maxReplicas < minReplicas) {
            throw new IllegalArgumentException("maxReplicas must be at least minReplicas (" + minReplicas
                    + ") but was: " + maxReplicas);
        }
        return then("autoscale(" + workload + ", " + minReplicas + ", " + maxReplicas + ")",
                run -> forEachWorkload(run, workload, w -> {
                    HorizontalPodAutoscaler hpa = autoscalerOf(run, w);
                    if (hpa == null) {
                        throw new KubefluentException(what() + ": autoscale(" + Checks.quoted(workload) + ", ..) needs"
                                + " a HorizontalPodAutoscaler for " + describe(w) + " but the set has none");
                    }
                    Integer oldMin = hpa.getSpec().getMinReplicas();
                    Integer oldMax = hpa.getSpec().getMaxReplicas();
                    hpa.getSpec().setMinReplicas(minReplicas);
                    hpa.getSpec().setMaxReplicas(maxReplicas);
                    run.changed(hpa, "spec.minReplicas", oldMin == null ? null : oldMin.toString(),
                            Integer.toString(minReplicas));
                    run.changed(hpa, "spec.maxReplicas", oldMax == null ? null : oldMax.toString(),
                            Integer.toString(maxReplicas));
                }));
    }

    /**
     * Sets the image of a container (or init container) of the named workload.
     *
     * @param workload  the workload's name; must not be {@code null}
     * @param container the container's name; must not be {@code null}
     * @param image     an image reference such as {@code ghcr.io/acme/web:1.5.0}; must not be {@code null}
     * @return this overlay for method chaining (a new overlay; this one is unchanged)
     * @throws KubefluentException from {@code applyTo} if the set has no such workload or container
     */
    public OverlayDef image(String workload, String container, String image) {
        Checks.notBlank(workload, "workload");
        Checks.notBlank(container, "container");
        Checks.image(image);
        return then("image(" + workload + ", " + container + ", " + image + ")",
                run -> forEachContainer(run, workload, container, (w, at) -> {
                    run.changed(w, at.path + ".image", at.container.getImage(), image);
                    at.container.setImage(image);
                }));
    }

    /**
     * Sets an environment variable of a container of the named workload to a literal value, adding it if absent and
     * replacing a {@code valueFrom} reference if present.
     *
     * @param workload  the workload's name; must not be {@code null}
     * @param container the container's name; must not be {@code null}
     * @param variable  the variable's name; must not be {@code null}
     * @param value     the value; must not be {@code null}; never put a secret here
     * @return this overlay for method chaining (a new overlay; this one is unchanged)
     * @throws KubefluentException from {@code applyTo} if the set has no such workload or container
     */
    public OverlayDef env(String workload, String container, String variable, String value) {
        Checks.notBlank(workload, "workload");
        Checks.notBlank(container, "container");
        Checks.notBlank(variable, "variable");
        Checks.notNull(value, "value of " + Checks.quoted(variable));
        return then("env(" + workload + ", " + container + ", " + variable + ")",
                run -> forEachContainer(run, workload, container, (w, at) -> {
                    List<EnvVar> env = at.container.getEnv();
                    if (env == null) {
                        env = new ArrayList<>();
                        at.container.setEnv(env);
                    }
                    for (int i = 0; i < env.size(); i++) {
                        EnvVar e = env.get(i);
                        if (variable.equals(e.getName())) {
                            String old = variable + (e.getValueFrom() != null ? " from " + describe(e.getValueFrom())
                                    : "=" + e.getValue());
                            run.changed(w, at.path + ".env[" + i + "]", old, variable + "=" + value);
                            e.setValueFrom(null);
                            e.setValue(value);
                            return;
                        }
                    }
                    run.changed(w, at.path + ".env[" + env.size() + "]", null, variable + "=" + value);
                    env.add(new EnvVar(variable, value, null));
                }));
    }

    /**
     * Sets a label on every resource of the set ({@code metadata.labels}; Pod templates are left alone, so no rollout
     * follows).
     *
     * @param key   a qualified name such as {@code environment}; must not be {@code null}
     * @param value a label value; must not be {@code null}
     * @return this overlay for method chaining (a new overlay; this one is unchanged)
     */
    public OverlayDef label(String key, String value) {
        Checks.labelKey(key, "label key");
        Checks.labelValue(value, "label value of " + Checks.quoted(key));
        return then("label(" + key + ", " + value + ")", run -> {
            for (HasMetadata r : run.resources) {
                Map<String, String> labels = Meta.labels(r.getMetadata());
                run.changed(r, "metadata.labels." + key, labels.get(key), value);
                labels.put(key, value);
            }
        });
    }

    /**
     * Sets an annotation on every resource of the set ({@code metadata.annotations}).
     *
     * @param key   a qualified name; must not be {@code null}
     * @param value any text; must not be {@code null}
     * @return this overlay for method chaining (a new overlay; this one is unchanged)
     */
    public OverlayDef annotation(String key, String value) {
        Checks.labelKey(key, "annotation key");
        Checks.notNull(value, "annotation value of " + Checks.quoted(key));
        return then("annotation(" + key + ")", run -> {
            for (HasMetadata r : run.resources) {
                Map<String, String> annotations = Meta.annotations(r.getMetadata());
                run.changed(r, "metadata.annotations." + key, annotations.get(key), value);
                annotations.put(key, value);
            }
        });
    }

    /**
     * Applies the overlay to a set, which stays unchanged.
     *
     * @param set the base set; must not be {@code null}
     * @return a new set with the overlay's changes
     * @throws KubefluentException if the overlay names a workload or container the set does not have
     */
    public ManifestSet applyTo(ManifestSet set) {
        Run run = run(set);
        return run.touched.isEmpty() ? set : set.with(run.touched);
    }

    /**
     * Lists what {@link #applyTo(ManifestSet)} would change in a set: every changed field with its old and new value,
     * in the order of the overlay's calls.
     *
     * @param set the base set; must not be {@code null}
     * @return the changes, empty if the set already looks like this
     * @throws KubefluentException if the overlay names a workload or container the set does not have
     */
    public List<OverlayChange> changesTo(ManifestSet set) {
        return List.copyOf(run(set).changes);
    }

    private Run run(ManifestSet set) {
        Checks.notNull(set, "set");
        Run run = new Run(set.resources());
        ops.applyTo(run);
        return run;
    }

    private String what() {
        return "overlay " + Checks.quoted(name);
    }

    private static String describe(HasMetadata r) {
        return r.getKind() + " " + ResourceRef.of(r).qualifiedName();
    }

    private static String describe(EnvVarSource from) {
        if (from.getSecretKeyRef() != null) {
            return "secretKeyRef " + from.getSecretKeyRef().getName() + "/" + from.getSecretKeyRef().getKey();
        }
        if (from.getConfigMapKeyRef() != null) {
            return "configMapKeyRef " + from.getConfigMapKeyRef().getName() + "/"
                    + from.getConfigMapKeyRef().getKey();
        }
        if (from.getFieldRef() != null) {
            return "fieldRef " + from.getFieldRef().getFieldPath();
        }
        return from.getResourceFieldRef() != null ? "resourceFieldRef " + from.getResourceFieldRef().getResource()
                : "valueFrom";
    }

    private static HorizontalPodAutoscaler autoscalerOf(Run run, HasMetadata w) {
        for (HasMetadata r : run.resources) {
            if (r instanceof HorizontalPodAutoscaler h && h.getSpec() != null && h.getSpec().getScaleTargetRef() != null
                    && Objects.equals(h.getMetadata().getNamespace(), w.getMetadata().getNamespace())
                    && w.getKind().equals(h.getSpec().getScaleTargetRef().getKind())
                    && w.getMetadata().getName().equals(h.getSpec().getScaleTargetRef().getName())) {
                return h;
            }
        }
        return null;
    }

    private void forEachWorkload(Run run, String workload, Consumer<HasMetadata> edit) {
        List<HasMetadata> matches = run.resources.stream().filter(r -> podSpec(r) != null)
                .filter(r -> workload.equals(r.getMetadata().getName())).toList();
        if (matches.isEmpty()) {
            List<String> names = run.resources.stream().filter(r -> podSpec(r) != null).map(OverlayDef::describe)
                    .toList();
            throw new KubefluentException(what() + ": no workload named " + Checks.quoted(workload) + " in the set"
                    + " (workloads: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
        matches.forEach(edit);
    }

    /** A container and the field path that leads to it. */
    private record ContainerAt(String path, Container container) {
    }

    private void forEachContainer(Run run, String workload, String container, BiConsumer<HasMetadata, ContainerAt> edit) {
        forEachWorkload(run, workload, w -> {
            PodSpecAt pod = podSpec(w);
            ContainerAt found = find(pod.path + ".containers", Defaults.nullSafe(pod.spec.getContainers()), container);
            if (found == null) {
                found = find(pod.path + ".initContainers", Defaults.nullSafe(pod.spec.getInitContainers()), container);
            }
            if (found == null) {
                List<String> names = new ArrayList<>();
                Defaults.nullSafe(pod.spec.getContainers()).forEach(c -> names.add(c.getName()));
                Defaults.nullSafe(pod.spec.getInitContainers()).forEach(c -> names.add(c.getName()));
                throw new KubefluentException(what() + ": " + describe(w) + " has no container named "
                        + Checks.quoted(container) + " (containers: " + String.join(", ", names) + ")");
            }
            edit.accept(w, found);
        });
    }

    private static ContainerAt find(String path, List<Container> containers, String name) {
        for (int i = 0; i < containers.size(); i++) {
            if (name.equals(containers.get(i).getName())) {
                return new ContainerAt(path + "[" + i + "]", containers.get(i));
            }
        }
        return null;
    }

    private static PodSpecAt podSpec(HasMetadata r) {
        if (r instanceof CronJob c && c.getSpec() != null && c.getSpec().getJobTemplate() != null
                && c.getSpec().getJobTemplate().getSpec() != null) {
            return at("spec.jobTemplate.spec.template.spec", c.getSpec().getJobTemplate().getSpec().getTemplate());
        }
        if (r instanceof Job j && j.getSpec() != null) {
            return at("spec.template.spec", j.getSpec().getTemplate());
        }
        if (r instanceof Pod p) {
            return p.getSpec() == null ? null : new PodSpecAt("spec", p.getSpec());
        }
        if (r instanceof Deployment || r instanceof StatefulSet || r instanceof DaemonSet || r instanceof ReplicaSet) {
            return at("spec.template.spec", Wiring.template(r));
        }
        return null;
    }

    private static PodSpecAt at(String path, PodTemplateSpec t) {
        return t == null || t.getSpec() == null ? null : new PodSpecAt(path, t.getSpec());
    }

    /** @return the overlay's name and calls, e.g. {@code OverlayDef[prod: replicas(web, 5), label(env, prod)]} */
    @Override
    public String toString() {
        return "OverlayDef[" + name + ": " + String.join(", ", described) + "]";
    }
}
