package dev.kubefluent.testing.rollout;

import static dev.kubefluent.testing.rollout.RolloutOnSimulatedClusterTest.config;
import static dev.kubefluent.testing.rollout.RolloutOnSimulatedClusterTest.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.rollout.AppliedResource;
import dev.kubefluent.core.rollout.ApplyOutcome;
import dev.kubefluent.core.rollout.BackoffPolicy;
import dev.kubefluent.core.rollout.FailurePolicy;
import dev.kubefluent.core.rollout.RolloutEngine;
import dev.kubefluent.core.rollout.RolloutListener;
import dev.kubefluent.core.rollout.RolloutOptions;
import dev.kubefluent.core.rollout.RolloutResult;
import dev.kubefluent.core.rollout.RolloutStatus;
import dev.kubefluent.testing.sim.RecordedCall;
import dev.kubefluent.testing.sim.SimulatedCluster;
import dev.kubefluent.testing.sim.Verb;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RolloutEngine requirements of issue 6, one focused check each, on the simulated cluster")
class RolloutRequirementsTest {

    private SimulatedCluster cluster;
    private KubernetesClient client;
    private RolloutEngine engine;

    private void start(SimulatedCluster.Builder builder) {
        cluster = builder.seed(11).timeScale(100).start();
        client = cluster.client();
        engine = RolloutEngine.builder(client)
                .backoff(BackoffPolicy.exponential(Duration.ofMillis(5), Duration.ofMillis(50), 5)).build();
    }

    private void start() {
        start(SimulatedCluster.builder().namespaces("shop"));
    }

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static RolloutOptions.Builder options() {
        return RolloutOptions.builder().timeout(Duration.ofSeconds(60)).failFastGrace(Duration.ofMillis(500))
                .crashLoopRestarts(1);
    }

    @Test
    @DisplayName("500s on GET and WATCH of deployments during the wait are retried and the rollout succeeds")
    void server_errors_during_wait_are_retried() {
        start();
        cluster.faults().on(Verb.GET, "deployments").times(2).respondWith(500, "etcd leader changed");
        cluster.faults().on(Verb.WATCH, "deployments").times(2).respondWith(500, "etcd leader changed");

        RolloutResult result = engine.rollout(ManifestSet.of(web("nginx:1")), options().build());

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(result.message()).isEqualTo("deployment \"web\" successfully rolled out");
        // both GET 500s were followed by a retry, and the first watch (answered with a 500) was followed by
        // another read of the Deployment (a new watch, or a GET when the rollout had already completed)
        assertThat(cluster.requests(Verb.GET, "deployments")).hasSizeGreaterThanOrEqualTo(3);
        List<RecordedCall> reads = cluster.requests().stream().filter(c -> c.resource().equals("deployments")
                && (c.verb() == Verb.GET || c.verb() == Verb.WATCH)).toList();
        int firstWatch = reads.stream().map(RecordedCall::verb).toList().indexOf(Verb.WATCH);
        assertThat(firstWatch).isNotNegative().isLessThan(reads.size() - 1);
    }

    @Test
    @DisplayName("createNamespaces creates a namespace the cluster does not have, and reports it as created")
    void create_namespaces_creates_a_missing_namespace() {
        start(SimulatedCluster.builder().createNamespacesOnDemand(false));
        assertThat(client.namespaces().withName("shop").get()).isNull();

        RolloutResult result = engine.rollout(ManifestSet.of(web("nginx:1")), options().createNamespaces(true).build());

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(result.applied()).first()
                .isEqualTo(new AppliedResource(ResourceRef.of("Namespace", null, "shop"), ApplyOutcome.CREATED));
        assertThat(client.namespaces().withName("shop").get()).isNotNull();
        assertThat(cluster.requests(Verb.PATCH, "namespaces")).singleElement()
                .satisfies(c -> assertThat(c.queryParameter("fieldManager")).isEqualTo("kubefluent"));
    }

