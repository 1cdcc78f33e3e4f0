package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.testing.sim.SimulatedCluster;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Assertions on a rollout run by the simulated cluster's controllers")
class RolloutOnSimulatedClusterTest {

    private static void await(KubernetesClient client, Predicate<Deployment> condition) {
        client.apps().deployments().inNamespace("shop").withName("web")
                .waitUntilCondition(d -> d != null && d.getStatus() != null && condition.test(d), 60, TimeUnit.SECONDS);
    }

    private static boolean complete(Deployment d) {
        var s = d.getStatus();
        return s.getObservedGeneration() != null && s.getObservedGeneration() >= d.getMetadata().getGeneration()
                && Integer.valueOf(3).equals(s.getUpdatedReplicas()) && Integer.valueOf(3).equals(s.getReplicas())
                && Integer.valueOf(3).equals(s.getAvailableReplicas());
    }

    @Test
    @DisplayName("an image update keeps replicas + maxSurge and replicas - maxUnavailable, and ends on the new image")
    void image_update_keeps_the_rolling_update_bounds() {
        try (SimulatedCluster cluster = SimulatedCluster.builder().seed(5).namespaces("shop").start()) {
            // GIVEN
            KubernetesClient client = cluster.client();
            Deployment web = Fixtures.web();
            web.getSpec().setStrategy(new DeploymentStrategyBuilder().withType("RollingUpdate").withNewRollingUpdate()
                    .withMaxSurge(new IntOrString(1)).withMaxUnavailable(new IntOrString(0)).endRollingUpdate().build());
            client.resource(web).create();
            await(client, RolloutOnSimulatedClusterTest::complete);
            RolloutTrace trace = RolloutTrace.record(cluster, "shop", "web");
            // WHEN
            client.apps().deployments().inNamespace("shop").withName("web").edit(d -> {
                d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("ghcr.io/acme/web:1.4.3");
                return d;
            });
            await(client, d -> d.getMetadata().getGeneration() == 2 && complete(d));
            trace.close();
            // THEN
            assertThat(trace).neverExceededMaxSurge().neverFellBelowMinAvailable();
            then(trace.samples()).extracting(RolloutTrace.Sample::pods).contains(4).allMatch(pods -> pods <= 4);
            assertThat(cluster).deployment("shop", "web").hasAvailableReplicas(3).hasRevision(2)
                    .hasCondition("Available", "True")
                    .runsImages("ghcr.io/acme/web:1.4.3", "envoyproxy/envoy:v1.31.0");
        }
    }
}
