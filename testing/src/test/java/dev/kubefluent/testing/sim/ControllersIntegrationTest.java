package dev.kubefluent.testing.sim;

import static dev.kubefluent.testing.sim.Fixtures.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SimulatedCluster with its controllers")
class ControllersIntegrationTest {

    static SimulatedCluster cluster;
    static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = SimulatedCluster.builder().seed(1).timeScale(100).start();
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    @DisplayName("has simulated nodes")
    void nodes() {
        assertThat(client.nodes().list().getItems()).extracting(n -> n.getMetadata().getName())
                .containsExactly("node-1", "node-2", "node-3");
    }

    @Test
    @DisplayName("rolls a Deployment out over HTTP: a ReplicaSet, running pods and an available status")
    void rollout() throws Exception {
        client.apps().deployments().resource(deployment("web", "nginx:1")).create();
        await(() -> {
            Deployment d = client.apps().deployments().withName("web").get();
            return d.getStatus() != null && d.getStatus().getAvailableReplicas() != null
                    && d.getStatus().getAvailableReplicas() == 2 && d.getStatus().getObservedGeneration() == 1L;
        }, () -> client.apps().deployments().withName("web").get().getStatus());
        List<ReplicaSet> sets = client.apps().replicaSets().withLabel("app", "web").list().getItems();
        assertThat(sets).hasSize(1);
        List<Pod> pods = client.pods().withLabel("app", "web").list().getItems();
        assertThat(pods).hasSize(2).allSatisfy(p -> {
            assertThat(p.getStatus().getPhase()).isEqualTo("Running");
            assertThat(p.getSpec().getNodeName()).startsWith("node-");
            assertThat(p.getMetadata().getOwnerReferences()).singleElement()
                    .satisfies(r -> assertThat(r.getUid()).isEqualTo(sets.get(0).getMetadata().getUid()));
        });
        assertThat(client.pods().withField("status.phase", "Running").withLabel("app", "web").list().getItems())
                .hasSize(2);

        client.apps().deployments().withName("web").delete();
        await(() -> client.pods().withLabel("app", "web").list().getItems().isEmpty(),
                () -> client.pods().withLabel("app", "web").list().getItems().size());
        assertThat(client.apps().replicaSets().withLabel("app", "web").list().getItems()).isEmpty();
    }

    @Test
    @DisplayName("serves pods/log from the lines a pod behaviour defines")
    void pod_log() throws Exception {
        PodBehaviorRule rule = cluster.pods().withImage("acme/logger:1").withLogLines("started", "ready")
                .runNormally();
        client.apps().deployments().resource(deployment("logger", "acme/logger:1")).create();
        await(() -> client.pods().withLabel("app", "logger").list().getItems().size() == 2,
                () -> client.pods().withLabel("app", "logger").list().getItems().size());
        String pod = client.pods().withLabel("app", "logger").list().getItems().get(0).getMetadata().getName();
        assertThat(client.pods().withName(pod).getLog()).isEqualTo("started\nready\n");
        assertThat(rule).isNotNull();
    }

    @Test
    @DisplayName("has no pod behaviours when built without controllers")
    void without_controllers() {
        try (SimulatedCluster bare = SimulatedCluster.builder().withoutControllers().start()) {
            assertThatThrownBy(bare::pods).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("runs without controllers");
            assertThat(bare.client().nodes().list().getItems()).isEmpty();
        }
    }

    static void await(BooleanSupplier condition, Supplier<Object> lastSeen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20s; last seen: " + lastSeen.get());
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