    @Test
    @DisplayName("ROLLBACK_FAILED carries both the rollout's failure and the rollback's failure")
    void rollback_failed_carries_both_reasons() {
        start();
        cluster.pods().withImage("nginx:typo").failImagePull();
        assertThat(engine.rollout(ManifestSet.of(config("hello"), web("nginx:1")), options().build()).status())
                .isEqualTo(RolloutStatus.SUCCEEDED);
        // the failing rollout does not touch the ConfigMap, so only the rollback's apply of it meets the 403
        cluster.faults().on(Verb.PATCH, "configmaps").times(50).respondWith(403, "denied by admission policy");

        RolloutResult result = engine.rollout(ManifestSet.of(web("nginx:typo")), options().release("web").build());

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.ROLLBACK_FAILED);
        assertThat(result.message()).contains("nginx:typo").contains("ImagePullBackOff")
                .contains("rollback of release web to revision 1 failed: "
                        + "ConfigMap \"web-config\": apply failed (HTTP 403): denied by admission policy");
    }

    @Test
    @DisplayName("a rollback that cannot complete ends within its own rollbackTimeout, not the rollout's timeout")
    void rollback_has_its_own_time_budget() {
        start();
        Deployment v1 = recreate(web("nginx:1"));
        assertThat(engine.rollout(ManifestSet.of(v1), options().build()).status()).isEqualTo(RolloutStatus.SUCCEEDED);
        cluster.pods().withImage("nginx:typo").failImagePull();
        cluster.pods().withImage("nginx:1").neverReady();

        long started = System.nanoTime();
        RolloutResult result = engine.rollout(ManifestSet.of(recreate(web("nginx:typo"))),
                options().timeout(Duration.ofMinutes(10)).rollbackTimeout(Duration.ofSeconds(2)).build());

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.ROLLBACK_FAILED);
        assertThat(result.message()).contains("rollback of release web to revision 1 failed: "
                + "rollout did not complete within 2s: Deployment \"web\"");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }

    private static Deployment recreate(Deployment d) {
        d.getSpec().setStrategy(new io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder()
                .withType("Recreate").build());
        return d;
    }

    @Test
    @DisplayName("a failed rollout's message carries the container's last log lines and the recent Events")
    void failure_message_has_log_lines_and_events() {
        start();
        cluster.pods().withImage("app:crash").withLogLines("starting", "panic: missing DATABASE_URL").crashLoop();

        RolloutResult result = engine.rollout(ManifestSet.of(web("app:crash")),
                options().onFailure(FailurePolicy.LEAVE).build());

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.FAILED);
        assertThat(result.message()).contains("CrashLoopBackOff")
                .contains("  last log lines:\n    starting\n    panic: missing DATABASE_URL\n  events:\n")
                .contains("Warning BackOff: Back-off restarting failed container web");
    }

    @Test
    @DisplayName("a bare Pod is waited for until it is Ready")
    void bare_pod_is_waited_for_ready() {
        start();
        cluster.pods().withImage("tool:slow").readyAfter(Duration.ofSeconds(30));
        Pod pod = new PodBuilder().withNewMetadata().withName("tool").withNamespace("shop")
                .addToLabels("app.kubernetes.io/name", "tool").endMetadata()
                .withNewSpec().addNewContainer().withName("tool").withImage("tool:slow").endContainer().endSpec().build();

        RolloutResult result = engine.rollout(ManifestSet.of(pod), options().release("ops").build());

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(client.pods().inNamespace("shop").withName("tool").get().getStatus().getConditions())
                .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=True"));
    }

    @Test
    @DisplayName("a Job is waited for until it completes (the simulated cluster runs no Job controller: the test completes it)")
    void job_is_waited_for_completion() {
        start();
        Job job = new JobBuilder().withNewMetadata().withName("migrate").withNamespace("shop")
                .addToLabels("app.kubernetes.io/name", "migrate").endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().withRestartPolicy("Never").addNewContainer()
                .withName("migrate").withImage("migrate:1").endContainer().endSpec().endTemplate().endSpec().build();
        RolloutListener completeTheJob = new RolloutListener() {
            @Override
            public void applied(AppliedResource applied) {
                Job live = client.batch().v1().jobs().inNamespace("shop").withName("migrate").get();
                live.setStatus(new JobStatusBuilder().withSucceeded(1).addNewCondition().withType("Complete")
                        .withStatus("True").endCondition().build());
                client.batch().v1().jobs().inNamespace("shop").resource(live).updateStatus();
            }
        };

        RolloutResult result = engine.rollout(ManifestSet.of(job), options().release("ops").listener(completeTheJob)
                .build());

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(result.message()).isEqualTo("job \"migrate\" completed");
    }
}
