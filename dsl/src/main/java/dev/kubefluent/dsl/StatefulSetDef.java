package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An {@code apps/v1} StatefulSet under construction: Pods with stable names and their own volumes. Immutable: every
 * method returns a new builder, and each {@link #build()} returns fresh fabric8 objects.
 *
 * <pre>{@code
 * StatefulSet db = statefulSet("db").serviceName("db").replicas(3)
 *     .container(container("postgres").image("postgres:17.2").port("pg", 5432).volumeMount("data", "/var/lib/postgresql"))
 *     .volumeClaimTemplate("data", "10Gi")
 *     .build();
 * }</pre>
 *
 * <p>Defaults and validation are those of {@link DeploymentDef}: recommended labels, the selector from
 * {@code app.kubernetes.io/name}, the {@link SecurityProfile}, one exception listing every violation. Volume claim
 * templates count as declared volumes for the containers' mounts.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class StatefulSetDef extends AbstractControllerDef<StatefulSetDef, StatefulSet, StatefulSetBuilder> {

    private StatefulSetDef(String name, Ops<StatefulSet> ops, Ops<StatefulSetBuilder> hatches,
            SecurityProfile profile) {
        super(name, ops, hatches, profile);
    }

    static StatefulSetDef of(String name) {
        return new StatefulSetDef(Checks.dns1123Label(name, "StatefulSet name"), Ops.empty(), Ops.empty(), null);
    }

    @Override
    StatefulSetDef copy(Ops<StatefulSet> ops, Ops<StatefulSetBuilder> hatches, SecurityProfile profile) {
        return new StatefulSetDef(name, ops, hatches, profile);
    }

    @Override
    StatefulSet newDraft() {
        StatefulSet s = new StatefulSet();
        s.setMetadata(Meta.named(name));
        StatefulSetSpec spec = new StatefulSetSpec();
        spec.setTemplate(new PodTemplateSpec(new ObjectMeta(), new PodSpec()));
        s.setSpec(spec);
        return s;
    }

    private static StatefulSetSpec spec(StatefulSet s) {
        if (s.getSpec() == null) {
            s.setSpec(new StatefulSetSpec());
        }
        return s.getSpec();
    }

    private static PodTemplateSpec template(StatefulSet s) {
        if (spec(s).getTemplate() == null) {
            spec(s).setTemplate(new PodTemplateSpec());
        }
        return spec(s).getTemplate();
    }

    @Override
    ObjectMeta podMeta(StatefulSet s) {
        if (template(s).getMetadata() == null) {
            template(s).setMetadata(new ObjectMeta());
        }
        return template(s).getMetadata();
    }

    @Override
    PodSpec podSpec(StatefulSet s) {
        if (template(s).getSpec() == null) {
            template(s).setSpec(new PodSpec());
        }
        return template(s).getSpec();
    }

    @Override
    StatefulSetBuilder toBuilder(StatefulSet s) {
        return new StatefulSetBuilder(s);
    }

    @Override
    StatefulSet fromBuilder(StatefulSetBuilder b) {
        return b.build();
    }

    @Override
    LabelSelector selector(StatefulSet s) {
        return spec(s).getSelector();
    }

    @Override
    void selector(StatefulSet s, LabelSelector selector) {
        spec(s).setSelector(selector);
    }

    @Override
    void minReadySeconds(StatefulSet s, int seconds) {
        spec(s).setMinReadySeconds(seconds);
    }

    @Override
    void revisionHistoryLimit(StatefulSet s, int limit) {
        spec(s).setRevisionHistoryLimit(limit);
    }

    /**
     * Leaves {@code spec.replicas} out of the manifest, even if {@code replicas(..)} was called, because a
     * HorizontalPodAutoscaler owns the count: re-applying a manifest with replicas would reset the autoscaler's choice.
     *
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public StatefulSetDef replicasOwnedByAutoscaler() {
        return customize(b -> b.editOrNewSpec().withReplicas(null).endSpec());
    }

    /**
     * Sets {@code spec.replicas} (Kubernetes default 1).
     *
     * @param replicas zero or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public StatefulSetDef replicas(int replicas) {
        Checks.notNegative(replicas, "replicas");
        return then(s -> spec(s).setReplicas(replicas));
    }

    /**
     * Sets {@code spec.serviceName}: the headless Service that gives each Pod a stable DNS name.
     *
     * @param serviceName the Service's name; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public StatefulSetDef serviceName(String serviceName) {
        Checks.dns1035Label(serviceName, "serviceName");
        return then(s -> spec(s).setServiceName(serviceName));
    }

    /**
     * Starts and stops Pods all at once ({@code podManagementPolicy: Parallel}) instead of one by one in order.
     *
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public StatefulSetDef parallelPodManagement() {
        return then(s -> spec(s).setPodManagementPolicy("Parallel"));
    }

    /**
     * Uses the {@code RollingUpdate} strategy, updating only Pods with an ordinal of at least {@code partition}
     * (a staged rollout; 0 updates every Pod).
     *
     * @param partition zero or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public StatefulSetDef rollingUpdate(int partition) {
        Checks.notNegative(partition, "partition");
        return then(s -> spec(s).setUpdateStrategy(new StatefulSetUpdateStrategy(
                new RollingUpdateStatefulSetStrategy(null, partition), "RollingUpdate")));
    }

    /**
     * Uses the {@code OnDelete} strategy: Pods are updated only when deleted by hand.
     *
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public StatefulSetDef onDelete() {
        return then(s -> spec(s).setUpdateStrategy(new StatefulSetUpdateStrategy(null, "OnDelete")));
    }

    /**
     * Adds a {@code volumeClaimTemplates[]} entry: each Pod gets its own ReadWriteOnce PersistentVolumeClaim of this
     * size from the default StorageClass, mountable by {@code name}.
     *
     * @param name    the claim template's name, used by volume mounts; must not be {@code null}
     * @param storage the requested size, e.g. {@code 10Gi}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public StatefulSetDef volumeClaimTemplate(String name, String storage) {
        return volumeClaimTemplate(name, storage, null);
    }

    /**
     * Adds a {@code volumeClaimTemplates[]} entry with a StorageClass.
     *
     * @param name         the claim template's name, used by volume mounts; must not be {@code null}
     * @param storage      the requested size, e.g. {@code 10Gi}; must not be {@code null}
     * @param storageClass the StorageClass's name, or {@code null} for the cluster default
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public StatefulSetDef volumeClaimTemplate(String name, String storage, String storageClass) {
        Checks.dns1123Label(name, "volumeClaimTemplate name");
        Checks.quantity(storage, "storage", "\"10Gi\"");
        if (storageClass != null) {
            Checks.dns1123Subdomain(storageClass, "storageClassName");
        }
        return then(s -> {
            PersistentVolumeClaimSpec pvc = new PersistentVolumeClaimSpec();
            pvc.setAccessModes(new ArrayList<>(List.of("ReadWriteOnce")));
            VolumeResourceRequirements req = new VolumeResourceRequirements();
            req.setRequests(new java.util.LinkedHashMap<>(Map.of("storage", new Quantity(storage))));
            pvc.setResources(req);
            pvc.setStorageClassName(storageClass);
            PersistentVolumeClaim claim = new PersistentVolumeClaim();
            claim.setMetadata(Meta.named(name));
            claim.setSpec(pvc);
            spec(s).getVolumeClaimTemplates().add(claim);
        });
    }
}
