package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldHaveRevision.shouldHaveRevision;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveDeploymentAssert_hasRevision_Test {

    private final CrudCluster cluster = new CrudCluster();

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void should_pass_if_the_revision_matches() {
        // GIVEN
        cluster.webAtRevision2();
        // WHEN
        LiveDeploymentAssert result = assertThat(cluster.client).deployment("shop", "web").hasRevision(2);
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_the_revision_differs() {
        // GIVEN
        cluster.webAtRevision2();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(cluster.client).deployment("shop", "web").hasRevision(3));
        // THEN
        then(error).hasMessage(shouldHaveRevision(ResourceRef.of("Deployment", "shop", "web"),
                "metadata.annotations[\"deployment.kubernetes.io/revision\"]", 3, "2").create());
    }
}
