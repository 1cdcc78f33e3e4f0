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

class ManifestSetAssert_containsService_Test {

    @Test
    void should_pass_if_the_set_holds_the_service() {
        // GIVEN
        ManifestSet set = ManifestSet.of(web(), svc());
        // WHEN
        ManifestSetAssert result = assertThat(set).containsService("web");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_the_set_holds_only_a_deployment_of_that_name() {
        // GIVEN
        ManifestSet set = ManifestSet.of(web());
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(set).containsService("web"));
        // THEN
        then(error).hasMessage(shouldContainResource(ResourceRef.of("Service", null, "web"),
                List.of(ResourceRef.of("Deployment", "shop", "web"))).create());
    }
}
