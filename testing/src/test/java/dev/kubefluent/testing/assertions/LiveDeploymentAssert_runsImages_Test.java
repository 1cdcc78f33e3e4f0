package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldRunImages.shouldRunImages;
import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenIllegalStateException;

import dev.kubefluent.core.ResourceRef;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveDeploymentAssert_runsImages_Test {

    private final CrudCluster cluster = new CrudCluster();

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void should_pass_if_running_pods_use_exactly_the_images() {
        // GIVEN
        cluster.webAtRevision2();
        cluster.pod("web-1", "ghcr.io/acme/web:1.4.2", "Running");
        cluster.pod("web-2", "ghcr.io/acme/web:1.4.2", "Running");
        cluster.pod("web-0", "ghcr.io/acme/web:1.4.1", "Pending");
        // WHEN
        LiveDeploymentAssert result = assertThat(cluster.client).deployment("shop", "web")
                .runsImages("ghcr.io/acme/web:1.4.2");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_while_an_old_image_still_runs() {
        // GIVEN
        cluster.webAtRevision2();
        cluster.pod("web-1", "ghcr.io/acme/web:1.4.2", "Running");
        cluster.pod("web-0", "ghcr.io/acme/web:1.4.1", "Running");
        // WHEN
        AssertionError error = expectAssertionError(
                () -> assertThat(cluster.client).deployment("shop", "web").runsImages("ghcr.io/acme/web:1.4.2"));
        // THEN
        then(error).hasMessage(shouldRunImages(ResourceRef.of("Deployment", "shop", "web"),
                Set.of("ghcr.io/acme/web:1.4.2"),
                new TreeSet<>(Set.of("ghcr.io/acme/web:1.4.1", "ghcr.io/acme/web:1.4.2")),
                List.of("web-0: [ghcr.io/acme/web:1.4.1]", "web-1: [ghcr.io/acme/web:1.4.2]")).create());
    }

    @Test
    void should_need_a_cluster_to_read_pods_from() {
        thenIllegalStateException().isThrownBy(() -> new LiveDeploymentAssert(Fixtures.web()).runsImages("nginx"))
                .withMessage("runsImages() reads the pods from the cluster: start from"
                        + " assertThat(client).deployment(namespace, name)");
    }
}
