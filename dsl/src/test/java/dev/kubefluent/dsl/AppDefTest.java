package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

/** app("web"): Deployment + Service + ServiceAccount (+ HPA, PDB, ConfigMap) wired together (issue #8). */
class AppDefTest {

    static AppDef web() {
        return app("web").namespace("shop")
                .image("ghcr.io/acme/web:1.4.2")
                .port("http", 8080)
                .requests(cpu("250m"), memory("256Mi"))
                .readinessProbe(httpGet("/ready", "http"));
    }

    @Test
    void yields_a_deployment_a_service_and_a_service_account_wired_together() {
        ManifestSet set = web().replicas(3).build();
        assertThat(set.refs()).containsExactly(ResourceRef.of("ServiceAccount", "shop", "web"),
                ResourceRef.of("Service", "shop", "web"), ResourceRef.of("Deployment", "shop", "web"));
        Deployment d = set.find(Deployment.class, "shop", "web").orElseThrow();
        Service s = set.find(Service.class, "shop", "web").orElseThrow();
        assertThat(d.getSpec().getReplicas()).isEqualTo(3);
        assertThat(d.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("web");
        var c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getName()).isEqualTo("web");
        assertThat(c.getImage()).isEqualTo("ghcr.io/acme/web:1.4.2");
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
        assertThat(s.getSpec().getSelector()).isEqualTo(d.getSpec().getSelector().getMatchLabels());
        assertThat(set.toYaml()).contains("""
                kind: Service
                metadata:
                  name: web
                  namespace: shop
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: web
                spec:
                  ports:
                  - name: http
                    port: 8080
                    targetPort: http
                  selector:
                    app.kubernetes.io/name: web
                """);
        assertThat(set.validate().violations()).isEmpty();
    }

