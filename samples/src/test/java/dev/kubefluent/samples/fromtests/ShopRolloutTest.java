package dev.kubefluent.samples.fromtests;

import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;

import dev.kubefluent.core.rollout.RolloutEngine;
import dev.kubefluent.core.rollout.RolloutOptions;
import dev.kubefluent.core.rollout.RolloutResult;
import dev.kubefluent.samples.Shop;
import dev.kubefluent.testing.junit.SimulatedClusterTest;
import dev.kubefluent.testing.sim.SimulatedCluster;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Deployment from tests: the shop rolled out by the engine on a simulated cluster, per test. */
@SimulatedClusterTest
@DisplayName("The shop on a simulated cluster")
class ShopRolloutTest {

    private static RolloutOptions options() {
        return RolloutOptions.builder()
                .release("shop")
                .timeout(Duration.ofMinutes(2))
                .failFastGrace(Duration.ofMillis(200))
                .build();
    }

    @Test
    @DisplayName("rolls out release 1.0 and then upgrades the web front end")
    void rolls_out_and_upgrades(KubernetesClient client) {
        RolloutEngine engine = RolloutEngine.create(client);

        RolloutResult first = engine.rollout(Shop.release("1.0", "1.0"), options());
        RolloutResult second = engine.rollout(Shop.release("2.0", "1.0"), options());

        assertThat(first).succeeded();
        assertThat(second).succeeded();
        Deployment web = client.apps().deployments().inNamespace(Shop.NAMESPACE).withName("web").get();
        assertThat(web).container("web").hasImage(Shop.WEB_IMAGE + ":2.0");
        org.assertj.core.api.Assertions.assertThat(web.getStatus().getAvailableReplicas()).isEqualTo(3);
    }

    @Test
    @DisplayName("rolls back a release whose image cannot be pulled")
    void rolls_back_a_broken_image(SimulatedCluster cluster) {
        cluster.pods().withImage(Shop.WEB_IMAGE + ":9.9").failImagePull();
        RolloutEngine engine = RolloutEngine.create(cluster.client());
        assertThat(engine.rollout(Shop.release("1.0", "1.0"), options())).succeeded();

        RolloutResult broken = engine.rollout(Shop.release("9.9", "1.0"), options());

        assertThat(broken).wasRolledBack().hasMessageContaining("ErrImagePull")
                .hasMessageContaining(Shop.WEB_IMAGE + ":9.9");
        Deployment web = cluster.client().apps().deployments().inNamespace(Shop.NAMESPACE).withName("web").get();
        assertThat(web).container("web").hasImage(Shop.WEB_IMAGE + ":1.0");
    }
}
