package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateRunning;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated kubelet of every node: runs each pod bound to a simulated node through the container states the
 * real kubelet reports, under the {@link PodBehaviors} installed for it.
 *
 * <h2>Timing (virtual time)</h2>
 * At binding the pod is admitted: phase Pending, podIP/hostIP, containers waiting {@code ContainerCreating}. After
 * the settings' pod start delay each container starts: running and ready (after the readiness probe's {@code
 * initialDelaySeconds}, if it has one). A failing image pull gives {@code ErrImagePull}, then one kubelet sync (1 s)
 * later {@code ImagePullBackOff}; the pull is retried 10 s after the failure, doubling up to 300 s. A crashing
 * container shows {@code terminated} for one sync, then {@code CrashLoopBackOff} with the kubelet's message, and is
 * restarted 10 s after the crash, doubling up to 300 s; each restart increments {@code restartCount}. Events are
 * worded as the kubelet's ({@code Pulling}, {@code Pulled}, {@code Created}, {@code Started}, {@code Failed}, {@code
 * BackOff}, {@code Unhealthy}) and repeats are aggregated into {@code count}.
 *
 * <p>Not modelled: init containers (Initialized is True at once), probes other than a readiness probe's initial delay,
 * restartPolicy Never/OnFailure (pods never reach Succeeded or Failed), graceful termination.
 */
final class Kubelet implements Controller {

    static final String COMPONENT = "kubelet";
    static final Duration BACKOFF_INITIAL = Duration.ofSeconds(10);
    static final Duration BACKOFF_MAX = Duration.ofSeconds(300);
    static final Duration SYNC_PERIOD = Duration.ofSeconds(1);

    private final ClusterAccess access;
    private final EventRecorder events;
    private final PodBehaviors behaviors;
    private final ControllerSettings settings;
    private final List<String> nodes;
    private final Map<String, PodRun> runs = new HashMap<>();
    private final Map<String, Integer> nextHostOctet = new HashMap<>();

    Kubelet(ClusterAccess access, EventRecorder events, PodBehaviors behaviors, ControllerSettings settings) {
        this.access = access;
        this.events = events;
        this.behaviors = behaviors;
        this.settings = settings;
        this.nodes = settings.nodeNames();
    }

    private static final class PodRun {
        final String namespace;
        final String name;
        final String uid;
        final String node;
        final String hostIp;
        final String podIp;
        String startTime;
        final List<ContainerRun> containers = new ArrayList<>();

        PodRun(Pod pod, String node, String hostIp, String podIp) {
            this.namespace = Meta.namespace(pod);
            this.name = Meta.name(pod);
            this.uid = Meta.uid(pod);
            this.node = node;
            this.hostIp = hostIp;
            this.podIp = podIp;
        }
    }

    private static final class ContainerRun {
        final String name;
        final String image;
        int epoch;
        boolean hasRun;
        int restartCount;
        int pullFailures;
        int crashes;
        boolean ready;
        ContainerStateWaiting waiting = new ContainerStateWaiting(null, "ContainerCreating");
        ContainerStateRunning running;
        ContainerStateTerminated terminated;
        ContainerStateTerminated lastTerminated;

        ContainerRun(String name, String image) {
            this.name = name;
            this.image = image;
        }

        void waiting(String reason, String message) {
            waiting = new ContainerStateWaiting(message, reason);
            running = null;
            terminated = null;
            ready = false;
        }
    }

    @Override
    public void onChange(String type, HasMetadata oldObject, HasMetadata newObject) {
        if (newObject == null) {
            if (oldObject instanceof Pod) {
                runs.remove(Meta.uid(oldObject));
            }
            return;
        }
        if (!(newObject instanceof Pod)) {
            return;
        }
        Pod pod = (Pod) newObject;
        String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        int index = node == null ? -1 : nodes.indexOf(node);
        if (index < 0 || Meta.isDeleting(pod) || runs.containsKey(Meta.uid(pod))) {
            return;
        }
        int octet = nextHostOctet.merge(node, 1, Integer::sum) % 253 + 1;
        String podIp = "10.244." + (index + 1) + "." + octet;
        PodRun run = new PodRun(pod, node, ControllerSettings.nodeIp(index), podIp);
        runs.put(run.uid, run);
        access.schedule(Duration.ZERO, () -> admit(run));
    }

