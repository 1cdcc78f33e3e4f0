package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldHaveContainer.shouldHaveContainer;
import static dev.kubefluent.testing.assertions.error.ShouldHaveImage.shouldHaveImage;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentAssert_container_Test {

    @Test
    void should_navigate_to_the_named_container() {
        // GIVEN
        Deployment web = web();
        // WHEN
        ContainerAssert result = assertThat(web).container("proxy").hasImage("envoyproxy/envoy:v1.31.0");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_name_the_deployment_and_the_container_index_in_failures() {
        // GIVEN
        Deployment web = web();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).container("proxy").hasImage("envoy"));
        // THEN
        then(error).hasMessage(shouldHaveImage(ResourceRef.of(web), "spec.template.spec.containers[1].image", "envoy",
                "envoyproxy/envoy:v1.31.0").create());
    }

    @Test
    void should_fail_if_there_is_no_such_container() {
        // GIVEN
        Deployment web = web();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).container("worker"));
        // THEN
        then(error).hasMessage(shouldHaveContainer(ResourceRef.of(web), "spec.template.spec.containers", "worker",
                List.of("web", "proxy")).create());
    }

    @Test
    void should_fail_if_actual_is_null() {
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat((Deployment) null).container("web"));
        // THEN
        then(error).hasMessageContaining("Expecting actual not to be null");
    }
}
