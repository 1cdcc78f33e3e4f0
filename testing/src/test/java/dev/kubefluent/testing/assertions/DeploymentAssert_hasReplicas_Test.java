package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldHaveReplicas.shouldHaveReplicas;
import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenIllegalArgumentException;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class DeploymentAssert_hasReplicas_Test {

    @Test
    void should_pass_if_replicas_match() {
        // GIVEN
        Deployment web = web();
        // WHEN
        DeploymentAssert result = assertThat(web).hasReplicas(3);
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_replicas_differ() {
        // GIVEN
        Deployment web = web();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).hasReplicas(2));
        // THEN
        then(error).hasMessage(shouldHaveReplicas(ResourceRef.of(web), "spec.replicas", 2, 3).create());
    }

    @Test
    void should_count_unset_replicas_as_one() {
        // GIVEN
        Deployment web = web();
        web.getSpec().setReplicas(null);
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).hasReplicas(3));
        // THEN
        assertThat(web).hasReplicas(1);
        then(error).hasMessage(shouldHaveReplicas(ResourceRef.of(web), "spec.replicas", 3, null).create());
    }

    @Test
    void should_fail_if_actual_is_null() {
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat((Deployment) null).hasReplicas(3));
        // THEN
        then(error).hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void should_throw_if_expected_is_negative() {
        thenIllegalArgumentException().isThrownBy(() -> assertThat(web()).hasReplicas(-1))
                .withMessage("expected replicas must not be negative but was: -1");
    }
}
