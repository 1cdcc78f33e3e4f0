package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.svc;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldRoutePort.shouldRoutePort;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceAssert_routesPort_Test {

    @Test
    void should_pass_if_port_targets_the_named_port() {
        // GIVEN
        Service svc = svc();
        // WHEN
        ServiceAssert result = assertThat(svc).routesPort(80, "http");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_count_an_unset_target_port_as_the_port() {
        // GIVEN
        Service svc = svc();
        // WHEN
        ServiceAssert result = assertThat(svc).routesPort(9090, 9090);
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_port_targets_another_port() {
        // GIVEN
        Service svc = svc();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(svc).routesPort(80, 8080));
        // THEN
        then(error).hasMessage(shouldRoutePort(ResourceRef.of(svc), "spec.ports", "80 -> 8080",
                List.of("80 -> http", "9090 -> 9090")).create());
    }

    @Test
    void should_fail_if_there_is_no_such_port() {
        // GIVEN
        Service svc = svc();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(svc).routesPort(443, "https"));
        // THEN
        then(error).hasMessage(shouldRoutePort(ResourceRef.of(svc), "spec.ports", "443 -> https",
                List.of("80 -> http", "9090 -> 9090")).create());
    }
}
