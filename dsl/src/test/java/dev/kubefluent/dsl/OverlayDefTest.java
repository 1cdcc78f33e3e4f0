package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubefluent.core.KubefluentException;
import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Environment overlays on a ManifestSet: a new set and an exact report of what changed (issue #8). */
class OverlayDefTest {

    private static final String PASSWORD = "s3cr3t-Pa55word";
    private static final Secret DB = secret("db").namespace("shop").stringData("password", PASSWORD).build();
    private static final Deployment API = deployment("api").namespace("shop").replicas(2)
            .container(container("api").image("ghcr.io/acme/api:1.4.2").port("http", 8080)
                    .env("LOG_LEVEL", "info").env("DB_PASSWORD", secretKey(DB, "password")))
            .initContainer(container("migrate").image("ghcr.io/acme/migrate:1.4.2"))
            .build();
    private static final CronJob REPORT = cronJob("report").schedule("0 3 * * *").namespace("shop")
            .container(container("report").image("ghcr.io/acme/report:1.0")).build();
    private static final ManifestSet BASE = app("web").namespace("shop").image("ghcr.io/acme/web:1.4.2")
            .port("http", 8080).requests(cpu("100m")).autoscale(2, 10, cpuUtilization(70)).build()
            .with(API, DB, REPORT);

    @Test
    void returns_a_new_set_and_reports_exactly_what_it_changed() {
        OverlayDef prod = overlay("prod")
                .replicas("api", 5)
                .image("web", "web", "ghcr.io/acme/web:1.5.0")
                .image("api", "migrate", "ghcr.io/acme/migrate:1.5.0")
                .image("report", "report", "ghcr.io/acme/report:1.1")
                .env("api", "api", "LOG_LEVEL", "warn")
                .env("api", "api", "REGION", "eu-west-1")
                .autoscale("web", 3, 20);
        ManifestSet prodSet = prod.applyTo(BASE);

        assertThat(prod.changesTo(BASE)).extracting(OverlayChange::toString).containsExactly(
                "Deployment shop/api spec.replicas: 2 -> 5",
                "Deployment shop/web spec.template.spec.containers[0].image: ghcr.io/acme/web:1.4.2 -> ghcr.io/acme/web:1.5.0",
                "Deployment shop/api spec.template.spec.initContainers[0].image: ghcr.io/acme/migrate:1.4.2"
                        + " -> ghcr.io/acme/migrate:1.5.0",
                "CronJob shop/report spec.jobTemplate.spec.template.spec.containers[0].image: ghcr.io/acme/report:1.0"
                        + " -> ghcr.io/acme/report:1.1",
                "Deployment shop/api spec.template.spec.containers[0].env[0]: LOG_LEVEL=info -> LOG_LEVEL=warn",
                "Deployment shop/api spec.template.spec.containers[0].env[2]: <unset> -> REGION=eu-west-1",
                "HorizontalPodAutoscaler shop/web spec.minReplicas: 2 -> 3",
                "HorizontalPodAutoscaler shop/web spec.maxReplicas: 10 -> 20");
        assertThat(prod.changesTo(BASE).get(0)).isEqualTo(new OverlayChange(
                ResourceRef.of("Deployment", "shop", "api"), "spec.replicas", "2", "5"));

        Deployment api = prodSet.find(Deployment.class, "shop", "api").orElseThrow();
        assertThat(api.getSpec().getReplicas()).isEqualTo(5);
        assertThat(api.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .extracting(e -> e.getName() + "=" + e.getValue())
                .containsExactly("LOG_LEVEL=warn", "DB_PASSWORD=null", "REGION=eu-west-1");
        assertThat(prodSet.find(HorizontalPodAutoscaler.class, "shop", "web").orElseThrow().getSpec().getMaxReplicas())
                .isEqualTo(20);
        assertThat(prodSet.toYaml()).contains("image: ghcr.io/acme/web:1.5.0").doesNotContain("web:1.4.2");
        assertThat(prodSet.refs()).isEqualTo(BASE.refs());

        assertThat(BASE.find(Deployment.class, "shop", "api").orElseThrow().getSpec().getReplicas())
                .as("the base set is unchanged").isEqualTo(2);
        assertThat(BASE.toYaml()).contains("image: ghcr.io/acme/web:1.4.2");
        assertThat(prod.applyTo(prodSet)).isEqualTo(prodSet);
        assertThat(prod.changesTo(prodSet)).as("applying it again changes nothing").isEmpty();
    }

    @Test
    void labels_every_resource_and_never_reports_a_secret_value() {
        OverlayDef prod = overlay("prod").label("environment", "prod").annotation("example.com/owner", "team-a")
                .env("api", "api", "DB_PASSWORD", "plain");
        List<OverlayChange> changes = prod.changesTo(BASE);
        assertThat(changes).filteredOn(c -> c.path().equals("metadata.labels.environment")).hasSize(BASE.size());
        assertThat(changes).filteredOn(c -> c.path().startsWith("metadata.annotations")).hasSize(BASE.size());
        assertThat(changes).extracting(OverlayChange::toString)
                .contains("Secret shop/db metadata.labels.environment: <unset> -> prod")
                .contains("Deployment shop/api spec.template.spec.containers[0].env[1]: DB_PASSWORD from secretKeyRef"
                        + " db/password -> DB_PASSWORD=plain");
        assertThat(changes.toString()).doesNotContain(PASSWORD)
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(PASSWORD.getBytes()));
        ManifestSet prodSet = prod.applyTo(BASE);
        assertThat(prodSet.find(Secret.class, "shop", "db").orElseThrow().getMetadata().getLabels())
                .containsEntry("environment", "prod");
        assertThat(prodSet.find(Secret.class, "shop", "db").orElseThrow().getData())
                .isEqualTo(DB.getData());
        assertThat(prod.toString()).isEqualTo("OverlayDef[prod: label(environment, prod), annotation(example.com/owner),"
                + " env(api, api, DB_PASSWORD)]");
    }

    @Test
    void naming_what_the_set_does_not_have_fails_with_the_name() {
        assertThatThrownBy(() -> overlay("prod").replicas("wbe", 5).applyTo(BASE))
                .isInstanceOf(KubefluentException.class)
                .hasMessage("overlay \"prod\": no workload named \"wbe\" in the set (workloads: Deployment shop/api,"
                        + " Deployment shop/web, CronJob shop/report)");
        assertThatThrownBy(() -> overlay("prod").image("api", "apii", "nginx:1.27").changesTo(BASE))
                .isInstanceOf(KubefluentException.class)
                .hasMessage("overlay \"prod\": Deployment shop/api has no container named \"apii\" (containers: api,"
                        + " migrate)");
        assertThatThrownBy(() -> overlay("prod").replicas("web", 5).applyTo(BASE))
                .isInstanceOf(KubefluentException.class)
                .hasMessage("overlay \"prod\": Deployment shop/web is scaled by HorizontalPodAutoscaler shop/web, so"
                        + " replicas(\"web\", ..) would fight it; change its bounds with autoscale(\"web\", min, max)");
        assertThatThrownBy(() -> overlay("prod").autoscale("api", 2, 4).applyTo(BASE))
                .isInstanceOf(KubefluentException.class)
                .hasMessage("overlay \"prod\": autoscale(\"api\", ..) needs a HorizontalPodAutoscaler for Deployment"
                        + " shop/api but the set has none");
        assertThatThrownBy(() -> overlay("prod").replicas("report", 2).applyTo(BASE))
                .isInstanceOf(KubefluentException.class)
                .hasMessage("overlay \"prod\": replicas(\"report\", ..) needs a Deployment, StatefulSet or ReplicaSet"
                        + " but was: CronJob shop/report");
    }

    @Test
    void bad_arguments_fail_at_once() {
        assertThatThrownBy(() -> overlay("prod").image("web", "web", "not an image"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("image must be an image reference");
        assertThatThrownBy(() -> overlay("prod").replicas("web", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replicas must not be negative but was: -1");
        assertThatThrownBy(() -> overlay("prod").autoscale("web", 5, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxReplicas must be at least minReplicas (5) but was: 2");
        assertThatThrownBy(() -> overlay(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overlay name must not be blank but was: \" \"");
        assertThatThrownBy(() -> overlay("prod").applyTo(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set must not be null");
    }

    @Test
    void overlays_are_immutable_and_an_empty_one_changes_nothing() {
        OverlayDef base = overlay("staging").label("environment", "staging");
        OverlayDef more = base.replicas("api", 3);
        assertThat(base.changesTo(BASE)).noneMatch(c -> c.path().equals("spec.replicas"));
        assertThat(more.changesTo(BASE)).anyMatch(c -> c.path().equals("spec.replicas"));
        assertThat(overlay("none").applyTo(BASE)).isSameAs(BASE);
    }
}
