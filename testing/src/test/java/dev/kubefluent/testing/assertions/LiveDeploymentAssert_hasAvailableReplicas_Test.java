package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldExistInCluster.shouldExistInCluster;
import static dev.kubefluent.testing.assertions.error.ShouldHaveReplicas.shouldHaveReplicas;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveDeploymentAssert_hasAvailableReplicas_Test {

    private final CrudCluster cluster = new CrudCluster();

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void should_pass_if_the_live_status_matches() {
        // GIVEN
        cluster.webAtRevision2();
        // WHEN
        LiveDeploymentAssert result = assertThat(cluster.client).deployment("shop", "web").hasAvailableReplicas(3);
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_read_the_cluster_again_for_each_assertion() {
        // GIVEN
        cluster.webAtRevision2();
        LiveDeploymentAssert web = assertThat(cluster.client).deployment("shop", "web");
        cluster.client.apps().deployments().inNamespace("shop").withName("web")
                .editStatus(d -> { d.getStatus().setAvailableReplicas(2); return d; });
        // WHEN
        AssertionError error = expectAssertionError(() -> web.hasAvailableReplicas(3));
        // THEN
        then(error).hasMessage(shouldHaveReplicas(ResourceRef.of("Deployment", "shop", "web"),
                "status.availableReplicas", 3, 2).create());
    }

    @Test
    void should_fail_if_the_deployment_does_not_exist() {
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(cluster.client).deployment("shop", "web"));
        // THEN
        then(error).hasMessage(shouldExistInCluster(ResourceRef.of("Deployment", "shop", "web"),
                cluster.client.getMasterUrl().toString()).create());
    }
}
