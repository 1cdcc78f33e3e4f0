package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The ReplicaSet controller ({@code pkg/controller/replicaset/replica_set.go · syncReplicaSet}): creates pods from the
 * template with a controller reference, deletes surplus pods in {@code ActivePodsWithRanks} order (unscheduled,
 * pending and not-ready pods first) and writes {@code status} with availability after {@code minReadySeconds}.
 *
 * <p>Differences from the real controller: pods are created and deleted in one sync without slow-start batches or
 * expectations, deletion is immediate (no terminating pods; the simulated API server has no graceful deletion), the
 * status is computed from the pods after the sync's own writes, and orphaned pods are not adopted.
 */
final class ReplicaSetController implements Controller {

    static final String COMPONENT = "replicaset-controller";
    private static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

    private final ClusterAccess access;
    private final EventRecorder events;
    private final WorkQueue queue;

    ReplicaSetController(ClusterAccess access, EventRecorder events) {
        this.access = access;
        this.events = events;
        this.queue = new WorkQueue(access, this::sync);
    }

    @Override
    public void onChange(String type, HasMetadata oldObject, HasMetadata newObject) {
        HasMetadata object = newObject != null ? newObject : oldObject;
        if (object instanceof ReplicaSet) {
            queue.add(Meta.key(object));
        } else if (object instanceof Pod) {
            queue.addControllerOf(object, "ReplicaSet");
            if (oldObject != null && newObject != null && !Objects.equals(Meta.controllerOf(oldObject),
                Meta.controllerOf(newObject))) {
                queue.addControllerOf(oldObject, "ReplicaSet");
            }
        }
    }

    void sync(String key) {
        Optional<ReplicaSet> stored = access.get(ReplicaSet.class, Meta.keyNamespace(key), Meta.keyName(key));
        if (stored.isEmpty()) {
            return;
        }
        ReplicaSet rs = stored.get();
        List<Pod> pods = ownedActivePods(rs);
        failure = null;
        if (!Meta.isDeleting(rs)) {
            manageReplicas(pods, rs);
            pods = ownedActivePods(rs);
        }
        updateStatus(rs, pods);
        if (failure != null) {
            // syncReplicaSet returns the create error, so the work queue retries with back-off
            throw new IllegalStateException(failure);
        }
    }

    private List<Pod> ownedActivePods(HasMetadata owner) {
        List<Pod> pods = new ArrayList<>();
        for (Pod pod : access.list(Pod.class, Meta.namespace(owner))) {
            if (Meta.isControlledBy(pod, Meta.uid(owner)) && Meta.isPodActive(pod)) {
                pods.add(pod);
            }
        }
        return pods;
    }

    /** The pod-creation error of the current sync, reported as the ReplicaFailure condition. */
    private String failure;

    private void manageReplicas(List<Pod> pods, ReplicaSet rs) {
        int diff = pods.size() - Meta.orZero(rs.getSpec().getReplicas());
        if (diff < 0) {
            for (int i = 0; i < -diff; i++) {
                Pod created;
                try {
                    created = access.create(podFromTemplate(rs.getSpec().getTemplate(), rs, Meta.name(rs) + "-"));
                } catch (ClusterAccessException e) {
                    events.event(rs, EventRecorder.WARNING, "FailedCreate", "Error creating: " + e.getMessage(),
                        COMPONENT);
                    failure = "Error creating: " + e.getMessage();
                    return;
                }
                events.event(rs, EventRecorder.NORMAL, "SuccessfulCreate", "Created pod: " + Meta.name(created),
                    COMPONENT);
            }
        } else if (diff > 0) {
            List<Pod> related = relatedActivePods(rs);
            List<Pod> ranked = rankForDeletion(pods, related, access.now());
            for (Pod pod : ranked.subList(0, diff)) {
                access.delete(Pod.class, Meta.namespace(pod), Meta.name(pod));
                events.event(rs, EventRecorder.NORMAL, "SuccessfulDelete", "Deleted pod: " + Meta.name(pod),
                    COMPONENT);
            }
        }
    }

