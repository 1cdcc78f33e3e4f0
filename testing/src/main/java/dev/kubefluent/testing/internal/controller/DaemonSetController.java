package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The DaemonSet controller ({@code pkg/controller/daemon}): one pod per simulated node that matches the template's
 * {@code nodeSelector}, bound directly to that node, labelled {@code controller-revision-hash} and {@code
 * pod-template-generation}. A RollingUpdate deletes old pods while fewer than {@code maxUnavailable} (an int or a
 * percentage of the desired count, rounded up, default 1) nodes are unavailable, unavailable old pods first, and the
 * next sync creates the replacements; status carries the counts {@code kubectl rollout status} reads.
 *
 * <p>Not modelled: taints and tolerations, {@code maxSurge}, ControllerRevision objects.
 */
final class DaemonSetController implements Controller {

    static final String REVISION_LABEL = "controller-revision-hash";
    static final String TEMPLATE_GENERATION_LABEL = "pod-template-generation";
    static final String COMPONENT = "daemonset-controller";

    private final ClusterAccess access;
    private final EventRecorder events;
    private final List<String> nodes;
    private final WorkQueue queue;

    DaemonSetController(ClusterAccess access, EventRecorder events, ControllerSettings settings) {
        this.access = access;
        this.events = events;
        this.nodes = settings.nodeNames();
        this.queue = new WorkQueue(access, this::sync);
    }

    @Override
    public void onChange(String type, HasMetadata oldObject, HasMetadata newObject) {
        HasMetadata object = newObject != null ? newObject : oldObject;
        if (object instanceof DaemonSet) {
            queue.add(Meta.key(object));
        } else if (object instanceof Pod) {
            queue.addControllerOf(object, "DaemonSet");
        }
    }

    private void sync(String key) {
        Optional<DaemonSet> stored = access.get(DaemonSet.class, Meta.keyNamespace(key), Meta.keyName(key));
        if (stored.isEmpty() || Meta.isDeleting(stored.get())) {
            return;
        }
        DaemonSet ds = stored.get();
        String hash = PodTemplateHash.compute(ds.getSpec().getTemplate(),
            ds.getStatus() == null ? 0 : Meta.orZero(ds.getStatus().getCollisionCount()));
        List<String> eligible = eligibleNodes(ds);
        manage(ds, eligible, hash);
        updateStatus(ds, eligible, hash);
    }

    private List<String> eligibleNodes(DaemonSet ds) {
        Map<String, String> selector = ds.getSpec().getTemplate().getSpec() == null ? null
            : ds.getSpec().getTemplate().getSpec().getNodeSelector();
        List<String> eligible = new ArrayList<>();
        for (String node : nodes) {
            if (selector == null || selector.isEmpty() || Meta.matches(selector, Nodes.labels(node))) {
                eligible.add(node);
            }
        }
        return eligible;
    }

    private Map<String, List<Pod>> podsByNode(DaemonSet ds) {
        Map<String, List<Pod>> byNode = new LinkedHashMap<>();
        for (Pod pod : access.list(Pod.class, Meta.namespace(ds))) {
            if (Meta.isControlledBy(pod, Meta.uid(ds)) && Meta.isPodActive(pod)) {
                byNode.computeIfAbsent(pod.getSpec().getNodeName(), n -> new ArrayList<>()).add(pod);
            }
        }
        return byNode;
    }

    private void manage(DaemonSet ds, List<String> eligible, String hash) {
        Map<String, List<Pod>> byNode = podsByNode(ds);
        for (Map.Entry<String, List<Pod>> e : byNode.entrySet()) {
            List<Pod> pods = e.getValue();
            int keep = eligible.contains(e.getKey()) ? 1 : 0;
            for (int i = keep; i < pods.size(); i++) {
                delete(ds, pods.get(i));
            }
        }
        for (String node : eligible) {
            if (!byNode.containsKey(node)) {
                create(ds, node, hash);
            }
        }
        if (!isRollingUpdate(ds)) {
            return;
        }
        int minReadySeconds = Meta.orZero(ds.getSpec().getMinReadySeconds());
        Instant now = access.now();
        int maxUnavailable = maxUnavailable(ds, eligible.size());
        int unavailable = 0;
        List<Pod> oldAvailable = new ArrayList<>();
        List<Pod> oldUnavailable = new ArrayList<>();
        for (String node : eligible) {
            List<Pod> pods = byNode.get(node);
            Pod pod = pods == null ? null : pods.get(0);
            boolean available = pod != null && Meta.isPodAvailable(pod, minReadySeconds, now);
            if (!available) {
                unavailable++;
            }
            if (pod != null && !hash.equals(Meta.labels(pod).get(REVISION_LABEL))) {
                (available ? oldAvailable : oldUnavailable).add(pod);
            }
        }
        for (Pod pod : oldUnavailable) {
            delete(ds, pod);
        }
        for (Pod pod : oldAvailable) {
            if (unavailable >= maxUnavailable) {
                break;
            }
            delete(ds, pod);
            unavailable++;
        }
    }

