package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.core.ManifestSet;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Traffic, isolation, apps and environments" example, verbatim; if it stops compiling, the README is wrong. */
class ReadmeTrafficTest {

    private final String certificatePem = "-----BEGIN CERTIFICATE-----\nMIIB\n";
    private final String privateKeyPem = "-----BEGIN PRIVATE KEY-----\nMIIE\n";

    @Test
    void app_ingress_network_policies_and_an_overlay() throws Exception {
        ManifestSet shop = app("web").namespace("shop")
            .image("ghcr.io/acme/web:1.4.2")
            .port("http", 8080)
            .requests(cpu("250m"), memory("256Mi"))
            .autoscale(2, 10, cpuUtilization(70))                  // the Deployment then omits replicas
            .disruptionBudget(maxUnavailable(1))
            .config(configMap("web-config").data("LOG_LEVEL", "info"))
            .build();                                              // ServiceAccount, ConfigMap, Service, Deployment, HPA, PDB
        Deployment web = shop.find(Deployment.class, "shop", "web").orElseThrow();
        Service webService = shop.find(Service.class, "shop", "web").orElseThrow();
        Secret tls = secret("shop-tls").namespace("shop").tls(certificatePem, privateKeyPem).build();
        Ingress ingress = ingress("shop").ingressClassName("nginx")
            .rule("shop.example.com", path("/").to(webService, "http"))   // a port the Service lacks fails build()
            .tls(tls, "shop.example.com")                                  // must be a kubernetes.io/tls Secret
            .build();
        NetworkPolicy isolation = networkPolicy("web").isolate(web)
            .allowIngress(namespaceNamed("ingress-nginx"), tcp("http"))
            .build();
        NetworkPolicy deny = networkPolicy("default-deny").namespace("shop").defaultDeny().build();   // podSelector: {}
        ManifestSet base = shop.with(tls, ingress, isolation, deny);

        OverlayDef prod = overlay("prod")
            .image("web", "web", "ghcr.io/acme/web:1.5.0")
            .autoscale("web", 3, 20)
            .label("environment", "prod");
        ManifestSet prodSet = prod.applyTo(base);                  // base is unchanged
        List<OverlayChange> changes = prod.changesTo(base);        // Deployment shop/web spec.template.spec.containers[0].image: ... -> ...

        assertThat(shop.size()).isEqualTo(6);
        assertThat(web.getSpec().getReplicas()).isNull();
        assertThat(base.validate().errors()).isEmpty();
        assertThat(prodSet.validate().errors()).isEmpty();
        assertThat(base.toYaml()).contains("  podSelector: {}\n");
        assertThat(changes).extracting(OverlayChange::toString).startsWith(
                "Deployment shop/web spec.template.spec.containers[0].image: ghcr.io/acme/web:1.4.2 -> ghcr.io/acme/web:1.5.0",
                "HorizontalPodAutoscaler shop/web spec.minReplicas: 2 -> 3",
                "HorizontalPodAutoscaler shop/web spec.maxReplicas: 10 -> 20");
        assertThat(changes).hasSize(3 + base.size());
        assertThat(changes.toString()).doesNotContain("MIIE");

        Path readme = Path.of("../README.md");
        String text = Files.readString(readme);
        String source = Files.readString(Path.of("src/test/java/dev/kubefluent/dsl/ReadmeTrafficTest.java"));
        int start = text.indexOf("ManifestSet shop = app(\"web\")");
        int end = text.indexOf("```", start);
        for (String line : text.substring(start, end).strip().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            assertThat(source).as("README line compiled here").contains("        " + line + "\n");
        }
    }
}
