package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.svc;
import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldContainResource.shouldContainResource;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestSetAssert_containsDeployment_Test {

    @Test
    void should_pass_if_the_set_holds_the_deployment() {
        // GIVEN
        ManifestSet set = ManifestSet.of(web(), svc());
        // WHEN
        ManifestSetAssert result = assertThat(set).containsDeployment("web");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_the_set_holds_only_a_service_of_that_name() {
        // GIVEN
        ManifestSet set = ManifestSet.of(svc());
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(set).containsDeployment("web"));
        // THEN
        then(error).hasMessage(shouldContainResource(ResourceRef.of("Deployment", null, "web"),
                List.of(ResourceRef.of("Service", "shop", "web"))).create());
    }
}