    private static boolean isRollingUpdate(DaemonSet ds) {
        return ds.getSpec().getUpdateStrategy() == null || ds.getSpec().getUpdateStrategy().getType() == null
            || "RollingUpdate".equals(ds.getSpec().getUpdateStrategy().getType());
    }

    private static int maxUnavailable(DaemonSet ds, int desired) {
        IntOrString value = ds.getSpec().getUpdateStrategy() == null
            || ds.getSpec().getUpdateStrategy().getRollingUpdate() == null
            || ds.getSpec().getUpdateStrategy().getRollingUpdate().getMaxUnavailable() == null
            ? new IntOrString(1) : ds.getSpec().getUpdateStrategy().getRollingUpdate().getMaxUnavailable();
        int resolved = Fenceposts.scaledValue(value, desired, true);
        return Math.max(resolved, 1);
    }

    private void create(DaemonSet ds, String node, String hash) {
        Pod pod = ReplicaSetController.podFromTemplate(ds.getSpec().getTemplate(), ds, Meta.name(ds) + "-");
        pod.getMetadata().getLabels().put(REVISION_LABEL, hash);
        pod.getMetadata().getLabels().put(TEMPLATE_GENERATION_LABEL,
            String.valueOf(ds.getMetadata().getGeneration() == null ? 1 : ds.getMetadata().getGeneration()));
        pod.getSpec().setNodeName(node);
        Pod created = access.create(pod);
        events.event(ds, EventRecorder.NORMAL, "SuccessfulCreate", "Created pod: " + Meta.name(created), COMPONENT);
    }

    private void delete(DaemonSet ds, Pod pod) {
        access.delete(Pod.class, Meta.namespace(pod), Meta.name(pod));
        events.event(ds, EventRecorder.NORMAL, "SuccessfulDelete", "Deleted pod: " + Meta.name(pod), COMPONENT);
    }

    private void updateStatus(DaemonSet ds, List<String> eligible, String hash) {
        Map<String, List<Pod>> byNode = podsByNode(ds);
        int minReadySeconds = Meta.orZero(ds.getSpec().getMinReadySeconds());
        Instant now = access.now();
        int scheduled = 0;
        int misscheduled = 0;
        PodCounts counts = new PodCounts();
        int updated = 0;
        for (Map.Entry<String, List<Pod>> e : byNode.entrySet()) {
            if (!eligible.contains(e.getKey())) {
                misscheduled++;
                continue;
            }
            scheduled++;
            Pod pod = e.getValue().get(0);
            counts.add(pod, minReadySeconds, now);
            if (hash.equals(Meta.labels(pod).get(REVISION_LABEL))) {
                updated++;
            }
        }
        DaemonSetStatus status = ds.getStatus() == null ? new DaemonSetStatus() : Meta.copy(ds.getStatus());
        status.setObservedGeneration(ds.getMetadata().getGeneration());
        status.setDesiredNumberScheduled(eligible.size());
        status.setCurrentNumberScheduled(scheduled);
        status.setNumberMisscheduled(misscheduled);
        status.setNumberReady(counts.ready);
        status.setNumberAvailable(Meta.omitZero(counts.available));
        status.setNumberUnavailable(Meta.omitZero(Math.max(0, eligible.size() - counts.available)));
        status.setUpdatedNumberScheduled(Meta.omitZero(updated));
        if (!Objects.equals(status, ds.getStatus())) {
            ds.setStatus(status);
            access.updateStatus(ds);
        }
        counts.requeueForAvailability(queue, Meta.key(ds), now);
    }
}
