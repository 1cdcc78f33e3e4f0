package dev.kubefluent.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The set index finds a reference's target by what the target is, not by the kind string alone: another object with
 * the same kind string, namespace and name (a Knative Service, a Deployment without spec) must not hide it.
 */
class SetIndexLookupTest {

    private static List<String> ruleIds(List<HasMetadata> resources) {
        return Validator.defaults().validateAll(resources).violations().stream().map(Violation::ruleId).toList();
    }

    private static GenericKubernetesResource knativeService(String name) {
        return new GenericKubernetesResourceBuilder().withApiVersion("serving.knative.dev/v1").withKind("Service")
                .withNewMetadata().withName(name).withNamespace("shop").endMetadata().build();
    }

    private static Ingress ingressTo(String service) {
        return new IngressBuilder().withNewMetadata().withName("web").withNamespace("shop").endMetadata()
                .withNewSpec().addNewRule().withHost("shop.example.com").withNewHttp().addNewPath().withPath("/")
                .withPathType("Prefix").withNewBackend().withNewService().withName(service).withNewPort()
                .withNumber(80).endPort().endService().endBackend().endPath().endHttp().endRule().endSpec().build();
    }

    private static HorizontalPodAutoscaler hpaOf(String deployment, String namespace) {
        return new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("web").withNamespace(namespace)
                .endMetadata().withNewSpec().withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment")
                .withName(deployment).endScaleTargetRef().withMinReplicas(2).withMaxReplicas(5).endSpec().build();
    }

    private static Deployment withoutSpec(String namespace) {
        return new DeploymentBuilder().withNewMetadata().withName("web").withNamespace(namespace).endMetadata()
                .build();
    }

    @Test
    void an_ingress_backend_finds_the_service_even_when_a_knative_service_of_the_same_name_follows_it() {
        Service svc = Fixtures.service();

        assertThat(ruleIds(List.of(Fixtures.deployment(), svc, knativeService("web"), ingressTo("web"))))
                .doesNotContain("ingress-service-missing");
        assertThat(ruleIds(List.of(Fixtures.deployment(), knativeService("web"), ingressTo("web"))))
                .contains("ingress-service-missing");
    }

    @Test
    void an_hpa_finds_its_deployment_even_when_a_deployment_without_spec_of_the_same_name_follows_it() {
        assertThat(ruleIds(List.of(Fixtures.deployment(), withoutSpec("shop"), hpaOf("web", "shop"))))
                .doesNotContain("hpa-target-missing");
        assertThat(ruleIds(List.of(withoutSpec("shop"), hpaOf("web", "shop"))))
                .contains("hpa-target-missing");
    }

    @Test
    void an_hpa_without_namespace_finds_a_deployment_of_any_namespace_past_one_without_spec() {
        Deployment other = Fixtures.deployment();
        other.getMetadata().setNamespace("b");

        assertThat(ruleIds(List.of(withoutSpec("a"), other, hpaOf("web", null))))
                .doesNotContain("hpa-target-missing");
    }
}