    private Pod load(PodRun run) {
        if (runs.get(run.uid) != run) {
            return null;
        }
        Optional<Pod> pod = access.get(Pod.class, run.namespace, run.name);
        if (pod.isEmpty() || !run.uid.equals(Meta.uid(pod.get())) || Meta.isDeleting(pod.get())) {
            runs.remove(run.uid);
            return null;
        }
        return pod.get();
    }

    private void admit(PodRun run) {
        Pod pod = load(run);
        if (pod == null) {
            return;
        }
        run.startTime = Meta.timestamp(access.now());
        for (Container c : PodBehaviors.containers(pod)) {
            run.containers.add(new ContainerRun(c.getName(), c.getImage()));
        }
        writeStatus(run, pod);
        for (ContainerRun c : run.containers) {
            int epoch = c.epoch;
            access.schedule(settings.podStartDelay(), () -> startContainer(run, c, epoch));
        }
    }

    private void startContainer(PodRun run, ContainerRun c, int epoch) {
        Pod pod = load(run);
        if (pod == null || c.epoch != epoch) {
            return;
        }
        c.epoch++;
        Container spec = spec(pod, c.name);
        PodBehaviors.Rule rule = spec == null ? null : behaviors.containerRule(pod, spec);
        PodBehaviors.Kind kind = rule == null ? PodBehaviors.Kind.NORMAL : rule.kind;
        String fieldPath = "spec.containers{" + c.name + "}";
        if (kind == PodBehaviors.Kind.FAIL_IMAGE_PULL) {
            pullFailed(run, c, pod, fieldPath);
            return;
        }
        if (c.pullFailures > 0) {
            event(run, pod, fieldPath, EventRecorder.NORMAL, "Pulling", "Pulling image " + quote(c.image));
            event(run, pod, fieldPath, EventRecorder.NORMAL, "Pulled", "Successfully pulled image " + quote(c.image)
                + " in 0s (0s including waiting). Image size: 0 bytes.");
            c.pullFailures = 0;
        } else {
            event(run, pod, fieldPath, EventRecorder.NORMAL, "Pulled",
                "Container image " + quote(c.image) + " already present on machine");
        }
        if (c.hasRun) {
            c.restartCount++;
        }
        c.hasRun = true;
        event(run, pod, fieldPath, EventRecorder.NORMAL, "Created", "Created container " + c.name);
        event(run, pod, fieldPath, EventRecorder.NORMAL, "Started", "Started container " + c.name);
        String now = Meta.timestamp(access.now());
        switch (kind) {
            case CRASH_LOOP:
            case OOM_KILLED: {
                boolean oom = kind == PodBehaviors.Kind.OOM_KILLED;
                if (c.terminated != null) {
                    c.lastTerminated = c.terminated;
                }
                c.waiting = null;
                c.running = null;
                c.ready = false;
                ContainerStateTerminated t = new ContainerStateTerminated();
                t.setContainerID(containerId(run, c));
                t.setExitCode(oom ? 137 : 1);
                t.setReason(oom ? "OOMKilled" : "Error");
                t.setStartedAt(now);
                t.setFinishedAt(now);
                c.terminated = t;
                c.crashes++;
                writeStatus(run, pod);
                int crashEpoch = c.epoch;
                access.schedule(SYNC_PERIOD, () -> crashBackOff(run, c, crashEpoch));
                return;
            }
            case READY_AFTER:
                running(c, now, false);
                scheduleReady(run, c, rule.delay);
                break;
            case NEVER_READY:
                running(c, now, false);
                event(run, pod, fieldPath, EventRecorder.WARNING, "Unhealthy",
                    "Readiness probe failed: HTTP probe failed with statuscode: 503");
                break;
            default: {
                int initialDelay = spec != null && spec.getReadinessProbe() != null
                    ? Meta.orZero(spec.getReadinessProbe().getInitialDelaySeconds()) : 0;
                running(c, now, initialDelay == 0);
                if (initialDelay > 0) {
                    scheduleReady(run, c, Duration.ofSeconds(initialDelay));
                }
            }
        }
        writeStatus(run, pod);
    }

