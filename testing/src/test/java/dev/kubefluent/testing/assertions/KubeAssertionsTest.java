package dev.kubefluent.testing.assertions;

import static dev.kubefluent.dsl.Kube.container;
import static dev.kubefluent.dsl.Kube.cpu;
import static dev.kubefluent.dsl.Kube.deployment;
import static dev.kubefluent.dsl.Kube.httpGet;
import static dev.kubefluent.dsl.Kube.memory;
import static dev.kubefluent.dsl.Kube.service;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static org.assertj.core.api.BDDAssertions.thenThrownBy;

import dev.kubefluent.core.ManifestSet;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("KubeAssertions")
class KubeAssertionsTest {

    private final Deployment web = deployment("web")
            .namespace("shop")
            .replicas(3)
            .container(container("web")
                    .image("ghcr.io/acme/web:1.4.2")
                    .port("http", 8080)
                    .requests(cpu("250m"), memory("256Mi"))
                    .readinessProbe(httpGet("/ready", "http")))
            .build();
    private final Service svc = service("web").namespace("shop").selecting(web).port(80, "http").build();
    private final ManifestSet set = ManifestSet.of(web, svc);

    @Test
    @DisplayName("reads like the specification of manifests built with the DSL (issue #7)")
    void issue_example_passes_on_dsl_manifests() {
        assertThat(web).hasReplicas(3).hasContainer("web").hasLabel("app.kubernetes.io/name", "web");
        assertThat(web).container("web").hasImage("ghcr.io/acme/web:1.4.2").exposesPort("http", 8080)
                       .hasReadinessProbe().hasCpuRequest("250m");
        assertThat(svc).selects(web).routesPort(80, "http");
        assertThat(set).isValid().containsDeployment("web");
        assertThat(set).matchesSnapshot("shop");
    }

    @Test
    @DisplayName("cannot be instantiated")
    void no_instances() {
        thenThrownBy(KubeAssertions::new).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("KubeAssertions is a static entry point; use assertThat(...)");
    }
}