    /** {@code controller.GetPodFromTemplate}: labels, annotations and spec from the template, a controller ref. */
    static Pod podFromTemplate(PodTemplateSpec template, HasMetadata owner, String generateName) {
        PodTemplateSpec t = Meta.copy(template);
        Map<String, String> labels = t.getMetadata() == null || t.getMetadata().getLabels() == null
            ? new LinkedHashMap<>() : new LinkedHashMap<>(t.getMetadata().getLabels());
        Map<String, String> annotations = t.getMetadata() == null || t.getMetadata().getAnnotations() == null
            ? null : new LinkedHashMap<>(t.getMetadata().getAnnotations());
        return new PodBuilder()
            .withNewMetadata()
                .withGenerateName(generateName)
                .withNamespace(Meta.namespace(owner))
                .withLabels(labels)
                .withAnnotations(annotations)
                .withOwnerReferences(Meta.controllerRef(owner))
            .endMetadata()
            .withSpec(t.getSpec())
            .build();
    }

    /** Pods of ReplicaSets with the same controller (the Deployment's other ReplicaSets), for ranking. */
    private List<Pod> relatedActivePods(ReplicaSet rs) {
        OwnerReference owner = Meta.controllerOf(rs);
        Set<String> relatedUids = new HashSet<>();
        relatedUids.add(Meta.uid(rs));
        if (owner != null) {
            for (ReplicaSet other : access.list(ReplicaSet.class, Meta.namespace(rs))) {
                if (Meta.isControlledBy(other, owner.getUid())) {
                    relatedUids.add(Meta.uid(other));
                }
            }
        }
        List<Pod> related = new ArrayList<>();
        for (Pod pod : access.list(Pod.class, Meta.namespace(rs))) {
            OwnerReference ref = Meta.controllerOf(pod);
            if (ref != null && relatedUids.contains(ref.getUid()) && Meta.isPodActive(pod)) {
                related.add(pod);
            }
        }
        return related;
    }

    /**
     * {@code getPodsRankedByRelatedPodsOnSameNode} and {@code ActivePodsWithRanks.Less}: unassigned &lt; assigned,
     * Pending &lt; Unknown &lt; Running, not ready &lt; ready, lower deletion cost first, more pods of the same
     * controller on the node first, ready for less time first, more restarts first, newer first; then by name.
     */
    static List<Pod> rankForDeletion(List<Pod> pods, List<Pod> related, Instant now) {
        Map<String, Integer> podsOnNode = new HashMap<>();
        for (Pod pod : related) {
            String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
            if (node != null && !node.isEmpty()) {
                podsOnNode.merge(node, 1, Integer::sum);
            }
        }
        Map<String, Integer> rank = new HashMap<>();
        for (Pod pod : pods) {
            String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
            rank.put(Meta.uid(pod), node == null ? 0 : podsOnNode.getOrDefault(node, 0));
        }
        Comparator<Pod> order = Comparator
            .comparing((Pod p) -> isAssigned(p))
            .thenComparingInt(ReplicaSetController::phaseRank)
            .thenComparing(Meta::isPodReady)
            .thenComparingInt(ReplicaSetController::deletionCost)
            .thenComparing(Comparator.comparingInt((Pod p) -> rank.get(Meta.uid(p))).reversed())
            .thenComparing(Comparator.comparing((Pod p) -> readySince(p)).reversed())
            .thenComparing(Comparator.comparingInt(ReplicaSetController::restarts).reversed())
            .thenComparing(Comparator.comparing(Meta::creation).reversed())
            .thenComparing(Meta::name);
        List<Pod> sorted = new ArrayList<>(pods);
        sorted.sort(order);
        return sorted;
    }

    private static boolean isAssigned(Pod pod) {
        return pod.getSpec() != null && pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty();
    }

