package dev.kubefluent.core.rollout;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.internal.ApiErrors;
import dev.kubefluent.core.internal.Retrier;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Applies objects by server-side apply under one field manager.
 *
 * <p>Force-conflicts policy: never force over another field manager unless the options say so; a conflict whose
 * only other manager is our own field manager name (left by the engine's imperative writes: undo, pause, resume,
 * restart, scale, which are Update operations) is taken over by re-applying with {@code force=true}.
 */
final class Applier {

    /** Kinds that have no namespace. */
    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume", "ClusterRole",
            "ClusterRoleBinding", "StorageClass", "CustomResourceDefinition", "PriorityClass", "IngressClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "RuntimeClass", "CSIDriver",
            "VolumeAttachment", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding");

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
        HasMetadata after;
        try {
            after = retrier.call("apply " + ref, deadline, () -> serverSideApply(prepared, force));
        } catch (RuntimeException e) {
            if (ApiErrors.classify(e) != ApiErrors.Kind.FIELD_CONFLICT) {
                throw failure(ref, "apply", e);
            }
            List<String> managers = ApiErrors.conflictingManagers(e);
            if (managers.isEmpty() || !managers.stream().allMatch(fieldManager::equals)) {
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