    @Test
    void autoscaled_apps_leave_replicas_to_the_autoscaler_and_get_a_budget_and_config() {
        ManifestSet set = web().replicas(3)
                .autoscale(2, 10, cpuUtilization(70), podsMetric("http_requests_per_second", "100"))
                .disruptionBudget(maxUnavailable(1))
                .config(configMap("web-config").data("LOG_LEVEL", "info"))
                .label("app.kubernetes.io/part-of", "shop")
                .build();
        assertThat(set.refs()).extracting(ResourceRef::kind).containsExactly("PodDisruptionBudget", "ServiceAccount",
                "ConfigMap", "Service", "Deployment", "HorizontalPodAutoscaler");
        Deployment d = set.find(Deployment.class, "shop", "web").orElseThrow();
        assertThat(d.getSpec().getReplicas()).as("the autoscaler owns the count").isNull();
        assertThat(set.toYaml()).doesNotContain("replicas: 3");
        HorizontalPodAutoscaler hpa = set.find(HorizontalPodAutoscaler.class, "shop", "web").orElseThrow();
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("web");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
        assertThat(hpa.getSpec().getMetrics()).extracting(m -> m.getType()).containsExactly("Resource", "Pods");
        PodDisruptionBudget pdb = set.find(PodDisruptionBudget.class, "shop", "web").orElseThrow();
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(d.getSpec().getSelector().getMatchLabels());
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        ConfigMap cm = set.find(ConfigMap.class, "shop", "web-config").orElseThrow();
        assertThat(cm.getData()).containsExactly(entry("LOG_LEVEL", "info"));
        var c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getEnvFrom()).singleElement()
                .satisfies(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo("web-config"));
        assertThat(set.resources()).allSatisfy(r -> assertThat(r.getMetadata().getLabels())
                .contains(entry("app.kubernetes.io/part-of", "shop")));
        assertThat(set.validate().errors()).isEmpty();
    }

    @Test
    void config_can_be_mounted_and_budgets_can_be_min_available_and_ports_renumbered() {
        ManifestSet set = web().config(configMap("web-config").data("app.properties", "a=1"), "/etc/web")
                .disruptionBudget(minAvailable("50%"))
                .port("metrics", 9090).servicePort("http", 80)
                .build();
        Deployment d = set.find(Deployment.class, "shop", "web").orElseThrow();
        var pod = d.getSpec().getTemplate().getSpec();
        assertThat(pod.getVolumes()).singleElement().satisfies(v -> {
            assertThat(v.getName()).isEqualTo("config");
            assertThat(v.getConfigMap().getName()).isEqualTo("web-config");
        });
        assertThat(pod.getContainers().get(0).getVolumeMounts()).singleElement().satisfies(m -> {
            assertThat(m.getMountPath()).isEqualTo("/etc/web");
            assertThat(m.getReadOnly()).isTrue();
        });
        assertThat(pod.getContainers().get(0).getEnvFrom()).isEmpty();
        assertThat(set.find(PodDisruptionBudget.class, "shop", "web").orElseThrow().getSpec().getMinAvailable()
                .getStrVal()).isEqualTo("50%");
        Service s = set.find(Service.class, "shop", "web").orElseThrow();
        assertThat(s.getSpec().getPorts()).extracting(p -> p.getName() + ":" + p.getPort() + "->" + p.getTargetPort()
                .getStrVal()).containsExactly("http:80->http", "metrics:9090->metrics");
    }

    @Test
    void escape_hatches_edit_each_part_before_it_is_built() {
        ManifestSet set = web()
                .customizeContainer(c -> c.args("--verbose"))
                .customizeDeployment(d -> d.podAnnotation("prometheus.io/scrape", "true"))
                .customizeService(s -> s.type(ServiceType.LOAD_BALANCER))
                .build();
        Deployment d = set.find(Deployment.class, "shop", "web").orElseThrow();
        assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).containsExactly("--verbose");
        assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/scrape", "true");
        assertThat(set.find(Service.class, "shop", "web").orElseThrow().getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(set.find(ServiceAccount.class, "shop", "web")).isPresent();
    }

    @Test
    void broken_wiring_from_an_escape_hatch_fails_the_build() {
        AppDef wrongAccount = web().customizeDeployment(d -> d.serviceAccountName("someone-else"));
        assertThatThrownBy(wrongAccount::build)
                .isInstanceOf(dev.kubefluent.core.validate.ManifestValidationException.class)
                .hasMessageContaining("Deployment \"web\": spec.template.spec.serviceAccountName");
    }

    @Test
    void missing_parts_and_bad_arguments_fail_clearly() {
        assertThatThrownBy(() -> app("web").port("http", 8080).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("app \"web\" needs an image: call image(..) before build()");
        assertThatThrownBy(() -> app("web").image("nginx:1.27").build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("app \"web\" needs at least one port(name, containerPort) for its Service");
        assertThatThrownBy(() -> web().servicePort("https", 443).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("app \"web\": servicePort must name a port declared with port(..) [http] but was:"
                        + " \"https\"");
        assertThatThrownBy(() -> app("1web")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("app name must be a DNS-1035 label");
        assertThatThrownBy(() -> web().port("http", 70000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> web().env("BAD=NAME", "x").build())
                .isInstanceOf(dev.kubefluent.core.validate.ManifestValidationException.class)
                .hasMessageContaining("Deployment \"web\": spec.template.spec.containers[0].env[0].name")
                .hasMessageContaining("\"BAD=NAME\"");
        assertThatThrownBy(() -> web().autoscale(3, 2, cpuUtilization(50))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxReplicas must be at least minReplicas (3) but was: 2");
        assertThatThrownBy(() -> web().autoscale(1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metrics must not be empty (e.g. cpuUtilization(70))");
        assertThatThrownBy(() -> cpuUtilization(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cpu utilization must be at least 1 (percent of the request) but was: 0");
        assertThatThrownBy(() -> minAvailable(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minAvailable must not be negative but was: -1");
    }

    @Test
    void builders_are_reusable_bases() {
        AppDef base = web();
        ManifestSet scaled = base.autoscale(2, 4, memoryUtilization(80)).build();
        ManifestSet plain = base.build();
        assertThat(scaled.size()).isEqualTo(4);
        assertThat(plain.size()).isEqualTo(3);
        assertThat(base.build()).isEqualTo(plain);
        assertThat(cpuUtilization(70)).hasToString("cpu 70%");
        ManifestSet noNamespace = app("worker").image("ghcr.io/acme/worker:1").port("metrics", 9090).build();
        assertThat(noNamespace.refs()).extracting(ResourceRef::namespace).containsOnlyNulls();
        assertThat(noNamespace.validate().errors()).isEmpty();
    }
}
