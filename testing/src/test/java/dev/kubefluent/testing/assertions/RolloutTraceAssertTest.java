package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldKeepMinAvailable.shouldKeepMinAvailable;
import static dev.kubefluent.testing.assertions.error.ShouldStartFullyAvailable.shouldStartFullyAvailable;
import static dev.kubefluent.testing.assertions.error.ShouldStayWithinMaxSurge.shouldStayWithinMaxSurge;
import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenIllegalArgumentException;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.testing.sim.SimulatedCluster;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The trace and its bounds on a scripted rollout: the simulated cluster runs without controllers and the test plays
 * the Deployment controller's part by creating, readying and deleting pods, so that each bound is both kept and
 * broken on purpose.
 */
@DisplayName("RolloutTrace and its assertions")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolloutTraceAssertTest {

    private static final ResourceRef WEB = ResourceRef.of("Deployment", "shop", "web");

    private final SimulatedCluster cluster = SimulatedCluster.builder().seed(11).namespaces("shop").withoutControllers().start();
    private final KubernetesClient client = cluster.client();

    @AfterAll
    void close() {
        cluster.close();
    }

    /** One cluster for the class (starting one is the slow part); each test starts from an empty namespace. */
    @BeforeEach
    void emptyNamespace() {
        client.pods().inNamespace("shop").withGracePeriod(0).delete();
        client.apps().deployments().inNamespace("shop").delete();
        cluster.runUntilIdle();
    }

    /** Deployment shop/web: 3 replicas, maxSurge 1, maxUnavailable 25% (resolves to 0 of 3, rounded down). */
    private void deployment(IntOrString maxUnavailable) {
        Deployment web = Fixtures.web();
        web.getSpec().setStrategy(new io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder()
                .withType("RollingUpdate").withNewRollingUpdate().withMaxSurge(new IntOrString(1))
                .withMaxUnavailable(maxUnavailable).endRollingUpdate().build());
        client.resource(web).create();
    }

    private void readyPod(String name) {
        client.resource(new PodBuilder()
                .withNewMetadata().withName(name).withNamespace("shop").addToLabels(Fixtures.NAME_LABEL, "web").endMetadata()
                .withNewSpec().withContainers(new ContainerBuilder().withName("web").withImage("web:1").build()).endSpec()
                .build()).create();
        client.pods().inNamespace("shop").withName(name).editStatus(p -> new PodBuilder(p).editOrNewStatus()
                .withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus().build());
    }

    private void delete(String name) {
        client.pods().inNamespace("shop").withName(name).withGracePeriod(0).delete();
    }

    private RolloutTrace startedFullyAvailable(IntOrString maxUnavailable) {
        deployment(maxUnavailable);
        readyPod("web-old-1");
        readyPod("web-old-2");
        readyPod("web-old-3");
        return RolloutTrace.record(cluster, "shop", "web");
    }

    @Test
    @DisplayName("passes a rollout that surges by one and keeps every replica available")
    void passes_within_bounds() {
        // GIVEN
        RolloutTrace trace = startedFullyAvailable(new IntOrString("25%"));
        // WHEN
        for (int i = 1; i <= 3; i++) {
            readyPod("web-new-" + i);
            delete("web-old-" + i);
        }
        trace.close();
        // THEN
        assertThat(trace).neverExceededMaxSurge().neverFellBelowMinAvailable();
        then(trace.samples()).first().hasToString("#0 start: 3 pods, 3 available");
        then(trace.samples()).last().extracting(RolloutTrace.Sample::pods, RolloutTrace.Sample::available)
                .containsExactly(3, 3);
    }

    @Test
    @DisplayName("fails a rollout that runs more pods than replicas + maxSurge")
    void fails_above_max_surge() {
        // GIVEN
        RolloutTrace trace = startedFullyAvailable(new IntOrString("25%"));
        readyPod("web-new-1");
        readyPod("web-new-2");
        trace.close();
        RolloutTrace.Sample first = trace.samples().stream().filter(s -> s.pods() > 4).findFirst().orElseThrow();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(trace).neverExceededMaxSurge());
        // THEN
        then(first.toString()).isEqualTo("#3 ADDED Pod \"web-new-2\": 5 pods, 4 available");
        then(error).hasMessage(shouldStayWithinMaxSurge(WEB, 3, 1, first.toString()).create());
    }

    @Test
    @DisplayName("fails a rollout whose available pods fall below replicas - maxUnavailable")
    void fails_below_min_available() {
        // GIVEN
        RolloutTrace trace = startedFullyAvailable(new IntOrString(1));
        delete("web-old-1");
        delete("web-old-2");
        trace.close();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(trace).neverFellBelowMinAvailable());
        // THEN
        then(error).hasMessage(shouldKeepMinAvailable(WEB, 3, 1, trace.samples().stream()
                .filter(s -> s.available() < 2).findFirst().orElseThrow().toString()).create());
        then(error).hasMessageContaining("DELETED Pod \"web-old-2\": 1 pods, 1 available");
    }

    @Test
    @DisplayName("refuses an availability verdict on a trace that did not start fully available")
    void fails_when_not_started_fully_available() {
        // GIVEN
        deployment(new IntOrString(1));
        readyPod("web-old-1");
        RolloutTrace trace = RolloutTrace.record(client, "shop", "web");
        trace.close();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(trace).neverFellBelowMinAvailable());
        // THEN
        then(error).hasMessage(shouldStartFullyAvailable(WEB, 3, "#0 start: 1 pods, 1 available").create());
    }

    @Nested
    @DisplayName("recording")
    class Recording {

        @Test
        @DisplayName("needs an existing Deployment")
        void needs_existing_deployment() {
            thenIllegalArgumentException().isThrownBy(() -> RolloutTrace.record(cluster, "shop", "web"))
                    .withMessage("Deployment \"web\": cannot record a rollout of a Deployment that does not exist"
                            + " (create it first) but was: shop/web not found");
        }

        @Test
        @DisplayName("is idempotent to close")
        void close_twice() {
            deployment(new IntOrString(1));
            RolloutTrace trace = RolloutTrace.record(cluster, "shop", "web");
            trace.close();
            trace.close();
            then(trace.samples()).hasSize(1);
        }
    }
}
