package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.pod;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldHaveContainer.shouldHaveContainer;
import static dev.kubefluent.testing.assertions.error.ShouldHaveImage.shouldHaveImage;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodAssert_container_Test {

    @Test
    void should_navigate_to_the_container_of_the_pod_spec() {
        // GIVEN
        Pod pod = pod();
        // WHEN
        ContainerAssert result = assertThat(pod).container("web").hasImage("ghcr.io/acme/web:1.4.2");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_name_the_pod_and_the_field_path_in_container_failures() {
        // GIVEN
        Pod pod = pod();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(pod).container("web").hasImage("nginx:1.27"));
        // THEN
        then(error).hasMessage(shouldHaveImage(ResourceRef.of(pod), "spec.containers[0].image", "nginx:1.27",
                "ghcr.io/acme/web:1.4.2").create());
    }

    @Test
    void should_fail_if_the_pod_lacks_the_container() {
        // GIVEN
        Pod pod = pod();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(pod).container("proxy"));
        // THEN
        then(error).hasMessage(shouldHaveContainer(ResourceRef.of(pod), "spec.containers", "proxy", List.of("web"))
                .create());
    }
}
