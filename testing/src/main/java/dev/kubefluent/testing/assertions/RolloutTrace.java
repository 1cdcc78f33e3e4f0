package dev.kubefluent.testing.assertions;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.testing.sim.SimulatedCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A record of a Deployment's pods during a rollout: after every pod event the watch delivered, how many pods were not
 * terminating and how many were available. {@link KubeAssertions#assertThat(RolloutTrace)} then checks the
 * rolling-update bounds.
 *
 * <pre>{@code
 * try (RolloutTrace trace = RolloutTrace.record(cluster, "shop", "web")) {
 *     engine.rollout(set);
 * }
 * assertThat(trace).neverExceededMaxSurge().neverFellBelowMinAvailable();
 * }</pre>
 *
 * <p>The pods are those in the Deployment's namespace matching its {@code spec.selector.matchLabels} at the start of
 * recording. A pod counts as not terminating while it has no {@code deletionTimestamp} and is neither
 * {@code Succeeded} nor {@code Failed}; it counts as available when it is also {@code Ready} (a Deployment with
 * {@code minReadySeconds} counts a pod later than this trace does).
 *
 * @since 0.1.0
 */
public final class RolloutTrace implements AutoCloseable {

    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final Map<String, String> selector;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Pod> pods = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private final Watch watch;
    private boolean closed;

    /**
     * One moment of the rollout: the state after a pod event.
     *
     * @param index     the sample's position, 0 for the state when recording started
     * @param event     what happened, e.g. {@code ADDED Pod "web-7d9c-x2x"}, or {@code start}
     * @param pods      the pods not terminating
     * @param available the pods not terminating and ready
     * @since 0.1.0
     */
    public record Sample(int index, String event, int pods, int available) {

        /** @return e.g. {@code #4 DELETED Pod "web-5f6-abc": 4 pods, 3 available} */
        @Override
        public String toString() {
            return "#" + index + " " + event + ": " + pods + " pods, " + available + " available";
        }
    }

    private RolloutTrace(KubernetesClient client, Deployment deployment) {
        this.client = client;
        this.namespace = deployment.getMetadata().getNamespace();
        this.name = deployment.getMetadata().getName();
        this.selector = deployment.getSpec().getSelector().getMatchLabels();
        var list = client.pods().inNamespace(namespace).withLabels(selector).list();
        list.getItems().forEach(p -> pods.put(p.getMetadata().getName(), p));
        sample("start");
        this.watch = client.pods().inNamespace(namespace).withLabels(selector)
                .withResourceVersion(list.getMetadata().getResourceVersion())
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, Pod pod) {
                        record(action, pod);
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        // the trace ends with what it saw; close() reports if it missed the latest state
                    }
                });
    }

    /**
     * Starts recording the pods of a Deployment of the simulated cluster. Start before the rollout, while the
     * Deployment is fully available.
     *
     * @param cluster   the running cluster; must not be {@code null}
     * @param namespace the Deployment's namespace; must not be {@code null}
     * @param name      the Deployment's name; must not be {@code null}
     * @return the recording trace; close it when the rollout ended
     * @throws IllegalArgumentException if an argument is {@code null}, or the Deployment does not exist or has no
     *                                  {@code matchLabels} selector
     */
    public static RolloutTrace record(SimulatedCluster cluster, String namespace, String name) {
        Checks.notNull(cluster, "cluster");
        return record(cluster.client(), namespace, name);
    }

    /**
     * Starts recording the pods of a Deployment through a fabric8 client. Start before the rollout, while the
     * Deployment is fully available.
     *
     * @param client    the cluster's client; must not be {@code null}
     * @param namespace the Deployment's namespace; must not be {@code null}
     * @param name      the Deployment's name; must not be {@code null}
     * @return the recording trace; close it when the rollout ended
     * @throws IllegalArgumentException if an argument is {@code null}, or the Deployment does not exist or has no
     *                                  {@code matchLabels} selector
     */
    public static RolloutTrace record(KubernetesClient client, String namespace, String name) {
        Checks.notNull(client, "client");
        Checks.notNull(namespace, "namespace");
        Checks.notNull(name, "name");
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        ResourceRef ref = ResourceRef.of("Deployment", namespace, name);
        if (deployment == null) {
            throw new IllegalArgumentException(ref + ": cannot record a rollout of a Deployment that does not exist"
                    + " (create it first) but was: " + ref.qualifiedName() + " not found");
        }
        if (deployment.getSpec().getSelector() == null || deployment.getSpec().getSelector().getMatchLabels() == null
                || deployment.getSpec().getSelector().getMatchLabels().isEmpty()) {
            throw new IllegalArgumentException(ref + ": spec.selector.matchLabels must not be empty to record its pods"
                    + " but was: " + deployment.getSpec().getSelector());
        }
        return new RolloutTrace(client, deployment);
    }

    private void record(Watcher.Action action, Pod pod) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (action == Watcher.Action.DELETED) {
                pods.remove(pod.getMetadata().getName());
            } else if (action == Watcher.Action.ADDED || action == Watcher.Action.MODIFIED) {
                pods.put(pod.getMetadata().getName(), pod);
            } else {
                return;
            }
            sample(action + " Pod \"" + pod.getMetadata().getName() + "\"");
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void sample(String event) {
        int active = 0;
        int available = 0;
        for (Pod p : pods.values()) {
            if (isActive(p)) {
                active++;
                if (isReady(p)) {
                    available++;
                }
            }
        }
        samples.add(new Sample(samples.size(), event, active, available));
    }

    private static boolean isActive(Pod p) {
        String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
        return p.getMetadata().getDeletionTimestamp() == null && !"Succeeded".equals(phase) && !"Failed".equals(phase);
    }

    private static boolean isReady(Pod p) {
        return p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** @return the recorded samples so far, oldest first, starting with the state when recording started */
    public List<Sample> samples() {
        lock.lock();
        try {
            return List.copyOf(samples);
        } finally {
            lock.unlock();
        }
    }

    /** @return the recorded Deployment's kind, namespace and name */
    public ResourceRef deployment() {
        return ResourceRef.of("Deployment", namespace, name);
    }

    /** @return the client the trace reads through, to resolve the Deployment's bounds */
    KubernetesClient client() {
        return client;
    }

    /**
     * Stops recording, after waiting (up to 10 seconds) until the trace has seen the pods as the cluster lists them
     * now. Idempotent.
     *
     * @throws IllegalStateException if the watch has not caught up with the cluster within 10 seconds
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            Map<String, String> current = versions(client.pods().inNamespace(namespace).withLabels(selector).list()
                    .getItems());
            long deadline = System.nanoTime() + CATCH_UP.toNanos();
            while (!versions(List.copyOf(pods.values())).equals(current)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    closed = true;
                    watch.close();
                    throw new IllegalStateException(deployment() + ": the pod watch did not catch up within "
                            + CATCH_UP.toSeconds() + "s: the trace saw " + versions(List.copyOf(pods.values()))
                            + " but the cluster lists " + current);
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
            closed = true;
            watch.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
            watch.close();
            throw new IllegalStateException(deployment() + ": interrupted while waiting for the pod watch to catch up", e);
        } finally {
            lock.unlock();
        }
    }

    private static Map<String, String> versions(List<Pod> pods) {
        Map<String, String> versions = new LinkedHashMap<>();
        pods.stream().sorted((a, b) -> a.getMetadata().getName().compareTo(b.getMetadata().getName()))
                .forEach(p -> versions.put(p.getMetadata().getName(), p.getMetadata().getResourceVersion()));
        return versions;
    }

    /** @return the Deployment and the number of samples */
    @Override
    public String toString() {
        return "RolloutTrace[" + deployment() + ", " + samples().size() + " samples]";
    }
}
