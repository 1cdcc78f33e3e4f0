package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldExposePort.shouldExposePort;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerAssert_exposesPort_Test {

    @Test
    void should_pass_if_named_port_is_exposed() {
        // GIVEN
        Deployment web = web();
        // WHEN
        ContainerAssert result = assertThat(web).container("web").exposesPort("http", 8080).exposesPort(8080);
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_port_number_differs() {
        // GIVEN
        Deployment web = web();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).container("web").exposesPort("http", 9090));
        // THEN
        then(error).hasMessage(shouldExposePort(ResourceRef.of(web), "spec.template.spec.containers[0].ports",
                "http:9090", List.of("http:8080")).create());
    }

    @Test
    void should_fail_if_port_number_is_not_exposed() {
        // GIVEN
        Deployment web = web();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).container("proxy").exposesPort(9901));
        // THEN
        then(error).hasMessage(shouldExposePort(ResourceRef.of(web), "spec.template.spec.containers[1].ports",
                "9901", List.of()).create());
    }
}
