package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldHaveCondition.shouldHaveCondition;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveDeploymentAssert_hasCondition_Test {

    private final CrudCluster cluster = new CrudCluster();

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void should_pass_if_the_condition_is_there() {
        // GIVEN
        cluster.webAtRevision2();
        // WHEN
        LiveDeploymentAssert result = assertThat(cluster.client).deployment("shop", "web")
                .hasCondition("Available", "True").hasCondition("Progressing", "True");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_the_condition_has_another_status() {
        // GIVEN
        cluster.webAtRevision2();
        // WHEN
        AssertionError error = expectAssertionError(
                () -> assertThat(cluster.client).deployment("shop", "web").hasCondition("Available", "False"));
        // THEN
        then(error).hasMessage(shouldHaveCondition(ResourceRef.of("Deployment", "shop", "web"), "status.conditions",
                "Available=False", List.of("Available=True (MinimumReplicasAvailable)",
                        "Progressing=True (NewReplicaSetAvailable)")).create());
    }
}
