package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldHaveProbe.shouldHaveProbe;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class ContainerAssert_hasLivenessProbe_Test {

    @Test
    void should_pass_if_the_probe_is_set() {
        // GIVEN
        Deployment web = web();
        web.getSpec().getTemplate().getSpec().getContainers().get(0).setLivenessProbe(new Probe());
        // WHEN
        ContainerAssert result = assertThat(web).container("web").hasLivenessProbe();
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_the_probe_is_not_set() {
        // GIVEN
        Deployment web = web();
        web.getSpec().getTemplate().getSpec().getContainers().get(0).setLivenessProbe(null);
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).container("web").hasLivenessProbe());
        // THEN
        then(error).hasMessage(shouldHaveProbe(ResourceRef.of(web), "spec.template.spec.containers[0].livenessProbe")
                .create());
    }
}
