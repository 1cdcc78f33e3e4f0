package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldHaveReplicas.shouldHaveReplicas;
import static dev.kubefluent.testing.assertions.error.ShouldRunImages.shouldRunImages;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.testing.sim.SimulatedCluster;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("assertThat(SimulatedCluster)")
class SimulatedClusterAssertTest {

    private final SimulatedCluster cluster = SimulatedCluster.builder().seed(7).namespaces("shop").withoutControllers().start();
    private final KubernetesClient client = cluster.client();

    @AfterEach
    void close() {
        cluster.close();
    }

    private void runningPod(String name, String image) {
        client.resource(new PodBuilder()
                .withNewMetadata().withName(name).withNamespace("shop").addToLabels(Fixtures.NAME_LABEL, "web").endMetadata()
                .withNewSpec().withContainers(new ContainerBuilder().withName("web").withImage(image).build()).endSpec()
                .build()).create();
        client.pods().inNamespace("shop").withName(name)
                .editStatus(p -> new PodBuilder(p).editOrNewStatus().withPhase("Running").endStatus().build());
    }

    @Test
    @DisplayName("reads a Deployment's status and the images of its running pods from the simulated API server")
    void reads_live_state() {
        // GIVEN
        client.resource(Fixtures.web()).create();
        client.apps().deployments().inNamespace("shop").withName("web").editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder().withReplicas(3).withAvailableReplicas(2).build());
            return d;
        });
        runningPod("web-a", "ghcr.io/acme/web:1.4.1");
        runningPod("web-b", "ghcr.io/acme/web:1.4.2");
        // WHEN
        AssertionError available = expectAssertionError(() -> assertThat(cluster).deployment("shop", "web")
                .hasAvailableReplicas(3));
        AssertionError images = expectAssertionError(() -> assertThat(cluster).deployment("shop", "web")
                .runsImages("ghcr.io/acme/web:1.4.2"));
        // THEN
        assertThat(cluster).deployment("shop", "web").hasAvailableReplicas(2)
                .runsImages("ghcr.io/acme/web:1.4.1", "ghcr.io/acme/web:1.4.2");
        ResourceRef web = ResourceRef.of("Deployment", "shop", "web");
        then(available).hasMessage(shouldHaveReplicas(web, "status.availableReplicas", 3, 2).create());
        then(images).hasMessage(shouldRunImages(web, Set.of("ghcr.io/acme/web:1.4.2"),
                new java.util.TreeSet<>(Set.of("ghcr.io/acme/web:1.4.1", "ghcr.io/acme/web:1.4.2")),
                List.of("web-a: [ghcr.io/acme/web:1.4.1]", "web-b: [ghcr.io/acme/web:1.4.2]")).create());
    }
}
