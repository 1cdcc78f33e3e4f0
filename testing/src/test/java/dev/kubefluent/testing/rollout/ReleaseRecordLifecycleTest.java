package dev.kubefluent.testing.rollout;

import static dev.kubefluent.testing.rollout.RolloutOnSimulatedClusterTest.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.rollout.BackoffPolicy;
import dev.kubefluent.core.rollout.RolloutEngine;
import dev.kubefluent.core.rollout.RolloutListener;
import dev.kubefluent.core.rollout.RolloutOptions;
import dev.kubefluent.core.rollout.RolloutResult;
import dev.kubefluent.core.rollout.RolloutStatus;
import dev.kubefluent.testing.sim.RecordedCall;
import dev.kubefluent.testing.sim.SimulatedCluster;
import dev.kubefluent.testing.sim.Verb;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A revision's release record: pending during the wait, then deployed or failed, on the simulated cluster")
class ReleaseRecordLifecycleTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private SimulatedCluster cluster;
    private KubernetesClient client;
    private RolloutEngine engine;

    private void start(SimulatedCluster.Builder builder) {
        cluster = builder.seed(13).namespaces("shop").timeScale(100).start();
        client = cluster.client();
        engine = engineOn(client);
    }

    private static RolloutEngine engineOn(KubernetesClient client) {
        return RolloutEngine.builder(client)
                .backoff(BackoffPolicy.exponential(Duration.ofMillis(5), Duration.ofMillis(50), 5)).build();
    }

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static RolloutOptions.Builder options() {
        return RolloutOptions.builder().timeout(Duration.ofSeconds(60)).failFastGrace(Duration.ofMillis(500));
    }

    /** The status label of each of release web's records, by revision. */
    private List<String> statuses() {
        return client.secrets().inNamespace("shop").withLabel("owner", "kubefluent").withLabel("name", "web").list()
                .getItems().stream()
                .sorted(Comparator.comparingInt(s -> Integer.parseInt(s.getMetadata().getLabels().get("version"))))
                .map(s -> s.getMetadata().getLabels().get("status")).toList();
    }

    private String status(int revision) {
        Secret s = client.secrets().inNamespace("shop").withName("kubefluent.release.v1.web.v" + revision).get();
        return s == null ? null : s.getMetadata().getLabels().get("status");
    }

    /** The status write a Deployment controller makes when the rollout is complete (this cluster runs none). */
    private void complete() {
        Deployment live = client.apps().deployments().inNamespace("shop").withName("web").get();
        live.setStatus(new DeploymentStatusBuilder().withObservedGeneration(live.getMetadata().getGeneration())
                .withReplicas(2).withUpdatedReplicas(2).withReadyReplicas(2).withAvailableReplicas(2).build());
        client.apps().deployments().inNamespace("shop").resource(live).updateStatus();
    }

    /** The label patches of release records among the calls, as "name: body". */
    private static List<String> labelPatches(List<RecordedCall> calls) {
        return calls.stream().filter(c -> c.verb() == Verb.PATCH && c.resource().equals("secrets"))
                .peek(c -> assertThat(c.contentType()).startsWith(MERGE_PATCH))
                .map(c -> c.name() + ": " + c.body()).toList();
    }

    private static String label(String status) {
        return "{\"metadata\":{\"labels\":{\"status\":\"" + status + "\"}}}";
    }

    @Test
    @DisplayName("the record is in the cluster, pending, while the wait goes on; after it, one label patch marks it deployed")
    void pending_during_the_wait_then_one_label_patch() throws Exception {
        start(SimulatedCluster.builder().withoutControllers());
        CompletableFuture<RolloutResult> first = CompletableFuture.supplyAsync(
                () -> engine.rollout(ManifestSet.of(web("nginx:1")), options().build()));
        awaitTrue(() -> "pending".equals(status(1)));
        complete();
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(RolloutStatus.SUCCEEDED);
        cluster.clearRequests();

        CompletableFuture<RolloutResult> second = CompletableFuture.supplyAsync(
                () -> engine.rollout(ManifestSet.of(web("nginx:2")), options().build()));
        // what a concurrent reader sees during the wait: revision 2 pending, revision 1 already superseded
        awaitTrue(() -> statuses().equals(List.of("superseded", "pending")));
        assertThat(second).isNotDone();
        List<RecordedCall> beforeCompletion = cluster.requests();
        complete();
        RolloutResult result = second.get(30, TimeUnit.SECONDS);

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(result.revision()).isEqualTo(2);
        assertThat(statuses()).containsExactly("superseded", "deployed");
        assertThat(beforeCompletion).filteredOn(c -> c.verb() == Verb.CREATE && c.resource().equals("secrets"))
                .singleElement().satisfies(c -> assertThat(c.body()).contains("\"status\":\"pending\""));
        assertThat(labelPatches(beforeCompletion))
                .containsExactly("kubefluent.release.v1.web.v1: " + label("superseded"));
        // after the completing status write: the one label patch, nothing else written to the records
        List<RecordedCall> after = cluster.requests().subList(beforeCompletion.size(), cluster.requests().size());
        assertThat(after).filteredOn(c -> c.resource().equals("secrets") && c.verb() != Verb.GET && c.verb() != Verb.LIST)
                .hasSize(1);
        assertThat(labelPatches(after)).containsExactly("kubefluent.release.v1.web.v2: " + label("deployed"));
    }

    @Test
    @DisplayName("a failed rollout marks its record failed and puts the previous revision back to deployed")
    void failure_marks_the_record_failed() {
        start(SimulatedCluster.builder());
        cluster.pods().withImage("nginx:typo").failImagePull();
        assertThat(engine.rollout(ManifestSet.of(web("nginx:1")), options().build()).status())
                .isEqualTo(RolloutStatus.SUCCEEDED);
        cluster.clearRequests();

        RolloutResult result = engine.rollout(ManifestSet.of(web("nginx:typo")), options().build());

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(result.revision()).isEqualTo(2);
        assertThat(statuses()).containsExactly("deployed", "failed");
        assertThat(cluster.requests(Verb.CREATE, "secrets")).singleElement()
                .satisfies(c -> assertThat(c.body()).contains("\"status\":\"pending\""));
        assertThat(labelPatches(cluster.requests())).containsExactlyInAnyOrder(
                "kubefluent.release.v1.web.v1: " + label("superseded"),
                "kubefluent.release.v1.web.v2: " + label("failed"),
                "kubefluent.release.v1.web.v1: " + label("deployed"));
        assertThat(labelPatches(cluster.requests())).filteredOn(p -> p.startsWith("kubefluent.release.v1.web.v1"))
                .containsExactly("kubefluent.release.v1.web.v1: " + label("superseded"),
                        "kubefluent.release.v1.web.v1: " + label("deployed"));
    }

    @Test
    @DisplayName("the final label patch is retried after 500s; when it is refused, the result says so and the record stays pending")
    void a_failed_final_patch_is_reported() {
        start(SimulatedCluster.builder());
        cluster.faults().on(Verb.PATCH, "secrets").named("kubefluent.release.v1.web.v1").times(2)
                .respondWith(500, "etcd leader changed");
        RolloutResult first = engine.rollout(ManifestSet.of(web("nginx:1")), options().build());
        assertThat(first.status()).as(first.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(first.warnings()).isEmpty();
        assertThat(labelPatches(cluster.requests())).containsExactly(
                "kubefluent.release.v1.web.v1: " + label("deployed"),
                "kubefluent.release.v1.web.v1: " + label("deployed"),
                "kubefluent.release.v1.web.v1: " + label("deployed"));
        assertThat(statuses()).containsExactly("deployed");

        cluster.faults().on(Verb.PATCH, "secrets").named("kubefluent.release.v1.web.v2").times(1)
                .respondWith(403, "denied by admission policy");
        cluster.clearRequests();
        RolloutResult second = engine.rollout(ManifestSet.of(web("nginx:2")), options().build());

        String warning = "the workloads completed but the record of release web revision 2 was not marked deployed "
                + "(it stays pending, which is read as not deployed): denied by admission policy";
        assertThat(second.status()).as(second.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(second.warnings()).containsExactly(warning);
        assertThat(second.message()).endsWith("\nwarning: " + warning);
        assertThat(labelPatches(cluster.requests())).filteredOn(p -> p.startsWith("kubefluent.release.v1.web.v2"))
                .containsExactly("kubefluent.release.v1.web.v2: " + label("deployed"));
        assertThat(statuses()).containsExactly("superseded", "pending");
    }

    @Test
    @DisplayName("a run that dies during its wait leaves its record pending; the next rollout never rolls back to it")
    void a_leftover_pending_record_is_not_a_rollback_target() {
        start(SimulatedCluster.builder());
        cluster.pods().withImage("nginx:typo").failImagePull();
        cluster.pods().withImage("nginx:stuck").neverReady();
        assertThat(engine.rollout(ManifestSet.of(web("nginx:1")), options().build()).status())
                .isEqualTo(RolloutStatus.SUCCEEDED);

        // a process that dies during its wait: its client goes away with it (here once its wait has begun and its
        // records are in the cluster), so nothing it does afterwards reaches the cluster
        KubernetesClient doomed = cluster.newClient();
        RolloutListener dies = new RolloutListener() {
            @Override
            public void progress(ResourceRef workload, String line) {
                awaitTrue(() -> statuses().equals(List.of("superseded", "pending")));
                doomed.close();
            }
        };
        RolloutResult dying = engineOn(doomed).rollout(ManifestSet.of(web("nginx:stuck")),
                options().timeout(Duration.ofSeconds(1)).listener(dies).build());
        assertThat(dying.status()).isNotEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(statuses()).containsExactly("superseded", "pending");

        RolloutResult result = engine.rollout(ManifestSet.of(web("nginx:typo")), options().build());

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(result.revision()).isEqualTo(3);
        assertThat(result.message()).endsWith("rolled back release web to revision 1");
        assertThat(client.apps().deployments().inNamespace("shop").withName("web").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1");
        assertThat(statuses()).containsExactly("deployed", "pending", "failed");
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
