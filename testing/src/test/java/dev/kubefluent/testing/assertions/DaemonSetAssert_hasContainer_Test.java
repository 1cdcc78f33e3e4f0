package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.agent;
import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldHaveContainer.shouldHaveContainer;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonSetAssert_hasContainer_Test {

    @Test
    void should_pass_if_pod_template_has_the_container() {
        // GIVEN
        DaemonSet agent = agent();
        // WHEN
        DaemonSetAssert result = assertThat(agent).hasContainer("agent");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_pod_template_lacks_the_container() {
        // GIVEN
        DaemonSet agent = agent();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(agent).hasContainer("web"));
        // THEN
        then(error).hasMessage(shouldHaveContainer(ResourceRef.of(agent), "spec.template.spec.containers", "web",
                List.of("agent")).create());
    }
}