    private void running(ContainerRun c, String now, boolean ready) {
        if (c.terminated != null) {
            c.lastTerminated = c.terminated;
        }
        c.waiting = null;
        c.terminated = null;
        c.running = new ContainerStateRunning(now);
        c.ready = ready;
    }

    private void scheduleReady(PodRun run, ContainerRun c, Duration delay) {
        int epoch = c.epoch;
        access.schedule(delay, () -> {
            Pod pod = load(run);
            if (pod != null && c.epoch == epoch) {
                c.ready = true;
                writeStatus(run, pod);
            }
        });
    }

    private void pullFailed(PodRun run, ContainerRun c, Pod pod, String fieldPath) {
        String ref = reference(c.image);
        String error = "rpc error: code = NotFound desc = failed to pull and unpack image " + quote(ref)
            + ": failed to resolve reference " + quote(ref) + ": " + ref + ": not found";
        event(run, pod, fieldPath, EventRecorder.NORMAL, "Pulling", "Pulling image " + quote(c.image));
        event(run, pod, fieldPath, EventRecorder.WARNING, "Failed", "Failed to pull image " + quote(c.image) + ": " + error);
        event(run, pod, fieldPath, EventRecorder.WARNING, "Failed", "Error: ErrImagePull");
        c.waiting("ErrImagePull", error);
        Duration backoff = backoff(c.pullFailures);
        c.pullFailures++;
        writeStatus(run, pod);
        int epoch = c.epoch;
        access.schedule(SYNC_PERIOD, () -> {
            Pod p = load(run);
            if (p == null || c.epoch != epoch) {
                return;
            }
            c.waiting("ImagePullBackOff", "Back-off pulling image " + quote(c.image));
            event(run, p, fieldPath, EventRecorder.NORMAL, "BackOff", "Back-off pulling image " + quote(c.image));
            event(run, p, fieldPath, EventRecorder.WARNING, "Failed", "Error: ImagePullBackOff");
            writeStatus(run, p);
        });
        access.schedule(backoff, () -> startContainer(run, c, epoch));
    }

    private void crashBackOff(PodRun run, ContainerRun c, int epoch) {
        Pod pod = load(run);
        if (pod == null || c.epoch != epoch) {
            return;
        }
        Duration backoff = backoff(c.crashes - 1);
        String podRef = run.name + "_" + run.namespace + "(" + run.uid + ")";
        c.lastTerminated = c.terminated;
        c.waiting("CrashLoopBackOff", "back-off " + goDuration(backoff) + " restarting failed container=" + c.name
            + " pod=" + podRef);
        event(run, pod, "spec.containers{" + c.name + "}", EventRecorder.WARNING, "BackOff",
            "Back-off restarting failed container " + c.name + " in pod " + podRef);
        writeStatus(run, pod);
        access.schedule(backoff.minus(SYNC_PERIOD), () -> startContainer(run, c, epoch));
    }

    /** The kubelet's back-off: 10 s doubling per failure, at most 300 s. */
    static Duration backoff(int previousFailures) {
        Duration d = BACKOFF_INITIAL.multipliedBy(1L << Math.min(previousFailures, 10));
        return d.compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : d;
    }

