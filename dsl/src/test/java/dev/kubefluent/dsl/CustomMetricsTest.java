package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.validate.ManifestValidationException;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;

/** autoscaling/v2 Object and External metric sources: {@code objectMetric(..)} and {@code externalMetric(..)} (#8). */
class CustomMetricsTest {

    private static final Deployment WEB = deployment("web").namespace("shop").replicasOwnedByAutoscaler()
            .container(container("web").image("ghcr.io/acme/web:1").port("http", 8080)).build();
    private static final Service SVC = service("web").selecting(WEB).port(80, "http").build();
    private static final Ingress MAIN = ingress("main").rule("shop.example.com", path("/").to(SVC, "http")).build();

    @Test
    void object_metric_describes_a_built_object_with_a_value_target() {
        HorizontalPodAutoscaler hpa = horizontalPodAutoscaler(WEB, 2, 20)
                .metric(objectMetric(MAIN, "requests-per-second", "2k")).build();
        MetricSpec m = hpa.getSpec().getMetrics().get(0);
        assertThat(m.getType()).isEqualTo("Object");
        assertThat(m.getObject().getDescribedObject().getApiVersion()).isEqualTo("networking.k8s.io/v1");
        assertThat(m.getObject().getDescribedObject().getKind()).isEqualTo("Ingress");
        assertThat(m.getObject().getDescribedObject().getName()).isEqualTo("main");
        assertThat(m.getObject().getMetric().getName()).isEqualTo("requests-per-second");
        assertThat(m.getObject().getMetric().getSelector()).isNull();
        assertThat(m.getObject().getTarget().getType()).isEqualTo("Value");
        assertThat(m.getObject().getTarget().getValue()).isEqualTo(new Quantity("2k"));
        assertThat(m.getObject().getTarget().getAverageValue()).isNull();
        assertThat(ManifestSet.of(WEB, SVC, MAIN, hpa).validationReport().errors()).isEmpty();
    }

    @Test
    void external_metric_renders_with_an_average_target_and_a_selector() {
        HorizontalPodAutoscaler hpa = horizontalPodAutoscaler(WEB, 1, 30)
                .metric(externalMetric("queue_messages_ready", "30").averagePerPod().matching("queue", "orders"))
                .metric(objectMetric(MAIN, "requests-per-second", "500").averagePerPod())
                .build();
        assertThat(ManifestSet.of(hpa).toYaml()).isEqualTo("""
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                  namespace: shop
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: web
                spec:
                  maxReplicas: 30
                  metrics:
                  - external:
                      metric:
                        name: queue_messages_ready
                        selector:
                          matchLabels:
                            queue: orders
                      target:
                        averageValue: "30"
                        type: AverageValue
                    type: External
                  - object:
                      describedObject:
                        apiVersion: networking.k8s.io/v1
                        kind: Ingress
                        name: main
                      metric:
                        name: requests-per-second
                      target:
                        averageValue: "500"
                        type: AverageValue
                    type: Object
                  minReplicas: 1
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: web
                """);
    }

    @Test
    void metrics_are_values_that_print_what_they_scale_on() {
        assertThat(externalMetric("queue_messages_ready", "30").averagePerPod().matching("queue", "orders"))
                .hasToString("queue_messages_ready{queue=orders} 30/pod (external)");
        assertThat(objectMetric(MAIN, "requests-per-second", "2k"))
                .hasToString("requests-per-second 2k on Ingress \"main\"");
        assertThat(podsMetric("http_requests_per_second", "100")).hasToString("http_requests_per_second 100/pod");
        assertThat(cpuUtilization(70)).hasToString("cpu 70%");
        ScalingMetric base = externalMetric("lag", "100");
        assertThat(base.averagePerPod()).as("a new metric").isNotSameAs(base);
        assertThat(base).hasToString("lag 100 (external)");
    }

    @Test
    void app_autoscaling_takes_them_too() {
        ManifestSet set = app("worker").namespace("jobs").image("ghcr.io/acme/worker:1").port("http", 8080)
                .autoscale(1, 30, externalMetric("queue_messages_ready", "30").averagePerPod())
                .build();
        HorizontalPodAutoscaler hpa = set.resources(HorizontalPodAutoscaler.class).get(0);
        assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(m -> {
            assertThat(m.getType()).isEqualTo("External");
            assertThat(m.getExternal().getTarget().getAverageValue()).isEqualTo(new Quantity("30"));
        });
    }

    @Test
    void bad_arguments_are_refused_at_once() {
        assertThatThrownBy(() -> externalMetric("queue", "thirty")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be a non-negative Kubernetes quantity such as \"100\" or \"500m\" but was: \"thirty\"");
        assertThatThrownBy(() -> externalMetric(" ", "30")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metric must not be blank but was: \" \"");
        assertThatThrownBy(() -> objectMetric(null, "rps", "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("describedObject must not be null");
        assertThatThrownBy(() -> externalMetric("lag", "1").matching("bad key!", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> podsMetric("rps", "1").averagePerPod()).isInstanceOf(IllegalStateException.class)
                .hasMessage("averagePerPod() applies only to an object or external metric, but this is a pods metric:"
                        + " rps 1/pod");
        assertThatThrownBy(() -> cpuUtilization(50).matching("a", "b")).isInstanceOf(IllegalStateException.class)
                .hasMessage("matching(..) applies only to an object or external metric, but this is a resource metric:"
                        + " cpu 50%");
    }

    @Test
    void an_object_metric_about_an_object_in_another_namespace_is_refused_at_build() {
        Deployment edge = deployment("edge").namespace("edge")
                .container(container("gw").image("ghcr.io/acme/gw:1").port("http", 8080)).build();
        Ingress elsewhere = ingress("public").rule(path("/").to(service("edge").selecting(edge).port(80, "http").build(),
                "http")).build();
        HorizontalPodAutoscalerDef hpa = horizontalPodAutoscaler(WEB, 1, 3).cpuUtilization(80)
                .metric(objectMetric(elsewhere, "requests-per-second", "1k"));
        assertThatThrownBy(hpa::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HorizontalPodAutoscaler \"web\": spec.metrics[1].object.describedObject must be in the"
                        + " autoscaler's namespace \"shop\" but was: Ingress \"public\" in namespace \"edge\"");
    }

    @Test
    void a_zero_target_is_left_to_the_shared_validator_at_build() {
        assertThatThrownBy(() -> horizontalPodAutoscaler(WEB, 1, 3).metric(externalMetric("lag", "0")).build())
                .isInstanceOf(ManifestValidationException.class)
                .hasMessage("1 error:\n  HorizontalPodAutoscaler \"web\": spec.metrics[0].external.target.value must be"
                        + " greater than 0 but was: \"0\"");
    }
}
