package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;

import java.time.Duration;
import java.util.List;

/**
 * The garbage collector's background cascading deletion for the kinds the controllers create: when an owner is
 * deleted, the ReplicaSets, Pods and EndpointSlices whose ownerReferences name its uid are deleted too (and theirs in
 * turn, through their own DELETED notifications).
 */
final class GarbageCollector implements Controller {

    private static final List<Class<? extends HasMetadata>> DEPENDENT_KINDS =
        List.of(ReplicaSet.class, Pod.class, EndpointSlice.class);

    private final ClusterAccess access;

    GarbageCollector(ClusterAccess access) {
        this.access = access;
    }

    @Override
    public void onChange(String type, HasMetadata oldObject, HasMetadata newObject) {
        if (newObject != null || oldObject == null) {
            return;
        }
        String uid = Meta.uid(oldObject);
        String namespace = Meta.namespace(oldObject);
        access.schedule(Duration.ZERO, () -> collect(uid, namespace));
    }

    private void collect(String ownerUid, String namespace) {
        for (Class<? extends HasMetadata> kind : DEPENDENT_KINDS) {
            for (HasMetadata dependent : access.list(kind, namespace)) {
                List<OwnerReference> refs = dependent.getMetadata().getOwnerReferences();
                if (refs != null && refs.stream().anyMatch(r -> ownerUid.equals(r.getUid()))) {
                    access.delete(kind, Meta.namespace(dependent), Meta.name(dependent));
                }
            }
        }
    }
}
