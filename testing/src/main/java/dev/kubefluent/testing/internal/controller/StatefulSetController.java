package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The StatefulSet controller for the default {@code OrderedReady} pod management ({@code
 * pkg/controller/statefulset/stateful_set_control.go}): pods {@code <name>-0} ... {@code <name>-(N-1)} are created one
 * at a time in ordinal order, each waiting for the previous one to be Running and Ready; surplus pods are removed from
 * the highest ordinal; a RollingUpdate replaces pods from the highest ordinal down to {@code partition}, one at a
 * time, waiting for each replacement to be ready. The revision label {@code controller-revision-hash} is {@code
 * <name>-<hash of the template>}; status carries currentRevision/updateRevision and the replica counts that {@code
 * kubectl rollout status} reads.
 *
 * <p>Not modelled: ControllerRevision objects (so no {@code rollout history}/{@code undo}), the {@code Parallel} pod
 * management policy, PersistentVolumeClaim templates, and {@code maxUnavailable}.
 */
final class StatefulSetController implements Controller {

    static final String REVISION_LABEL = "controller-revision-hash";
    static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
    static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
    static final String COMPONENT = "statefulset-controller";

    private final ClusterAccess access;
    private final EventRecorder events;
    private final WorkQueue queue;

    StatefulSetController(ClusterAccess access, EventRecorder events) {
        this.access = access;
        this.events = events;
        this.queue = new WorkQueue(access, this::sync);
    }

    @Override
    public void onChange(String type, HasMetadata oldObject, HasMetadata newObject) {
        HasMetadata object = newObject != null ? newObject : oldObject;
        if (object instanceof StatefulSet) {
            queue.add(Meta.key(object));
        } else if (object instanceof Pod) {
            queue.addControllerOf(object, "StatefulSet");
        }
    }

    private void sync(String key) {
        Optional<StatefulSet> stored = access.get(StatefulSet.class, Meta.keyNamespace(key), Meta.keyName(key));
        if (stored.isEmpty() || Meta.isDeleting(stored.get())) {
            return;
        }
        StatefulSet set = stored.get();
        StatefulSetStatus old = set.getStatus() == null ? new StatefulSetStatus() : set.getStatus();
        String updateRevision = Meta.name(set) + "-"
            + PodTemplateHash.compute(set.getSpec().getTemplate(), Meta.orZero(old.getCollisionCount()));
        String currentRevision = old.getCurrentRevision() == null || old.getCurrentRevision().isEmpty()
            ? updateRevision : old.getCurrentRevision();
        int replicas = set.getSpec().getReplicas() == null ? 1 : set.getSpec().getReplicas();
        int minReadySeconds = Meta.orZero(set.getSpec().getMinReadySeconds());
        Map<Integer, Pod> pods = pods(set);
        manage(set, pods, replicas, currentRevision, updateRevision);
        pods = pods(set);
        updateStatus(set, pods, replicas, minReadySeconds, currentRevision, updateRevision);
    }

    private Map<Integer, Pod> pods(StatefulSet set) {
        Map<Integer, Pod> pods = new HashMap<>();
        String prefix = Meta.name(set) + "-";
        for (Pod pod : access.list(Pod.class, Meta.namespace(set))) {
            if (!Meta.isControlledBy(pod, Meta.uid(set)) || !Meta.name(pod).startsWith(prefix)) {
                continue;
            }
            try {
                pods.put(Integer.parseInt(Meta.name(pod).substring(prefix.length())), pod);
            } catch (NumberFormatException ignored) {
                // not one of ours
            }
        }
        return pods;
    }

    private static boolean healthy(Pod pod) {
        return "Running".equals(Meta.phase(pod)) && Meta.isPodReady(pod) && !Meta.isDeleting(pod);
    }

    private void manage(StatefulSet set, Map<Integer, Pod> pods, int replicas, String currentRevision,
                        String updateRevision) {
        int partition = partition(set);
        boolean rolling = isRollingUpdate(set);
        for (int i = 0; i < replicas; i++) {
            Pod pod = pods.get(i);
            if (pod == null) {
                String revision = rolling && i < partition ? currentRevision : updateRevision;
                create(set, i, revision);
                return;
            }
            if (!healthy(pod)) {
                return;
            }
        }
        for (int i = maxOrdinal(pods); i >= replicas; i--) {
            Pod pod = pods.get(i);
            if (pod != null) {
                delete(set, pod);
                return;
            }
        }
        if (!rolling) {
            return;
        }
        for (int i = replicas - 1; i >= partition; i--) {
            Pod pod = pods.get(i);
            if (pod != null && !updateRevision.equals(Meta.labels(pod).get(REVISION_LABEL))) {
                delete(set, pod);
                return;
            }
        }
    }

