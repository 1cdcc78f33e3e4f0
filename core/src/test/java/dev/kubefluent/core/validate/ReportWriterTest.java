package dev.kubefluent.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.core.ManifestSet;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportWriterTest {

    private static ValidationReport report() {
        Deployment d = Fixtures.deployment();
        d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).setContainerPort(70000);
        d.getSpec().getTemplate().getSpec().setServiceAccountName("web");
        Service s = Fixtures.service();
        s.getSpec().getPorts().get(0).setTargetPort(new IntOrString("htp"));
        return Validator.defaults().validate(ManifestSet.of(d, s));
    }

    @Test
    void text_groups_violations_by_resource_with_rule_source_and_fix() {
        assertThat(report().toText()).isEqualTo("""
                2 errors, 1 warning in 2 resources

                Deployment shop/web
                  ERROR   spec.template.spec.containers[0].ports[0].containerPort must be between 1 and 65535 \
                but was: 70000  [container-port-invalid, API server since 1.0]
                  WARNING spec.template.spec.serviceAccountName must name a ServiceAccount of the set but was: "web"  \
                [service-account-reference-missing, Kubefluent since 1.0]
                          fix: add the ServiceAccount to the set

                Service shop/web
                  ERROR   spec.ports[0].targetPort must name a container port of the selected Deployment "web" \
                (it has ["http"]) but was: "htp"  [service-target-port-missing, Kubefluent since 1.0]
                          fix: name a container port of the selected pods, or target a port number
                """);
    }

    @Test
    void empty_report_says_so() {
        assertThat(new ValidationReport(java.util.List.of()).toText()).isEqualTo("No violations.\n");
        assertThat(new ValidationReport(java.util.List.of()).toJson())
                .isEqualTo("{\"errors\":0,\"warnings\":0,\"violations\":[]}");
    }

    @Test
    void json_is_valid_and_carries_every_field() {
        JsonNode root = JsonMapper.builder().build().readTree(report().toJson());
        assertThat(root.get("errors").asInt()).isEqualTo(2);
        assertThat(root.get("warnings").asInt()).isEqualTo(1);
        JsonNode first = root.get("violations").get(0);
        assertThat(first.get("kind").asString()).isEqualTo("Deployment");
        assertThat(first.get("namespace").asString()).isEqualTo("shop");
        assertThat(first.get("name").asString()).isEqualTo("web");
        assertThat(first.get("path").asString()).isEqualTo("spec.template.spec.containers[0].ports[0].containerPort");
        assertThat(first.get("ruleId").asString()).isEqualTo("container-port-invalid");
        assertThat(first.get("severity").asString()).isEqualTo("ERROR");
        assertThat(first.get("source").asString()).isEqualTo("API_SERVER");
        assertThat(first.get("since").asString()).isEqualTo("1.0");
        assertThat(first.get("hint").isNull()).isTrue();
        assertThat(root.get("violations").get(1).get("message").asString())
                .isEqualTo("Service \"web\": spec.ports[0].targetPort must name a container port of the selected"
                        + " Deployment \"web\" (it has [\"http\"]) but was: \"htp\"");
    }
}