    private static int phaseRank(Pod pod) {
        switch (Meta.phase(pod)) {
            case "Pending":
                return 0;
            case "Unknown":
                return 1;
            case "Running":
                return 2;
            default:
                return 3;
        }
    }

    private static int deletionCost(Pod pod) {
        String cost = Meta.annotations(pod).get(DELETION_COST);
        try {
            return cost == null ? 0 : Integer.parseInt(cost);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant readySince(Pod pod) {
        PodCondition ready = Meta.podCondition(pod, "Ready");
        return ready == null || !"True".equals(ready.getStatus()) ? Instant.MAX : Meta.parseTime(ready.getLastTransitionTime());
    }

    private static int restarts(Pod pod) {
        int max = 0;
        if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
            for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
                max = Math.max(max, Meta.orZero(cs.getRestartCount()));
            }
        }
        return max;
    }

    private void updateStatus(ReplicaSet rs, List<Pod> pods) {
        int minReadySeconds = Meta.orZero(rs.getSpec().getMinReadySeconds());
        Instant now = access.now();
        int fullyLabeled = 0;
        PodCounts counts = new PodCounts();
        Map<String, String> templateLabels = rs.getSpec().getTemplate() == null
            || rs.getSpec().getTemplate().getMetadata() == null ? Map.of()
            : rs.getSpec().getTemplate().getMetadata().getLabels();
        for (Pod pod : pods) {
            if (templateLabels == null || Meta.labels(pod).entrySet().containsAll(templateLabels.entrySet())) {
                fullyLabeled++;
            }
            counts.add(pod, minReadySeconds, now);
        }
        ReplicaSetStatus status = rs.getStatus() == null ? new ReplicaSetStatus() : Meta.copy(rs.getStatus());
        status.setReplicas(pods.size());
        status.setFullyLabeledReplicas(Meta.omitZero(fullyLabeled));
        status.setReadyReplicas(Meta.omitZero(counts.ready));
        status.setAvailableReplicas(Meta.omitZero(counts.available));
        status.setObservedGeneration(rs.getMetadata().getGeneration());
        setReplicaFailure(status);
        if (!normalized(status).equals(normalized(rs.getStatus()))) {
            rs.setStatus(status);
            access.updateStatus(rs);
        }
        counts.requeueForAvailability(queue, Meta.key(rs), now);
    }

    /** {@code calculateStatus}: ReplicaFailure=True/FailedCreate while creating pods fails, removed once it works. */
    private void setReplicaFailure(ReplicaSetStatus status) {
        List<ReplicaSetCondition> conditions = new ArrayList<>();
        ReplicaSetCondition current = null;
        if (status.getConditions() != null) {
            for (ReplicaSetCondition c : status.getConditions()) {
                if ("ReplicaFailure".equals(c.getType())) {
                    current = c;
                } else {
                    conditions.add(c);
                }
            }
        }
        if (failure != null) {
            String since = current != null ? current.getLastTransitionTime() : Meta.timestamp(access.now());
            conditions.add(new ReplicaSetCondition(since, failure, "FailedCreate", "True", "ReplicaFailure"));
        }
        status.setConditions(conditions);
    }

    private static ReplicaSetStatus normalized(ReplicaSetStatus s) {
        ReplicaSetStatus n = s == null ? new ReplicaSetStatus() : Meta.copy(s);
        n.setReplicas(Meta.orZero(n.getReplicas()));
        n.setFullyLabeledReplicas(Meta.omitZero(Meta.orZero(n.getFullyLabeledReplicas())));
        n.setReadyReplicas(Meta.omitZero(Meta.orZero(n.getReadyReplicas())));
        n.setAvailableReplicas(Meta.omitZero(Meta.orZero(n.getAvailableReplicas())));
        if (n.getConditions() == null) {
            n.setConditions(new ArrayList<>());
        }
        return n;
    }
}