    private static int maxOrdinal(Map<Integer, Pod> pods) {
        return pods.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    private static boolean isRollingUpdate(StatefulSet set) {
        return set.getSpec().getUpdateStrategy() == null || set.getSpec().getUpdateStrategy().getType() == null
            || "RollingUpdate".equals(set.getSpec().getUpdateStrategy().getType());
    }

    private static int partition(StatefulSet set) {
        if (!isRollingUpdate(set) || set.getSpec().getUpdateStrategy() == null
            || set.getSpec().getUpdateStrategy().getRollingUpdate() == null) {
            return 0;
        }
        return Meta.orZero(set.getSpec().getUpdateStrategy().getRollingUpdate().getPartition());
    }

    private void create(StatefulSet set, int ordinal, String revision) {
        String name = Meta.name(set) + "-" + ordinal;
        Pod pod = ReplicaSetController.podFromTemplate(set.getSpec().getTemplate(), set, null);
        pod.getMetadata().setGenerateName(null);
        pod.getMetadata().setName(name);
        pod.getMetadata().getLabels().put(REVISION_LABEL, revision);
        pod.getMetadata().getLabels().put(POD_NAME_LABEL, name);
        pod.getMetadata().getLabels().put(POD_INDEX_LABEL, Integer.toString(ordinal));
        pod.getSpec().setHostname(name);
        if (set.getSpec().getServiceName() != null && !set.getSpec().getServiceName().isEmpty()) {
            pod.getSpec().setSubdomain(set.getSpec().getServiceName());
        }
        access.create(pod);
        events.event(set, EventRecorder.NORMAL, "SuccessfulCreate",
            "create Pod " + name + " in StatefulSet " + Meta.name(set) + " successful", COMPONENT);
    }

    private void delete(StatefulSet set, Pod pod) {
        access.delete(Pod.class, Meta.namespace(pod), Meta.name(pod));
        events.event(set, EventRecorder.NORMAL, "SuccessfulDelete",
            "delete Pod " + Meta.name(pod) + " in StatefulSet " + Meta.name(set) + " successful", COMPONENT);
    }

    private void updateStatus(StatefulSet set, Map<Integer, Pod> pods, int replicas, int minReadySeconds,
                              String currentRevision, String updateRevision) {
        Instant now = access.now();
        PodCounts counts = new PodCounts();
        int current = 0;
        int updated = 0;
        List<Pod> all = new ArrayList<>(pods.values());
        for (Pod pod : all) {
            counts.add(pod, minReadySeconds, now);
            String revision = Meta.labels(pod).get(REVISION_LABEL);
            if (currentRevision.equals(revision)) {
                current++;
            }
            if (updateRevision.equals(revision)) {
                updated++;
            }
        }
        StatefulSetStatus status = set.getStatus() == null ? new StatefulSetStatus() : Meta.copy(set.getStatus());
        status.setObservedGeneration(set.getMetadata().getGeneration());
        status.setReplicas(all.size());
        status.setReadyReplicas(Meta.omitZero(counts.ready));
        status.setAvailableReplicas(counts.available);
        status.setCurrentReplicas(Meta.omitZero(current));
        status.setUpdatedReplicas(Meta.omitZero(updated));
        status.setCurrentRevision(currentRevision);
        status.setUpdateRevision(updateRevision);
        if (status.getCollisionCount() == null) {
            status.setCollisionCount(0);
        }
        // completeRollingUpdate: once every pod runs the update revision and is ready, it becomes the current one
        if (isRollingUpdate(set) && updated == replicas && counts.ready == replicas && all.size() == replicas) {
            status.setCurrentRevision(updateRevision);
            status.setCurrentReplicas(Meta.omitZero(updated));
        }
        if (!Objects.equals(status, set.getStatus())) {
            set.setStatus(status);
            access.updateStatus(set);
        }
        counts.requeueForAvailability(queue, Meta.key(set), now);
    }
}
