package dev.kubefluent.core.rollout;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.internal.ApiErrors;
import dev.kubefluent.core.internal.Retrier;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies objects by server-side apply under one field manager.
 *
 * <p>Force-conflicts policy: never force over another field manager unless the options say so; a conflict whose
 * only other managers are our own field manager name (left by the engine's imperative writes: undo, pause, resume,
 * restart, scale, which are Update operations) or our hand-over manager ({@code <manager>-handover-to-hpa}) is taken
 * over by re-applying with {@code force=true}.
 *
 * <p>Replica hand-over: before applying a Deployment, StatefulSet or ReplicaSet whose manifest omits
 * {@code spec.replicas} (an HPA owns the count) while this engine's apply owns the live {@code spec.replicas}, the
 * field is handed over to {@code <manager>-handover-to-hpa} (see {@link #replicasToHandOver}), so that the API server
 * keeps the live count instead of resetting it to 1.
 */
final class Applier {

    /** Kinds that have no namespace. */
    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume", "ClusterRole",
            "ClusterRoleBinding", "StorageClass", "CustomResourceDefinition", "PriorityClass", "IngressClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "RuntimeClass", "CSIDriver",
            "VolumeAttachment", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding");

    /** Appended to the field manager to name the manager that takes {@code spec.replicas} over for an HPA. */
    static final String HAND_OVER_SUFFIX = "-handover-to-hpa";

    /** The kinds whose replica count an HPA can own. */
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet");

    private final KubernetesClient client;
    private final Retrier retrier;
    private final KubernetesSerialization serialization;
    private final String fieldManager;

    Applier(KubernetesClient client, Retrier retrier, KubernetesSerialization serialization, String fieldManager) {
        this.client = client;
        this.retrier = retrier;
        this.serialization = serialization;
        this.fieldManager = fieldManager;
    }

    /**
     * Copies an object for applying: server-owned metadata and status removed, the namespace filled in, the release
     * marker added to its metadata.
     */
    HasMetadata prepare(HasMetadata resource, String release, String releaseNamespace, String defaultNamespace) {
        HasMetadata copy = serialization.clone(resource);
        ObjectMeta meta = copy.getMetadata() == null ? new ObjectMeta() : copy.getMetadata();
        copy.setMetadata(meta);
        meta.setResourceVersion(null);
        meta.setUid(null);
        meta.setCreationTimestamp(null);
        meta.setGeneration(null);
        meta.setManagedFields(null);
        meta.setSelfLink(null);
        if (meta.getNamespace() == null && !CLUSTER_SCOPED.contains(copy.getKind())) {
            meta.setNamespace(defaultNamespace);
        }
        Releases.mark(copy, release, releaseNamespace);
        return copy;
    }

    static boolean isNamespaced(HasMetadata o) {
        return !CLUSTER_SCOPED.contains(o.getKind());
    }

    /**
     * Applies one object.
     *
     * @param prepared the object from {@link #prepare}
     * @param force    take over fields of other managers
     * @param deadline retries stop here
     * @return what the apply did
     * @throws RolloutException when the apply fails for good, naming the object and quoting the API server
     */
    AppliedResource apply(HasMetadata prepared, boolean force, Instant deadline) {
        ResourceRef ref = ResourceRef.of(prepared);
        HasMetadata before;
        try {
            before = retrier.call("get " + ref, deadline, () -> client.resource(prepared).get());
        } catch (RuntimeException e) {
            throw failure(ref, "read", e);
        }
        if (before != null && replicasToHandOver(prepared, before) != null) {
            handOverReplicas(prepared, before, deadline);
        }
        HasMetadata after;
        try {
            after = retrier.call("apply " + ref, deadline, () -> serverSideApply(prepared, force));
        } catch (RuntimeException e) {
            if (ApiErrors.classify(e) != ApiErrors.Kind.FIELD_CONFLICT) {
                throw failure(ref, "apply", e);
            }
            List<String> managers = ApiErrors.conflictingManagers(e);
            if (managers.isEmpty() || !managers.stream().allMatch(m -> m.equals(fieldManager) || m.equals(handOverManager()))) {
                throw new RolloutException(ref + ": server-side apply conflict with field manager(s) "
                        + managers.stream().map(m -> "\"" + m + "\"").toList() + ": " + ApiErrors.message(e)
                        + " (field manager \"" + fieldManager + "\" never forces unless RolloutOptions.forceConflicts(true))",
                        e, managers);
            }
            try {
                after = retrier.call("apply " + ref, deadline, () -> serverSideApply(prepared, true));
            } catch (RuntimeException again) {
                throw failure(ref, "apply", again);
            }
        }
        ApplyOutcome outcome;
        if (before == null) {
            outcome = ApplyOutcome.CREATED;
        } else if (after != null && Objects.equals(rv(before), rv(after))) {
            outcome = ApplyOutcome.UNCHANGED;
        } else {
            outcome = ApplyOutcome.CONFIGURED;
        }
        return new AppliedResource(ref, outcome);
    }

    /** @return the field manager that takes {@code spec.replicas} over from this engine when an HPA is added */
    String handOverManager() {
        return fieldManager + HAND_OVER_SUFFIX;
    }

    /**
     * Tells whether applying this object would make the API server reset a live replica count: the object is a
     * Deployment, StatefulSet or ReplicaSet whose manifest omits {@code spec.replicas} (an HPA owns the count), while
     * this engine's Apply entry in the live object's {@code managedFields} owns {@code spec.replicas}. Server-side
     * apply removes a field that the applier owned and no longer sets, unless another manager owns it too, and a
     * removed {@code spec.replicas} is defaulted to 1.
     *
     * @return the live replica count to hand over, or {@code null} when nothing needs handing over
     */
    Integer replicasToHandOver(HasMetadata prepared, HasMetadata live) {
        if (!SCALABLE.contains(prepared.getKind()) || !"apps/v1".equals(prepared.getApiVersion())) {
            return null;
        }
        Object desired = spec(prepared).get("replicas");
        Object current = spec(live).get("replicas");
        if (desired != null || !(current instanceof Number n) || live.getMetadata().getManagedFields() == null) {
            return null;
        }
        for (ManagedFieldsEntry e : live.getMetadata().getManagedFields()) {
            if (fieldManager.equals(e.getManager()) && "Apply".equals(e.getOperation())
                    && (e.getSubresource() == null || e.getSubresource().isEmpty()) && e.getFieldsV1() != null
                    && e.getFieldsV1().getAdditionalProperties().get("f:spec") instanceof Map<?, ?> spec
                    && spec.containsKey("f:replicas")) {
                return n.intValue();
            }
        }
        return null;
    }

    /**
     * Hands {@code spec.replicas} over as the Kubernetes documentation describes ("Server-Side Apply", section
     * "Transferring ownership"): apply a manifest holding only {@code spec.replicas}, at its live value, under the
     * field manager {@code <manager>-handover-to-hpa}, so that the field has another owner when the real manifest,
     * without it, is applied next. The HPA controller's next write of the count takes the field from that manager,
     * whose entry then disappears. A conflict means the HPA controller already changed the count since it was read
     * and owns it: then there is nothing to hand over.
     */
    private void handOverReplicas(HasMetadata prepared, HasMetadata live, Instant deadline) {
        ResourceRef ref = ResourceRef.of(prepared);
        Integer replicas = replicasToHandOver(prepared, live);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", prepared.getMetadata().getName());
        if (prepared.getMetadata().getNamespace() != null) {
            metadata.put("namespace", prepared.getMetadata().getNamespace());
        }
        Map<String, Object> onlyReplicas = new LinkedHashMap<>();
        onlyReplicas.put("apiVersion", prepared.getApiVersion());
        onlyReplicas.put("kind", prepared.getKind());
        onlyReplicas.put("metadata", metadata);
        onlyReplicas.put("spec", Map.of("replicas", replicas));
        HasMetadata handOver = serialization.unmarshal(serialization.asJson(onlyReplicas), prepared.getClass());
        try {
            retrier.call("hand spec.replicas of " + ref + " over", deadline,
                    () -> client.resource(handOver).fieldManager(handOverManager()).serverSideApply());
        } catch (RuntimeException e) {
            if (ApiErrors.classify(e) == ApiErrors.Kind.FIELD_CONFLICT) {
                return;
            }
            throw failure(ref, "hand over of spec.replicas", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> spec(HasMetadata object) {
        Object spec = serialization.convertValue(object, Map.class).get("spec");
        return spec instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private HasMetadata serverSideApply(HasMetadata prepared, boolean force) {
        var op = client.resource(prepared).fieldManager(fieldManager);
        return force ? op.forceConflicts().serverSideApply() : op.serverSideApply();
    }

    /**
     * Creates a namespace unless it exists.
     *
     * @return {@code true} if it was created
     */
    boolean ensureNamespace(String name, Instant deadline) {
        ResourceRef ref = ResourceRef.of("Namespace", null, name);
        try {
            Namespace existing = retrier.call("get " + ref, deadline, () -> client.namespaces().withName(name).get());
            if (existing != null) {
                return false;
            }
            Namespace ns = new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
            retrier.call("apply " + ref, deadline, () -> client.resource(ns).fieldManager(fieldManager).serverSideApply());
            return true;
        } catch (RuntimeException e) {
            throw failure(ref, "create", e);
        }
    }

    /**
     * Deletes an object if it still carries the release's marker (never a Namespace).
     *
     * @return {@code true} if it was deleted
     */
    boolean deleteIfMarked(HasMetadata object, String release, Instant deadline) {
        ResourceRef ref = ResourceRef.of(object);
        if ("Namespace".equals(object.getKind())) {
            return false;
        }
        try {
            HasMetadata live = retrier.call("get " + ref, deadline, () -> client.resource(object).get());
            if (live == null || !Releases.isMarked(live, release)) {
                return false;
            }
            retrier.call("delete " + ref, deadline, () -> client.resource(live).delete());
            return true;
        } catch (RuntimeException e) {
            throw failure(ref, "delete", e);
        }
    }

    private static String rv(HasMetadata o) {
        return o.getMetadata() == null ? null : o.getMetadata().getResourceVersion();
    }

    static RolloutException failure(ResourceRef ref, String verb, RuntimeException e) {
        if (e instanceof RolloutException re) {
            return re;
        }
        int code = ApiErrors.code(e);
        return new RolloutException(ref + ": " + verb + " failed" + (code > 0 ? " (HTTP " + code + ")" : "") + ": "
                + ApiErrors.message(e), e, List.of());
    }
}
