package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated kube-scheduler: binds each unassigned pod to the node with the fewest pods (ties by name), honouring
 * {@code spec.nodeSelector} against the nodes' {@code kubernetes.io/hostname}, {@code kubernetes.io/os} and {@code
 * kubernetes.io/arch} labels. A pod that cannot be placed gets {@code PodScheduled=False/Unschedulable} and a {@code
 * FailedScheduling} Event worded like the real scheduler's, and is retried with the scheduling queue's pod back-off
 * (1 s doubling to 10 s).
 */
final class Scheduler implements Controller {

    static final String COMPONENT = "default-scheduler";
    private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final ClusterAccess access;
    private final EventRecorder events;
    private final PodBehaviors behaviors;
    private final List<String> nodes;
    private final Set<String> inFlight = new HashSet<>();
    private final Map<String, Integer> attempts = new HashMap<>();

    Scheduler(ClusterAccess access, EventRecorder events, PodBehaviors behaviors, ControllerSettings settings) {
        this.access = access;
        this.events = events;
        this.behaviors = behaviors;
        this.nodes = settings.nodeNames();
    }

    @Override
    public void onChange(String type, HasMetadata oldObject, HasMetadata newObject) {
        if (!(newObject instanceof Pod)) {
            if (oldObject instanceof Pod && newObject == null) {
                attempts.remove(Meta.uid(oldObject));
            }
            return;
        }
        Pod pod = (Pod) newObject;
        if (isAssigned(pod) || Meta.isDeleting(pod) || !inFlight.add(Meta.uid(pod))) {
            return;
        }
        access.schedule(Duration.ZERO, () -> attempt(Meta.namespace(pod), Meta.name(pod), Meta.uid(pod)));
    }

    private static boolean isAssigned(Pod pod) {
        return pod.getSpec() != null && pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty();
    }

    private void attempt(String namespace, String name, String uid) {
        Optional<Pod> stored = access.get(Pod.class, namespace, name);
        if (stored.isEmpty() || !uid.equals(Meta.uid(stored.get())) || isAssigned(stored.get())
            || Meta.isDeleting(stored.get())) {
            inFlight.remove(uid);
            attempts.remove(uid);
            return;
        }
        Pod pod = stored.get();
        String node = behaviors.unschedulable(pod) ? null : pickNode(pod);
        if (node == null) {
            int n = attempts.merge(uid, 1, Integer::sum);
            String message = unschedulableMessage();
            PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
            status.setPhase("Pending");
            PodCondition current = Meta.podCondition(pod, "PodScheduled");
            if (current == null || !"False".equals(current.getStatus()) || !message.equals(current.getMessage())) {
                List<PodCondition> conditions = new ArrayList<>();
                conditions.add(new PodCondition(null, Meta.timestamp(access.now()), message, null, "Unschedulable",
                    "False", "PodScheduled"));
                status.setConditions(conditions);
                pod.setStatus(status);
                access.updateStatus(pod);
            }
            events.event(pod, EventRecorder.WARNING, "FailedScheduling", message, COMPONENT);
            long factor = 1L << Math.min(n - 1, 10);
            Duration backoff = INITIAL_BACKOFF.multipliedBy(factor);
            if (backoff.compareTo(MAX_BACKOFF) > 0) {
                backoff = MAX_BACKOFF;
            }
            access.schedule(backoff, () -> attempt(namespace, name, uid));
            return;
        }
        inFlight.remove(uid);
        attempts.remove(uid);
        pod.getSpec().setNodeName(node);
        Pod bound = access.update(pod);
        PodStatus status = bound.getStatus() == null ? new PodStatus() : bound.getStatus();
        status.setPhase("Pending");
        status.setConditions(new ArrayList<>(List.of(new PodCondition(null, Meta.timestamp(access.now()), null,
            null, null, "True", "PodScheduled"))));
        bound.setStatus(status);
        access.updateStatus(bound);
        events.event(bound, EventRecorder.NORMAL, "Scheduled",
            "Successfully assigned " + namespace + "/" + name + " to " + node, COMPONENT);
    }

    private String unschedulableMessage() {
        int n = nodes.size();
        return "0/" + n + " nodes are available: " + n + " node(s) didn't match Pod's node affinity/selector. "
            + "preemption: 0/" + n + " nodes are available: " + n + " Preemption is not helpful for scheduling.";
    }

    private String pickNode(Pod pod) {
        Map<String, Integer> load = new HashMap<>();
        for (Pod p : access.list(Pod.class, null)) {
            if (isAssigned(p) && Meta.isPodActive(p)) {
                load.merge(p.getSpec().getNodeName(), 1, Integer::sum);
            }
        }
        String best = null;
        for (String node : nodes) {
            if (hasNodeSelector(pod) && !Meta.matches(pod.getSpec().getNodeSelector(), Nodes.labels(node))) {
                continue;
            }
            if (best == null || load.getOrDefault(node, 0) < load.getOrDefault(best, 0)) {
                best = node;
            }
        }
        return best;
    }

    private static boolean hasNodeSelector(Pod pod) {
        return pod.getSpec().getNodeSelector() != null && !pod.getSpec().getNodeSelector().isEmpty();
    }
}
