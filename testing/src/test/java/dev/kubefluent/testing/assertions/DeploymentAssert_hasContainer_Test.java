package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldHaveContainer.shouldHaveContainer;
import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenIllegalArgumentException;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentAssert_hasContainer_Test {

    @Test
    void should_pass_if_pod_template_has_the_container() {
        // GIVEN
        Deployment web = web();
        // WHEN
        DeploymentAssert result = assertThat(web).hasContainer("web").hasContainer("proxy");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_pod_template_lacks_the_container() {
        // GIVEN
        Deployment web = web();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).hasContainer("worker"));
        // THEN
        then(error).hasMessage(shouldHaveContainer(ResourceRef.of(web), "spec.template.spec.containers", "worker",
                List.of("web", "proxy")).create());
    }

    @Test
    void should_fail_if_there_is_no_pod_template() {
        // GIVEN
        Deployment web = web();
        web.getSpec().setTemplate(null);
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).hasContainer("web"));
        // THEN
        then(error).hasMessage(shouldHaveContainer(ResourceRef.of(web), "spec.template.spec.containers", "web",
                List.of()).create());
    }

    @Test
    void should_throw_if_name_is_null() {
        thenIllegalArgumentException().isThrownBy(() -> assertThat(web()).hasContainer(null))
                .withMessage("container name must not be null");
    }
}
