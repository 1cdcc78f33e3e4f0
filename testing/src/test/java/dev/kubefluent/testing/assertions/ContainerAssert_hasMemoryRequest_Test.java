package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldHaveResourceQuantity.shouldHaveResourceQuantity;
import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenIllegalArgumentException;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class ContainerAssert_hasMemoryRequest_Test {

    @Test
    void should_pass_if_the_quantity_matches() {
        // GIVEN
        Deployment web = web();
        // WHEN
        ContainerAssert result = assertThat(web).container("web").hasMemoryRequest("256Mi");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_compare_as_quantities_not_as_text() {
        // GIVEN
        Deployment web = web();
        // WHEN
        ContainerAssert result = assertThat(web).container("web").hasMemoryRequest("0.25Gi");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_the_quantity_differs() {
        // GIVEN
        Deployment web = web();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).container("web").hasMemoryRequest("512Mi"));
        // THEN
        then(error).hasMessage(shouldHaveResourceQuantity(ResourceRef.of(web),
                "spec.template.spec.containers[0].resources.requests.memory", "512Mi", "256Mi").create());
    }

    @Test
    void should_fail_if_the_quantity_is_not_set() {
        // GIVEN
        Deployment web = web();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).container("proxy").hasMemoryRequest("256Mi"));
        // THEN
        then(error).hasMessage(shouldHaveResourceQuantity(ResourceRef.of(web),
                "spec.template.spec.containers[1].resources.requests.memory", "256Mi", null).create());
    }

    @Test
    void should_throw_if_expected_is_not_a_quantity() {
        thenIllegalArgumentException().isThrownBy(() -> assertThat(web()).container("web").hasMemoryRequest("lots"))
                .withMessage("memory request must be a Kubernetes quantity such as 250m or 1Gi but was: \"lots\"");
    }
}
