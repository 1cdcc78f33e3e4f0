package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.svc;
import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldContainResource.shouldContainResource;
import static dev.kubefluent.testing.assertions.error.ShouldHaveReplicas.shouldHaveReplicas;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestSetAssert_deployment_Test {

    private final ManifestSet set = ManifestSet.of(web(), svc());

    @Test
    void should_navigate_to_the_deployment_and_service() {
        // WHEN
        DeploymentAssert deployment = assertThat(set).deployment("web").hasReplicas(3);
        ServiceAssert service = assertThat(set).service("web").routesPort(80, "http");
        // THEN
        then(deployment).isNotNull();
        then(service).isNotNull();
    }

    @Test
    void should_fail_on_the_deployment_with_its_own_message() {
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(set).deployment("web").hasReplicas(5));
        // THEN
        then(error).hasMessage(shouldHaveReplicas(ResourceRef.of(web()), "spec.replicas", 5, 3).create());
    }

    @Test
    void should_fail_if_there_is_no_such_deployment() {
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(set).deployment("api"));
        // THEN
        then(error).hasMessage(shouldContainResource(ResourceRef.of("Deployment", null, "api"),
                List.of(ResourceRef.of("Service", "shop", "web"), ResourceRef.of("Deployment", "shop", "web"))).create());
    }
}
