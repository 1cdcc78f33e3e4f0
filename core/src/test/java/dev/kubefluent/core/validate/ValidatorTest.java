package dev.kubefluent.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    @Test
    void valid_deployment_service_and_pod_have_no_violations() {
        ValidationReport report = Validator.defaults()
                .validate(ManifestSet.of(Fixtures.deployment(), Fixtures.service(), Fixtures.pod()));
        assertThat(report.violations()).isEmpty();
    }

    @Test
    void violation_carries_resource_path_rule_source_since_message_and_hint() {
        Deployment d = Fixtures.deployment();
        d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).setContainerPort(70000);

        ValidationReport report = Validator.defaults().validate(d);

        assertThat(report.violations()).hasSize(1);
        Violation v = report.violations().get(0);
        assertThat(v.resource()).isEqualTo(ResourceRef.of("Deployment", "shop", "web"));
        assertThat(v.path()).isEqualTo("spec.template.spec.containers[0].ports[0].containerPort");
        assertThat(v.ruleId()).isEqualTo("container-port-invalid");
        assertThat(v.severity()).isEqualTo(Severity.ERROR);
        assertThat(v.source()).isEqualTo(RuleSource.API_SERVER);
        assertThat(v.since()).isEqualTo(KubeVersion.of(1, 0));
        assertThat(v.message()).isEqualTo("Deployment \"web\": spec.template.spec.containers[0].ports[0].containerPort"
                + " must be between 1 and 65535 but was: 70000");
    }

    @Test
    void all_errors_are_reported_at_once_and_thrown_together() {
        Deployment d = Fixtures.deployment();
        d.getMetadata().setName("Web");
        d.getSpec().getTemplate().getSpec().getContainers().get(0).setName("web_1");

        ValidationReport report = Validator.defaults().validate(d);

        assertThat(report.errors()).extracting(Violation::ruleId)
                .containsExactly("metadata-name-invalid", "container-name-invalid");
        assertThatThrownBy(report::throwIfErrors)
                .isInstanceOf(ManifestValidationException.class)
                .hasMessageStartingWith("2 errors:\n")
                .hasMessageContaining("Deployment \"Web\": metadata.name must be a DNS-1123 subdomain")
                .hasMessageContaining("spec.template.spec.containers[0].name must be a DNS-1123 label");
    }

    @Test
    void named_target_port_missing_in_the_selected_workload_is_an_error_of_the_service() {
        Service svc = Fixtures.service();
        svc.getSpec().getPorts().get(0).setTargetPort(new IntOrString("htp"));

        ValidationReport report = Validator.defaults().validate(ManifestSet.of(svc, Fixtures.deployment()));

        assertThat(report.errors()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("service-target-port-missing");
            assertThat(v.source()).isEqualTo(RuleSource.KUBEFLUENT);
            assertThat(v.resource()).isEqualTo(ResourceRef.of("Service", "shop", "web"));
            assertThat(v.message()).isEqualTo("Service \"web\": spec.ports[0].targetPort must name a container port"
                    + " of the selected Deployment \"web\" (it has [\"http\"]) but was: \"htp\"");
        });
    }

    @Test
    void an_object_without_namespace_meets_objects_of_any_namespace() {
        Service svc = Fixtures.service();
        svc.getMetadata().setNamespace(null);

        assertThat(Validator.builder().strict(true).build().validate(ManifestSet.of(svc, Fixtures.deployment()))
                .violations()).isEmpty();
    }

    @Test
    void a_service_in_another_namespace_selects_nothing() {
        Service svc = Fixtures.service();
        svc.getMetadata().setNamespace("other");

        ValidationReport report = Validator.defaults().validate(ManifestSet.of(svc, Fixtures.deployment()));

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.message()).isEqualTo("Service \"web\": spec.selector must select the pods of a workload of"
                    + " the set in namespace \"other\" but was: {app=\"web\"}");
        });
        assertThat(Validator.builder().strict(true).build().validate(ManifestSet.of(svc, Fixtures.deployment()))
                .errors()).extracting(Violation::ruleId).containsExactly("service-selects-nothing");
    }

    @Test
    void validating_a_single_resource_skips_cross_resource_rules() {
        Service svc = Fixtures.service();
        svc.getSpec().getPorts().get(0).setTargetPort(new IntOrString("htp"));

        assertThat(Validator.defaults().validate(svc).violations()).isEmpty();
    }

    @Test
    void api_server_validator_keeps_only_api_server_rules() {
        Service svc = Fixtures.service();
        svc.getSpec().getPorts().get(0).setTargetPort(new IntOrString("htp"));
        Deployment d = Fixtures.deployment();
        d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).setContainerPort(0);

        ValidationReport report = Validator.apiServer(KubeVersion.DEFAULT).validate(ManifestSet.of(svc, d));

        assertThat(report.violations()).extracting(Violation::ruleId).containsExactly("container-port-invalid");
    }

    @Test
    void env_var_names_follow_the_target_version() {
        Deployment d = Fixtures.deployment();
        d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0).setName("1LOG");

        assertThat(Validator.defaults().validate(d).violations()).isEmpty();
        assertThat(Validator.builder().targetVersion(KubeVersion.of(1, 31)).build().validate(d).violations())
                .extracting(Violation::message)
                .containsExactly("Deployment \"web\": spec.template.spec.containers[0].env[0].name must match "
                        + "[-._a-zA-Z][-._a-zA-Z0-9]* (relaxed names need Kubernetes 1.32) but was: \"1LOG\"");
    }

    @Test
    void layer_one_rules_cannot_be_suppressed() {
        assertThatThrownBy(() -> Validator.builder().suppress("container-port-invalid"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule id must name a policy (layer 3) rule, API-server and cross-resource rules cannot be"
                        + " suppressed, but was: \"container-port-invalid\"");
        assertThatThrownBy(() -> Validator.builder().suppress("no-such-rule"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule id must name a known rule but was: \"no-such-rule\"");
    }

    @Test
    void validate_all_gives_the_same_report_as_a_manifest_set() {
        Service svc = Fixtures.service();
        svc.getSpec().getPorts().get(0).setTargetPort(new IntOrString("htp"));
        Deployment d = Fixtures.deployment();
        d.getSpec().getTemplate().getSpec().setServiceAccountName("web");

        assertThat(Validator.defaults().validateAll(java.util.Arrays.asList(svc, null, d)).violations())
                .isEqualTo(Validator.defaults().validate(ManifestSet.of(svc, d)).violations())
                .extracting(Violation::ruleId)
                .containsExactly("service-target-port-missing", "service-account-reference-missing");
    }

    @Test
    void null_arguments_are_rejected_with_a_message() {
        assertThatThrownBy(() -> Validator.defaults().validateAll(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("resources must not be null");
        assertThatThrownBy(() -> Validator.defaults().validate((ManifestSet) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("set must not be null");
        assertThatThrownBy(() -> Validator.defaults().validate((Deployment) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("resource must not be null");
    }
}
