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

class ContainerAssert_hasMemoryLimit_Test {

    @Test
    void should_pass_if_the_quantity_matches() {
        // GIVEN
        Deployment web = web();
        // WHEN
        ContainerAssert result = assertThat(web).container("web").hasMemoryLimit("512Mi");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_compare_as_quantities_not_as_text() {
        // GIVEN
        Deployment web = web();
        // WHEN
        ContainerAssert result = assertThat(web).container("web").hasMemoryLimit("536870912");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_the_quantity_differs() {
        // GIVEN
        Deployment web = web();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).container("web").hasMemoryLimit("1Gi"));
        // THEN
        then(error).hasMessage(shouldHaveResourceQuantity(ResourceRef.of(web),
                "spec.template.spec.containers[0].resources.limits.memory", "1Gi", "512Mi").create());
    }

    @Test
    void should_fail_if_the_quantity_is_not_set() {
        // GIVEN
        Deployment web = web();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).container("proxy").hasMemoryLimit("512Mi"));
        // THEN
        then(error).hasMessage(shouldHaveResourceQuantity(ResourceRef.of(web),
                "spec.template.spec.containers[1].resources.limits.memory", "512Mi", null).create());
    }

    @Test
    void should_throw_if_expected_is_not_a_quantity() {
        thenIllegalArgumentException().isThrownBy(() -> assertThat(web()).container("web").hasMemoryLimit("lots"))
                .withMessage("memory limit must be a Kubernetes quantity such as 250m or 1Gi but was: \"lots\"");
    }
}
