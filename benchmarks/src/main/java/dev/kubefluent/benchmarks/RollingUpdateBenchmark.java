package dev.kubefluent.benchmarks;

import dev.kubefluent.testing.sim.SimulatedCluster;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;

/**
 * A complete RollingUpdate of a 10-replica Deployment on the simulated cluster (controllers, scheduler and kubelet
 * in process, pod start delay 0, time scale 1000), awaited with a watch as a test would, against the same number of
 * API writes sent over HTTP to fabric8's bare CRUD mock server, in the same run.
 *
 * <p>The write count is measured once in setup as the resourceVersion advance of one warm-up rollout (every
 * ReplicaSet, Pod, Event and status write of the controllers).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RollingUpdateBenchmark -wi 3 -i 5 -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RollingUpdateBenchmark {

    private static final int REPLICAS = 10;

    private SimulatedCluster cluster;
    private KubernetesClient client;
    private KubernetesMockServer mock;
    private KubernetesClient mockClient;
    private int revision;
    private long writesPerRollout;
    private long mockRound;

    @Setup(Level.Trial)
    public void setUp() {
        cluster = SimulatedCluster.builder().timeScale(1000).podStartDelay(Duration.ZERO).start();
        client = cluster.client();
        client.apps().deployments().resource(deployment("web:0")).create();
        settle();
        long before = currentResourceVersion();
        rollingUpdate();
        writesPerRollout = currentResourceVersion() - before;
        mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
            new KubernetesCrudDispatcher(), false);
        mock.init();
        mockClient = mock.createClient();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println("\nwrites per rollout: " + writesPerRollout);
        mockClient.close();
        mock.destroy();
        client.close();
        cluster.close();
    }

    /** One complete rolling update: the template changes, the controllers roll all 10 pods. */
    @Benchmark
    public DeploymentStatus simulatedRollingUpdate() {
        return rollingUpdate();
    }

    /** The baseline: as many writes (pod creates and deletes) on fabric8's CRUD mock server. */
    @Benchmark
    public long mockServerWrites() {
        long round = mockRound++;
        for (long i = 0; i < writesPerRollout; i++) {
            String name = "p-" + round + "-" + (i / 2);
            if (i % 2 == 0) {
                mockClient.pods().inNamespace("default").resource(pod(name)).create();
            } else {
                mockClient.pods().inNamespace("default").withName(name).delete();
            }
        }
        return writesPerRollout;
    }

    private DeploymentStatus rollingUpdate() {
        revision++;
        String image = "web:" + revision;
        client.apps().deployments().withName("web").edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
            return d;
        });
        return settle();
    }

    private DeploymentStatus settle() {
        Deployment done = client.apps().deployments().withName("web").waitUntilCondition(d -> {
            DeploymentStatus s = d == null ? null : d.getStatus();
            return s != null && s.getObservedGeneration() != null
                && s.getObservedGeneration() >= d.getMetadata().getGeneration()
                && s.getUpdatedReplicas() != null && s.getUpdatedReplicas() == REPLICAS
                && s.getReplicas() != null && s.getReplicas() == REPLICAS
                && s.getAvailableReplicas() != null && s.getAvailableReplicas() == REPLICAS;
        }, 60, TimeUnit.SECONDS);
        return done.getStatus();
    }

    private long currentResourceVersion() {
        return Long.parseLong(client.pods().inAnyNamespace().list().getMetadata().getResourceVersion());
    }

    private static Deployment deployment(String image) {
        return new DeploymentBuilder()
            .withNewMetadata().withName("web").withNamespace("default").endMetadata()
            .withNewSpec().withReplicas(REPLICAS)
                .withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                    .withMaxSurge(new IntOrString("25%")).withMaxUnavailable(new IntOrString("25%"))
                .endRollingUpdate().endStrategy()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                    .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec()
                .endTemplate()
            .endSpec()
            .build();
    }

    private static Pod pod(String name) {
        return new PodBuilder()
            .withNewMetadata().withName(name).withNamespace("default").addToLabels("app", "web").endMetadata()
            .withNewSpec().addNewContainer().withName("app").withImage("web:1").endContainer().endSpec()
            .build();
    }
}
