package dev.kubefluent.core.rollout;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.internal.ApiErrors;
import dev.kubefluent.core.internal.Retrier;
import dev.kubefluent.core.internal.StatusViewers;
import dev.kubefluent.core.internal.WorkloadStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Waits for workloads to complete their rollout: one watch per workload (started from the resourceVersion of a
 * fresh read, so no update is missed, and re-established from a fresh read whenever it closes) and one pod watch per
 * workload for fail-fast. kubectl's status viewers decide done-ness. No fixed-interval polling of the API: the loop
 * wakes on watch events, and on its own clock for the deadline and fail-fast grace periods.
 *
 * <p>The watches stay open when {@link #await} returns normally, until {@link #close()}: the caller closes them once
 * it has done what must follow the wait at once (a successful rollout's record patch), so that closing them does not
 * compete for the CPU with the patch, and always before it hands back the result. Events that arrive meanwhile are
 * never read. When {@link #await} throws, it has closed them already.
 */
final class Waiter implements AutoCloseable {

    /** How a wait ended. */
    enum End { DONE, FAILED, TIMED_OUT }

    /**
     * The outcome of a wait.
     *
     * @param warnings what could not be verified (an OnDelete StatefulSet or DaemonSet), one line each
     */
    record Outcome(End end, String message, List<PodProblem> problems, List<String> warnings) {
        Outcome(End end, String message, List<PodProblem> problems) {
            this(end, message, problems, List.of());
        }
    }

    private sealed interface Signal permits ObjectEvent, PodEvent, Closed {
    }

    private record ObjectEvent(Tracked workload, Watcher.Action action, HasMetadata object) implements Signal {
    }

    private record PodEvent(Tracked workload, Watcher.Action action, Pod pod) implements Signal {
    }

    private record Closed(Tracked workload, boolean podWatch, WatcherException cause) implements Signal {
    }

    private static final Duration MAX_IDLE_WAKE = Duration.ofSeconds(1);

    private final KubernetesClient client;
    private final Retrier retrier;
    private final Clock clock;
    private final RolloutOptions options;
    private final Redactor redactor;
    private final BackoffPolicy backoff;
    private final BlockingQueue<Signal> queue = new LinkedBlockingQueue<>();
    private final Map<String, Tracked> podOwners = new HashMap<>();
    private final List<Tracked> workloads = new ArrayList<>();

    private final class Tracked {
        final ResourceRef ref;
        final Class<? extends HasMetadata> type;
        HasMetadata latest;
        WorkloadStatus status;
        Watch watch;
        Watch podWatch;
        boolean done;
        String warning;
        int watchFailures;
        Instant reopenAt;
        final Map<String, Boolean> newReplicaSets = new HashMap<>();

        Tracked(ResourceRef ref, Class<? extends HasMetadata> type) {
            this.ref = ref;
            this.type = type;
        }
    }

    private Duration budget;

    Waiter(KubernetesClient client, Retrier retrier, Clock clock, RolloutOptions options, Redactor redactor,
           BackoffPolicy backoff) {
        this.backoff = backoff;
        this.client = client;
        this.retrier = retrier;
        this.clock = clock;
        this.options = options;
        this.redactor = redactor;
        this.budget = options.timeout();
    }

    /**
     * Names the time budget the caller's deadline stands for (the rollback's own budget rather than the rollout's),
     * so that a timeout message states the budget that actually ran out.
     *
     * @param budget the budget
     * @return this waiter
     */
    Waiter budget(Duration budget) {
        this.budget = budget;
        return this;
    }

    /**
     * Tells whether the engine waits for objects of this kind.
     *
     * @param object the object
     * @return {@code true} for Deployments, StatefulSets, DaemonSets, Pods and Jobs
     */
    static boolean isWorkload(HasMetadata object) {
        return typeOf(object) != null;
    }

    private static Class<? extends HasMetadata> typeOf(HasMetadata object) {
        String kind = object.getKind();
        String api = Objects.requireNonNullElse(object.getApiVersion(), "");
        if ("Deployment".equals(kind) && api.equals("apps/v1")) {
            return Deployment.class;
        }
        if ("StatefulSet".equals(kind) && api.equals("apps/v1")) {
            return StatefulSet.class;
        }
        if ("DaemonSet".equals(kind) && api.equals("apps/v1")) {
            return DaemonSet.class;
        }
        if ("Pod".equals(kind) && api.equals("v1")) {
            return Pod.class;
        }
        if ("Job".equals(kind) && api.equals("batch/v1")) {
            return Job.class;
        }
        return null;
    }

    /**
     * Waits for every workload among the objects to complete.
     *
     * @param objects  the applied objects (non-workloads are skipped)
     * @param deadline when to give up
     * @return how the wait ended
     */
    Outcome await(List<HasMetadata> objects, Instant deadline) {
        if (!workloads.isEmpty()) {
            throw new IllegalStateException("a Waiter waits once");
        }
        FailFastTracker tracker = new FailFastTracker(clock, options.failFastGrace(), options.crashLoopRestarts());
        for (HasMetadata o : objects) {
            Class<? extends HasMetadata> type = typeOf(o);
            if (type != null) {
                workloads.add(new Tracked(ResourceRef.of(o), type));
            }
        }
        try {
            for (Tracked w : workloads) {
                Outcome failed = refresh(w, deadline);
                if (failed != null) {
                    return failed;
                }
                if (!w.done && options.failFast()) {
                    watchPods(w);
                }
            }
            while (true) {
                if (workloads.stream().allMatch(w -> w.done)) {
                    List<String> lines = workloads.stream().map(w -> w.warning == null ? w.status.message()
                            : "warning: " + w.warning).toList();
                    List<String> warnings = workloads.stream().map(w -> w.warning).filter(Objects::nonNull).toList();
                    return new Outcome(End.DONE, String.join("\n", lines), List.of(), warnings);
                }
                Instant now = clock.instant();
                if (!now.isBefore(deadline)) {
                    return timedOut(workloads, deadline);
                }
                Optional<PodProblem> expired = tracker.expired();
                if (expired.isPresent()) {
                    Tracked owner = podOwners.getOrDefault(expired.get().pod(), workloads.get(0));
                    return failure(owner, expired.get().summary() + " for at least "
                            + format(options.failFastGrace()) + " (fail-fast)", workloads);
                }
                for (Tracked w : workloads) {
                    if (!w.done && w.reopenAt != null && !now.isBefore(w.reopenAt)) {
                        w.reopenAt = null;
                        Outcome failed = refresh(w, deadline);
                        if (failed != null) {
                            return failed;
                        }
                    }
                }
                if (workloads.stream().allMatch(w -> w.done)) {
                    continue;
                }
                Instant wake = deadline;
                for (Tracked w : workloads) {
                    if (w.reopenAt != null && w.reopenAt.isBefore(wake)) {
                        wake = w.reopenAt;
                    }
                }
                Optional<Instant> next = tracker.nextExpiry();
                if (next.isPresent() && next.get().isBefore(wake)) {
                    wake = next.get();
                }
                if (now.plus(MAX_IDLE_WAKE).isBefore(wake)) {
                    wake = now.plus(MAX_IDLE_WAKE);
                }
                Signal signal;
                try {
                    signal = queue.poll(Math.max(1, Duration.between(now, wake).toMillis()), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Outcome(End.FAILED, "interrupted while waiting for the rollout", List.of());
                }
                if (signal == null) {
                    continue;
                }
                Outcome failed = handle(signal, tracker, deadline, workloads);
                if (failed != null) {
                    return failed;
                }
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Closes the wait's watches, before returning. Idempotent. */
    @Override
    public void close() {
        for (Tracked w : workloads) {
            closeNow(w);
        }
    }

    private Outcome handle(Signal signal, FailFastTracker tracker, Instant deadline, List<Tracked> workloads) {
        if (signal instanceof ObjectEvent e) {
            Tracked w = e.workload();
            if (w.done) {
                return null;
            }
            if (e.action() == Watcher.Action.DELETED) {
                return new Outcome(End.FAILED, w.ref + ": object has been deleted", List.of());
            }
            if (e.action() == Watcher.Action.ADDED || e.action() == Watcher.Action.MODIFIED) {
                return evaluate(w, e.object(), workloads);
            }
            return null;
        }
        if (signal instanceof PodEvent e) {
            Tracked w = e.workload();
            String pod = e.pod().getMetadata() == null ? "" : e.pod().getMetadata().getName();
            if (w.done) {
                return null;
            }
            if (e.action() == Watcher.Action.DELETED) {
                tracker.forget(pod);
                return null;
            }
            List<PodProblem> problems = PodDiagnosis.problems(e.pod());
            if (problems.stream().noneMatch(p -> PodDiagnosis.isUnrecoverable(p, options.crashLoopRestarts()))) {
                tracker.observe(pod, List.of());
                return null;
            }
            if (!isNewPod(w, e.pod(), deadline)) {
                return null;
            }
            podOwners.put(pod, w);
            for (PodProblem fresh : tracker.observe(pod, problems)) {
                options.listener().podProblem(w.ref, redactor.apply(fresh));
            }
            return null;
        }
        Closed c = (Closed) signal;
        Tracked w = c.workload();
        if (w.done) {
            return null;
        }
        if (c.podWatch()) {
            watchPods(w);
            return null;
        }
        return refresh(w, deadline);
    }

    /** Reads the workload afresh, evaluates it and (re)starts its watch from the version read. */
    private Outcome refresh(Tracked w, Instant deadline) {
        if (w.watch != null) {
            w.watch.close();
            w.watch = null;
        }
        HasMetadata current;
        try {
            current = retrier.call("get " + w.ref, deadline, () -> client.resources(w.type)
                    .inNamespace(w.ref.namespace()).withName(w.ref.name()).get());
        } catch (RuntimeException e) {
            return new Outcome(End.FAILED, w.ref + ": " + ApiErrors.message(e), List.of());
        }
        if (current == null) {
            return new Outcome(End.FAILED, w.ref + ": object has been deleted", List.of());
        }
        Outcome failed = evaluate(w, current, List.of(w));
        if (failed != null || w.done) {
            return failed;
        }
        String rv = current.getMetadata().getResourceVersion();
        Watcher<HasMetadata> watcher = new Watcher<>() {
            @Override
            public void eventReceived(Action action, HasMetadata resource) {
                queue.add(new ObjectEvent(w, action, resource));
            }

            @Override
            public void onClose(WatcherException cause) {
                queue.add(new Closed(w, false, cause));
            }

            @Override
            public void onClose() {
                // closed by us
            }
        };
        try {
            @SuppressWarnings("unchecked")
            var ops = (io.fabric8.kubernetes.client.dsl.MixedOperation<HasMetadata, ?, ?>) (Object) client.resources(w.type);
            w.watch = ops.inNamespace(w.ref.namespace()).withName(w.ref.name())
                    .watch(new ListOptionsBuilder().withResourceVersion(rv).build(), watcher);
        } catch (RuntimeException e) {
            // the watch could not be opened: read afresh and try again after a backoff
            w.watchFailures++;
            w.reopenAt = clock.instant().plus(backoff.delayBefore(w.watchFailures));
            return null;
        }
        w.watchFailures = 0;
        return null;
    }

    private Outcome evaluate(Tracked w, HasMetadata object, List<Tracked> all) {
        w.latest = object;
        WorkloadStatus status = StatusViewers.status(object);
        if (status.failed() && !status.done()) {
            w.status = status;
            return failure(w, status.message(), all);
        }
        if (status.failed()) {
            status = unverifiable(w, object, status);
        }
        boolean changed = w.status == null || !w.status.message().equals(status.message());
        w.status = status;
        if (changed) {
            options.listener().progress(w.ref, status.message());
        }
        if (status.done()) {
            w.done = true;
        }
        return null;
    }

    /**
     * kubectl's viewers end with an error, and no verdict, for a StatefulSet or DaemonSet whose update strategy is
     * not RollingUpdate ({@code OnDelete}): its controller replaces pods only when they are deleted, so there is no
     * rollout to wait for. The engine waits until the controller has observed the applied generation, then stops
     * waiting for that workload and records kubectl's error as a warning of the result, which still succeeds.
     */
    private WorkloadStatus unverifiable(Tracked w, HasMetadata object, WorkloadStatus kubectl) {
        if (!StatusViewers.specObserved(object)) {
            return new WorkloadStatus(StatusViewers.specUpdateLine(object), false, false);
        }
        w.warning = w.ref + ": " + kubectl.message() + "; its update strategy is " + StatusViewers.updateStrategy(object)
                + ", so its pods are replaced only when they are deleted: the engine did not wait for them";
        return new WorkloadStatus(kubectl.message(), true, false);
    }

    private void watchPods(Tracked w) {
        if (w.podWatch != null) {
            w.podWatch.close();
            w.podWatch = null;
        }
        Map<String, String> labels = podLabels(w);
        if (labels == null) {
            return;
        }
        Watcher<Pod> watcher = new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                queue.add(new PodEvent(w, action, pod));
            }

            @Override
            public void onClose(WatcherException cause) {
                queue.add(new Closed(w, true, cause));
            }

            @Override
            public void onClose() {
                // closed by us
            }
        };
        try {
            var pods = client.pods().inNamespace(w.ref.namespace());
            w.podWatch = w.type == Pod.class ? pods.withName(w.ref.name()).watch(watcher)
                    : pods.withLabels(labels).watch(watcher);
        } catch (RuntimeException e) {
            // without a pod watch, fail-fast is off for this workload; the progress deadline and timeout still apply
            w.podWatch = null;
        }
    }

    /** The labels that select the workload's pods, or {@code null} when there is no usable selector. */
    private static Map<String, String> podLabels(Tracked w) {
        HasMetadata o = w.latest;
        LabelSelector selector = null;
        if (o instanceof Deployment d && d.getSpec() != null) {
            selector = d.getSpec().getSelector();
        } else if (o instanceof StatefulSet s && s.getSpec() != null) {
            selector = s.getSpec().getSelector();
        } else if (o instanceof DaemonSet ds && ds.getSpec() != null) {
            selector = ds.getSpec().getSelector();
        } else if (o instanceof Job j) {
            selector = j.getSpec() == null ? null : j.getSpec().getSelector();
            if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
                return Map.of("job-name", w.ref.name());
            }
        } else if (o instanceof Pod) {
            return Map.of();
        }
        if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
            return null;
        }
        return selector.getMatchLabels();
    }

    /**
     * Tells whether a pod belongs to the revision being rolled out: for a Deployment, a pod of a ReplicaSet it
     * controls whose template is the Deployment's; for a StatefulSet, a pod at its update revision.
     */
    private boolean isNewPod(Tracked w, Pod pod, Instant deadline) {
        if (w.latest instanceof Deployment d) {
            OwnerReference owner = controllerOf(pod);
            if (owner == null || !"ReplicaSet".equals(owner.getKind())) {
                return false;
            }
            // the controller's own rule (FindNewReplicaSet): the new ReplicaSet is the one whose template equals the
            // Deployment's, hash label ignored; this needs no revision annotation and holds during a rollback
            String key = owner.getName() + "@" + d.getMetadata().getGeneration();
            Boolean isNew = w.newReplicaSets.get(key);
            if (isNew == null) {
                ReplicaSet rs;
                try {
                    rs = retrier.call("get ReplicaSet \"" + owner.getName() + "\"", deadline, () -> client.apps().replicaSets()
                            .inNamespace(w.ref.namespace()).withName(owner.getName()).get());
                } catch (RuntimeException e) {
                    return false;
                }
                OwnerReference rsOwner = rs == null ? null : controllerOf(rs);
                isNew = rsOwner != null && Objects.equals(rsOwner.getUid(), d.getMetadata().getUid())
                        && DeploymentHistory.equalIgnoreHash(DeploymentHistory.template(rs),
                        d.getSpec() == null ? null : d.getSpec().getTemplate());
                w.newReplicaSets.put(key, isNew);
            }
            return isNew;
        }
        if (w.latest instanceof StatefulSet s) {
            String update = s.getStatus() == null ? null : s.getStatus().getUpdateRevision();
            String podRevision = pod.getMetadata().getLabels() == null ? null
                    : pod.getMetadata().getLabels().get("controller-revision-hash");
            return update == null || update.equals(podRevision);
        }
        return true;
    }

    private static OwnerReference controllerOf(HasMetadata o) {
        if (o.getMetadata() == null || o.getMetadata().getOwnerReferences() == null) {
            return null;
        }
        return o.getMetadata().getOwnerReferences().stream()
                .filter(r -> Boolean.TRUE.equals(r.getController())).findFirst().orElse(null);
    }

    private Outcome timedOut(List<Tracked> workloads, Instant deadline) {
        List<String> waiting = new ArrayList<>();
        for (Tracked w : workloads) {
            if (!w.done) {
                waiting.add(w.ref + ": " + (w.status == null ? "not read yet" : w.status.message()));
            }
        }
        List<PodProblem> problems = diagnose(workloads);
        StringBuilder m = new StringBuilder("rollout did not complete within ").append(format(budget))
                .append(": ").append(String.join("; ", waiting));
        problems.forEach(p -> m.append("\n").append(p));
        return new Outcome(End.TIMED_OUT, m.toString(), problems);
    }

    private Outcome failure(Tracked w, String reason, List<Tracked> workloads) {
        List<PodProblem> problems = diagnose(workloads);
        StringBuilder m = new StringBuilder(w.ref.toString()).append(": ").append(reason);
        problems.forEach(p -> m.append("\n").append(p));
        return new Outcome(End.FAILED, m.toString(), problems);
    }

    /** Lists the problems of the new pods of every unfinished workload, with log tails and recent Events. */
    List<PodProblem> diagnose(List<Tracked> workloads) {
        Instant deadline = clock.instant().plusSeconds(10);
        List<PodProblem> out = new ArrayList<>();
        Map<String, List<Event>> eventsByNamespace = new LinkedHashMap<>();
        for (Tracked w : workloads) {
            if (w.done || w.latest == null) {
                continue;
            }
            Map<String, String> labels = podLabels(w);
            if (labels == null) {
                continue;
            }
            List<Pod> pods;
            try {
                pods = retrier.call("list pods of " + w.ref, deadline, () -> w.type == Pod.class
                        ? java.util.Optional.ofNullable(client.pods().inNamespace(w.ref.namespace()).withName(w.ref.name()).get())
                                .map(List::of).orElse(List.of())
                        : client.pods().inNamespace(w.ref.namespace()).withLabels(labels).list().getItems());
            } catch (RuntimeException e) {
                continue;
            }
            for (Pod pod : pods) {
                List<PodProblem> problems = PodDiagnosis.problems(pod);
                if (problems.isEmpty() || !isNewPod(w, pod, deadline)) {
                    continue;
                }
                List<Event> events = eventsByNamespace.computeIfAbsent(w.ref.namespace(), ns -> {
                    try {
                        return retrier.call("list events", deadline,
                                () -> client.v1().events().inNamespace(ns).list().getItems());
                    } catch (RuntimeException e) {
                        return List.of();
                    }
                });
                List<String> eventLines = PodDiagnosis.eventLines(events, "Pod", pod.getMetadata().getName(), 5);
                for (PodProblem p : problems) {
                    out.add(redactor.apply(p.withDetails(logTail(w, pod, p), eventLines)));
                }
                if (out.size() >= 5) {
                    return out;
                }
            }
        }
        return out;
    }

    private List<String> logTail(Tracked w, Pod pod, PodProblem p) {
        if (options.logLines() == 0 || p.container() == null) {
            return List.of();
        }
        try {
            var container = client.pods().inNamespace(w.ref.namespace()).withName(pod.getMetadata().getName())
                    .inContainer(p.container());
            boolean previous = p.restarts() > 0 && !"NotReady".equals(p.reason());
            String log = previous ? container.terminated().tailingLines(options.logLines()).getLog()
                    : container.tailingLines(options.logLines()).getLog();
            if (log == null || log.isBlank()) {
                return List.of();
            }
            List<String> lines = log.lines().toList();
            return lines.subList(Math.max(0, lines.size() - options.logLines()), lines.size());
        } catch (RuntimeException e) {
            return List.of(); // the cluster does not serve logs (or not for this container yet)
        }
    }

    /**
     * Closes a workload's watches before the caller gets its result: a watch left open after {@code rollout()}
     * returns would outlive a client the caller closes right away (as every short program does), and its late close
     * would land on a shut-down event loop.
     */
    private static void closeNow(Tracked w) {
        if (w.watch != null) {
            closeQuietly(w.watch);
            w.watch = null;
        }
        if (w.podWatch != null) {
            closeQuietly(w.podWatch);
            w.podWatch = null;
        }
    }

    private static void closeQuietly(Watch watch) {
        try {
            watch.close();
        } catch (RuntimeException e) {
            // the client is closed already, or the stream ended on its own: nothing left to close
        }
    }

    static String format(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.getSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
