package dev.kubefluent.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.core.ManifestSet;
import org.junit.jupiter.api.Test;

class NetworkPolicyRulesTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: web
                      image: ghcr.io/acme/web:1.4.2
                      ports: [{name: http, containerPort: 8080}]
            """;

    private static ManifestSet policy(String spec) {
        return ManifestSet.parseYaml(DEPLOYMENT + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: np, namespace: shop}
                spec:
                """ + spec.indent(2));
    }

    private static long namedPortFindings(ValidationReport report) {
        return report.violations().stream().filter(v -> v.ruleId().equals("network-policy-named-port-missing")).count();
    }

    @Test
    void a_named_port_declared_by_the_selected_pods_is_fine() {
        ValidationReport report = Validator.defaults().validate(policy("""
                podSelector: {matchLabels: {app: web}}
                ingress: [{ports: [{port: http}]}]
                """));
        assertThat(namedPortFindings(report)).isZero();
    }

    @Test
    void an_empty_pod_selector_selects_every_workload_of_the_namespace() {
        ValidationReport report = Validator.defaults().validate(policy("""
                podSelector: {}
                ingress: [{ports: [{port: grpc}]}]
                """));
        assertThat(report.warnings()).extracting(Violation::ruleId, Violation::path)
                .contains(org.assertj.core.groups.Tuple.tuple("network-policy-named-port-missing",
                        "spec.ingress[0].ports[0].port"));
    }

    @Test
    void a_named_port_of_another_protocol_does_not_resolve() {
        ValidationReport report = Validator.defaults().validate(policy("""
                podSelector: {matchLabels: {app: web}}
                ingress: [{ports: [{port: http, protocol: UDP}]}]
                """));
        assertThat(namedPortFindings(report)).isOne();
    }

    @Test
    void a_policy_whose_pods_are_not_in_the_set_is_not_checked() {
        ValidationReport report = Validator.defaults().validate(policy("""
                podSelector: {matchLabels: {app: billing}}
                ingress: [{ports: [{port: grpc}]}]
                egress: [{to: [{namespaceSelector: {}}], ports: [{port: dns}]}, {ports: [{port: dns}]}]
                """));
        assertThat(namedPortFindings(report)).isZero();
    }

    @Test
    void an_egress_named_port_resolves_on_the_destination_pods_not_on_the_selected_ones() {
        ValidationReport report = Validator.defaults().validate(policy("""
                podSelector: {matchLabels: {app: billing}}
                egress: [{to: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: http}, {port: admin}]}]
                """));
        assertThat(report.warnings()).extracting(Violation::path).containsExactly("spec.egress[0].ports[1].port");
    }

    @Test
    void strict_mode_makes_an_unresolved_named_port_an_error() {
        ValidationReport report = Validator.builder().strict(true).build().validate(policy("""
                podSelector: {matchLabels: {app: web}}
                ingress: [{ports: [{port: admin}]}]
                """));
        assertThat(report.errors()).extracting(Violation::ruleId).containsExactly("network-policy-named-port-missing");
    }

    @Test
    void the_valid_corpus_policy_resolves_every_named_port() {
        ManifestSet set = Corpus.cases("valid").filter(c -> c.file().startsWith("17-")).findFirst().orElseThrow().set();
        assertThat(Validator.defaults().validate(set).violations()).isEmpty();
    }
}