    /** Go's {@code time.Duration.String} for whole seconds: 10s, 1m20s, 5m0s. */
    static String goDuration(Duration d) {
        long s = d.getSeconds();
        return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60) + "s";
    }

    // ---------------------------------------------------------------- status

    private void writeStatus(PodRun run, Pod pod) {
        PodStatus status = new PodStatus();
        boolean pending = false;
        List<String> unready = new ArrayList<>();
        List<ContainerStatus> statuses = new ArrayList<>();
        for (ContainerRun c : run.containers) {
            if (c.waiting != null && !c.hasRun) {
                pending = true;
            }
            if (!c.ready) {
                unready.add(c.name);
            }
            statuses.add(containerStatus(run, c));
        }
        status.setPhase(pending ? "Pending" : "Running");
        status.setHostIP(run.hostIp);
        status.setHostIPs(List.of(new HostIP(run.hostIp)));
        status.setPodIP(run.podIp);
        status.setPodIPs(List.of(new PodIP(run.podIp)));
        status.setStartTime(run.startTime);
        status.setQosClass(qosClass(pod));
        status.setContainerStatuses(statuses);
        String readyStatus = unready.isEmpty() ? "True" : "False";
        String reason = unready.isEmpty() ? null : "ContainersNotReady";
        String message = unready.isEmpty() ? null : "containers with unready status: [" + String.join(" ", unready) + "]";
        List<PodCondition> conditions = new ArrayList<>();
        conditions.add(condition(pod, "PodReadyToStartContainers", "True", null, null));
        conditions.add(condition(pod, "Initialized", "True", null, null));
        conditions.add(condition(pod, "Ready", readyStatus, reason, message));
        conditions.add(condition(pod, "ContainersReady", readyStatus, reason, message));
        conditions.add(condition(pod, "PodScheduled", "True", null, null));
        status.setConditions(conditions);
        if (Objects.equals(status, pod.getStatus())) {
            return;
        }
        pod.setStatus(status);
        access.updateStatus(pod);
    }

    private PodCondition condition(Pod pod, String type, String status, String reason, String message) {
        PodCondition current = Meta.podCondition(pod, type);
        String transition = current != null && status.equals(current.getStatus()) && current.getLastTransitionTime() != null
            ? current.getLastTransitionTime() : Meta.timestamp(access.now());
        return new PodCondition(null, transition, message, null, reason, status, type);
    }

    private ContainerStatus containerStatus(PodRun run, ContainerRun c) {
        ContainerStatus s = new ContainerStatus();
        s.setName(c.name);
        s.setImage(c.image);
        s.setImageID(c.hasRun ? reference(c.image).replaceAll(":[^:/]+$", "") + "@sha256:" + sha256(c.image) : "");
        if (c.hasRun) {
            s.setContainerID(containerId(run, c));
        }
        s.setReady(c.ready);
        s.setRestartCount(c.restartCount);
        s.setStarted(c.running != null);
        s.setState(new ContainerState(c.running, c.terminated, c.waiting));
        s.setLastState(c.lastTerminated == null ? new ContainerState() : new ContainerState(null, c.lastTerminated, null));
        return s;
    }

    private String containerId(PodRun run, ContainerRun c) {
        return "containerd://" + sha256(run.uid + "/" + c.name + "/" + c.restartCount);
    }

    /** {@code v1qos.GetPodQOS}, simplified to cpu and memory. */
    static String qosClass(Pod pod) {
        boolean any = false;
        boolean guaranteed = true;
        for (Container c : PodBehaviors.containers(pod)) {
            ResourceRequirements r = c.getResources();
            Map<String, Quantity> requests = r == null || r.getRequests() == null ? Map.of() : r.getRequests();
            Map<String, Quantity> limits = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
            if (!requests.isEmpty() || !limits.isEmpty()) {
                any = true;
            }
            for (String resource : List.of("cpu", "memory")) {
                Quantity limit = limits.get(resource);
                Quantity request = requests.getOrDefault(resource, limit);
                if (limit == null || request == null || limit.getNumericalAmount().compareTo(request.getNumericalAmount()) != 0) {
                    guaranteed = false;
                }
            }
        }
        return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }

    // ---------------------------------------------------------------- helpers

    private void event(PodRun run, Pod pod, String fieldPath, String type, String reason, String message) {
        events.event(pod, fieldPath, type, reason, message, COMPONENT, run.node);
    }

    private static Container spec(Pod pod, String name) {
        for (Container c : PodBehaviors.containers(pod)) {
            if (name.equals(c.getName())) {
                return c;
            }
        }
        return null;
    }

    /** The fully qualified image reference containerd resolves: {@code nginx} is {@code docker.io/library/nginx:latest}. */
    static String reference(String image) {
        String ref = image;
        int slash = ref.indexOf('/');
        String first = slash < 0 ? "" : ref.substring(0, slash);
        if (slash < 0) {
            ref = "docker.io/library/" + ref;
        } else if (!first.contains(".") && !first.contains(":") && !"localhost".equals(first)) {
            ref = "docker.io/" + ref;
        }
        String last = ref.substring(ref.lastIndexOf('/') + 1);
        if (!last.contains(":") && !ref.contains("@")) {
            ref = ref + ":latest";
        }
        return ref;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String quote(String s) {
        return DeploymentController.quote(s);
    }
}
