package dev.kubefluent.benchmarks;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.internal.StatusViewers;
import dev.kubefluent.core.rollout.RolloutEngine;
import dev.kubefluent.core.rollout.RolloutListener;
import dev.kubefluent.core.rollout.RolloutOptions;
import dev.kubefluent.core.rollout.RolloutResult;
import dev.kubefluent.core.rollout.RolloutStatus;
import dev.kubefluent.testing.sim.SimulatedCluster;
import dev.kubefluent.testing.sim.Verb;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Detection latency: the time from the write that makes a Deployment's status complete to the waiter returning,
 * for {@link RolloutEngine#rollout} against fabric8's {@code waitUntilCondition} (with kubectl's Deployment status
 * rule as its predicate), in the same run, on one simulated cluster without controllers.
 *
 * <p>The engine rolls out Deployment {@code web}, fabric8 waits on Deployment {@code api} (two objects, so that
 * neither side's field manager conflicts with the other's). Both sides see the same write: each invocation's setup
 * (not measured) changes the Deployment's template, starts the waiter on another thread and waits until the cluster has received the waiter's watch requests (for
 * the engine, also until the records it writes while its wait starts are in the cluster: the revision's record as
 * {@code pending} and the previous one marked {@code superseded}; on a real cluster a rollout takes seconds, so these
 * are long done when the workloads complete); the measured part is the benchmark thread's own status write
 * ({@code replicas = updated = available = 2}, {@code observedGeneration = generation}) and the wait for the waiter
 * to return. For the engine that includes what {@code rollout()} does after the wait (the label patch that marks the
 * revision's record {@code deployed}), since that is when {@code rollout()} returns. Old release records are deleted
 * in setup so that every rollout reads the same short history.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DetectionLatencyBenchmark -wi 5 -i 5 -f 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DetectionLatencyBenchmark {

    private static final String NS = "shop";

    /** The simulated cluster, its client and the thread the waiters run on. */
    @State(Scope.Benchmark)
    public static class Cluster {
        SimulatedCluster cluster;
        KubernetesClient client;
        ExecutorService waiters;
        int image;

        @Setup(Level.Trial)
        public void start() {
            cluster = SimulatedCluster.builder().namespaces(NS).withoutControllers().start();
            client = cluster.client();
            waiters = Executors.newSingleThreadExecutor();
        }

        @TearDown(Level.Trial)
        public void stop() {
            waiters.shutdownNow();
            client.close();
            cluster.close();
        }

        /** Waits, without sleeping a fixed time, until the cluster has received the given watch requests. */
        void awaitWatches(String... resources) {
            awaitTrue(() -> {
                for (String r : resources) {
                    if (cluster.requests(Verb.WATCH, r).isEmpty()) {
                        return false;
                    }
                }
                return true;
            });
        }

        /** The write both sides wait for: the live Deployment's status, complete at its current generation. */
        Deployment completeStatus(String name) {
            Deployment live = client.apps().deployments().inNamespace(NS).withName(name).get();
            live.setStatus(new DeploymentStatusBuilder().withObservedGeneration(live.getMetadata().getGeneration())
                    .withReplicas(2).withUpdatedReplicas(2).withReadyReplicas(2).withAvailableReplicas(2).build());
            return live;
        }

        void write(Deployment withStatus) {
            client.apps().deployments().inNamespace(NS).resource(withStatus).updateStatus();
        }
    }

    /** The engine's side: a {@code rollout()} of a new image, waiting on the pending status write. */
    @State(Scope.Thread)
    public static class EngineWait {
        RolloutEngine engine;
        RolloutOptions options;
        CompletableFuture<RolloutResult> rollout;
        Deployment status;
        volatile CountDownLatch complete;

        @Setup(Level.Trial)
        public void start(Cluster c) {
            engine = RolloutEngine.create(c.client);
            RolloutListener completeSeen = new RolloutListener() {
                @Override
                public void progress(ResourceRef workload, String line) {
                    if (line.endsWith("successfully rolled out")) {
                        complete.countDown();
                    }
                }
            };
            options = RolloutOptions.builder().release("web").timeout(Duration.ofMinutes(1)).listener(completeSeen)
                    .build();
        }

        @Setup(Level.Invocation)
        public void startRollout(Cluster c) {
            if (rollout != null) {
                rollout.join();
            }
            complete = new CountDownLatch(1);
            List<Secret> records = new ArrayList<>(c.client.secrets().inNamespace(NS).withLabel("owner", "kubefluent")
                    .list().getItems());
            records.sort(Comparator.comparingInt(s -> Integer.parseInt(s.getMetadata().getLabels().get("version"))));
            for (Secret old : records.subList(0, Math.max(0, records.size() - 1))) {
                c.client.secrets().inNamespace(NS).resource(old).delete();
            }
            c.cluster.clearRequests();
            ManifestSet set = ManifestSet.of(deployment("web", "nginx:" + (++c.image)));
            rollout = CompletableFuture.supplyAsync(() -> engine.rollout(set, options), c.waiters);
            c.awaitWatches("deployments", "pods");
            awaitTrue(() -> {
                List<String> statuses = c.client.secrets().inNamespace(NS).withLabel("owner", "kubefluent").list()
                        .getItems().stream().map(s -> s.getMetadata().getLabels().get("status")).toList();
                return statuses.contains("pending") && !statuses.contains("deployed");
            });
            status = c.completeStatus("web");
        }
    }

    /** fabric8's side: {@code waitUntilCondition} on the same Deployment after the same kind of template change. */
    @State(Scope.Thread)
    public static class Fabric8Wait {
        CompletableFuture<Deployment> wait;
        Deployment status;

        @Setup(Level.Invocation)
        public void startWait(Cluster c) {
            Deployment changed = deployment("api", "nginx:" + (++c.image));
            c.client.apps().deployments().inNamespace(NS).resource(changed).fieldManager("bench").serverSideApply();
            c.cluster.clearRequests();
            wait = CompletableFuture.supplyAsync(() -> c.client.apps().deployments().inNamespace(NS).withName("api")
                    .waitUntilCondition(d -> d != null && StatusViewers.deployment(d).done(), 1, TimeUnit.MINUTES),
                    c.waiters);
            c.awaitWatches("deployments");
            status = c.completeStatus("api");
        }
    }

    /**
     * The engine: from the status write to {@code rollout()} returning.
     *
     * @param c the cluster
     * @param e the pending rollout
     * @return the result
     */
    @Benchmark
    public RolloutResult engineRollout(Cluster c, EngineWait e) {
        c.write(e.status);
        RolloutResult result = e.rollout.join();
        if (result.status() != RolloutStatus.SUCCEEDED) {
            throw new IllegalStateException("the rollout did not succeed: " + result);
        }
        return result;
    }

    /**
     * The engine's detection alone: from the status write to the engine's wait seeing the Deployment complete (its
     * kubectl line {@code deployment "web" successfully rolled out}), before the label patch that
     * {@link #engineRollout} also counts; the rollout finishes before the next invocation starts.
     *
     * @param c the cluster
     * @param e the pending rollout
     * @return whether the completion was seen
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public boolean engineDetects(Cluster c, EngineWait e) throws InterruptedException {
        c.write(e.status);
        return e.complete.await(1, TimeUnit.MINUTES);
    }

    /**
     * The baseline: from the same status write to fabric8's {@code waitUntilCondition} returning.
     *
     * @param c the cluster
     * @param f the pending wait
     * @return the Deployment it returned
     */
    @Benchmark
    public Deployment fabric8WaitUntilCondition(Cluster c, Fabric8Wait f) {
        c.write(f.status);
        return f.wait.join();
    }

    static Deployment deployment(String name, String image) {
        return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .addToLabels("app.kubernetes.io/name", name).endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app.kubernetes.io/name", name)
                .endSelector().withNewTemplate().withNewMetadata().addToLabels("app.kubernetes.io/name", name)
                .endMetadata().withNewSpec().addNewContainer().withName("web").withImage(image).endContainer()
                .endSpec().endTemplate().endSpec().build();
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the waiter did not start watching within 30s");
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
        }
    }
}
