package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.core.ManifestSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quick-start example of the README (issue #2), verbatim; if it stops compiling, the README is wrong. */
class ReadmeQuickStartTest {

    @Test
    void quick_start_builds_the_deployment_service_and_pod() {
        Deployment web = deployment("web")
            .namespace("shop")
            .replicas(3)
            .container(container("web")
                .image("ghcr.io/acme/web:1.4.2")
                .port("http", 8080)
                .env("LOG_LEVEL", "info")
                .requests(cpu("250m"), memory("256Mi"))
                .limits(cpu("1"), memory("512Mi"))
                .readinessProbe(httpGet("/ready", "http"))
                .livenessProbe(tcpSocket("http")))
            .rollingUpdate(maxSurge("25%"), maxUnavailable(0))
            .build();
        Service svc = service("web").namespace("shop").selecting(web).port(80, "http").build();
        Pod once = pod("migrate").namespace("shop")
            .container(container("migrate").image("ghcr.io/acme/migrate:1.4.2").command("./migrate", "--all"))
            .restartPolicy(RestartPolicy.NEVER)
            .build();
        ManifestSet set = ManifestSet.of(web, svc, once);      // dev.kubefluent.core.ManifestSet; RestartPolicy is dev.kubefluent.dsl.RestartPolicy
        String yaml = set.toYaml();
        ManifestSet back = ManifestSet.parseYaml(yaml);        // equal resources
        List<HasMetadata> all = back.resources();             // in apply order

        assertThat(back).isEqualTo(set);

        assertThat(all).containsExactly(svc, once, web);
        assertThat(yaml).startsWith("---\napiVersion: v1\nkind: Service\n").endsWith("\n")
                .contains("  selector:\n    app.kubernetes.io/name: web\n")
                .contains("      restartPolicy: Never\n".substring(4))
                .contains("        image: ghcr.io/acme/web:1.4.2\n");

        assertThat(web.getApiVersion()).isEqualTo("apps/v1");
        assertThat(web.getKind()).isEqualTo("Deployment");
        assertThat(web.getMetadata().getName()).isEqualTo("web");
        assertThat(web.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(web.getSpec().getReplicas()).isEqualTo(3);
        assertThat(web.getSpec().getSelector().getMatchLabels()).containsExactly(Map.entry("app.kubernetes.io/name", "web"));
        assertThat(web.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/name", "web")
                .containsEntry("app.kubernetes.io/managed-by", "kubefluent");
        assertThat(web.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(web.getSpec().getStrategy().getRollingUpdate().getMaxSurge()).isEqualTo(new IntOrString("25%"));
        assertThat(web.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable()).isEqualTo(new IntOrString(0));
        var c = web.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getName()).isEqualTo("web");
        assertThat(c.getImage()).isEqualTo("ghcr.io/acme/web:1.4.2");
        assertThat(c.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(8080);
        });
        assertThat(c.getEnv()).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("LOG_LEVEL");
            assertThat(e.getValue()).isEqualTo("info");
        });
        assertThat(c.getResources().getRequests())
                .containsEntry("cpu", new Quantity("250m")).containsEntry("memory", new Quantity("256Mi"));
        assertThat(c.getResources().getLimits())
                .containsEntry("cpu", new Quantity("1")).containsEntry("memory", new Quantity("512Mi"));
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
        assertThat(c.getReadinessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
        assertThat(c.getLivenessProbe().getTcpSocket().getPort()).isEqualTo(new IntOrString("http"));

        assertThat(svc.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(svc.getSpec().getSelector()).containsExactly(Map.entry("app.kubernetes.io/name", "web"));
        assertThat(svc.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getPort()).isEqualTo(80);
            assertThat(p.getTargetPort()).isEqualTo(new IntOrString("http"));
        });

        assertThat(once.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(once.getSpec().getContainers().get(0).getCommand()).containsExactly("./migrate", "--all");
    }
}
