package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.svc;
import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldBeValid.shouldBeValid;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ManifestSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class ManifestSetAssert_isValid_Test {

    @Test
    void should_pass_if_the_set_has_no_validation_error() {
        // GIVEN
        ManifestSet set = ManifestSet.of(web(), svc());
        // WHEN
        ManifestSetAssert result = assertThat(set).isValid();
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_with_every_error_of_the_set() {
        // GIVEN
        Deployment web = web();
        web.getSpec().setReplicas(-1);
        web.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).setContainerPort(70000);
        ManifestSet set = ManifestSet.of(web, svc());
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(set).isValid());
        // THEN
        then(set.validationReport().errors()).hasSizeGreaterThanOrEqualTo(2);
        then(error).hasMessage(shouldBeValid("ManifestSet [Service \"web\", Deployment \"web\"]",
                set.validationReport().errors()).create());
        then(error).hasMessageContaining("spec.replicas").hasMessageContaining("70000");
    }
}
