package dev.kubefluent.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import org.junit.jupiter.api.Test;

class RbacRulesTest {

    private static final String GOD_ROLE = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: god
            %s
            rules:
              - apiGroups: ["*"]
                resources: ["*"]
                verbs: ["*"]
            """;

    private static ManifestSet godRole(String metadataExtra) {
        return ManifestSet.parseYaml(GOD_ROLE.formatted(metadataExtra));
    }

    private static Validator bestPractices() {
        return Validator.builder().profile(Profile.BEST_PRACTICES).build();
    }

    @Test
    void rbac_rules_are_opt_in_with_the_best_practices_profile() {
        assertThat(Validator.defaults().validate(godRole("")).violations()).isEmpty();
    }

    @Test
    void a_wildcard_is_reported_once_by_the_rule_of_its_field() {
        ValidationReport report = bestPractices().validate(godRole(""));
        assertThat(report.violations()).extracting(Violation::ruleId, Violation::path).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("rbac-wildcard-verbs", "rules[0].verbs[0]"),
                org.assertj.core.groups.Tuple.tuple("rbac-wildcard-resources", "rules[0].resources[0]"),
                org.assertj.core.groups.Tuple.tuple("rbac-wildcard-api-groups", "rules[0].apiGroups[0]"));
        assertThat(report.violations()).allMatch(v -> v.severity() == Severity.WARNING);
    }

    @Test
    void the_ignore_annotation_suppresses_named_rbac_rules_for_that_resource() {
        ValidationReport report = bestPractices().validate(godRole("""
                  annotations:
                    kubefluent.dev/ignore: rbac-wildcard-verbs, rbac-wildcard-api-groups
                """));
        assertThat(report.violations()).extracting(Violation::ruleId).containsExactly("rbac-wildcard-resources");
    }

    @Test
    void rbac_rules_can_be_suppressed_programmatically() {
        Validator validator = Validator.builder().profile(Profile.BEST_PRACTICES)
                .suppress(ResourceRef.of("ClusterRole", null, "god"), "rbac-wildcard-resources")
                .suppress("rbac-wildcard-verbs")
                .build();
        assertThat(validator.validate(godRole("")).violations()).extracting(Violation::ruleId)
                .containsExactly("rbac-wildcard-api-groups");
    }

    @Test
    void secrets_of_a_custom_api_group_are_not_the_core_secrets() {
        ValidationReport report = bestPractices().validate(ManifestSet.parseYaml("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: vault, namespace: shop}
                rules:
                  - apiGroups: ["secrets.example.com"]
                    resources: ["secrets"]
                    verbs: ["get"]
                  - apiGroups: [""]
                    resources: ["secrets"]
                    verbs: ["create"]
                """));
        assertThat(report.violations()).isEmpty();
    }

    @Test
    void get_on_pods_exec_counts_as_exec_because_websocket_exec_is_authorized_as_get() {
        ValidationReport report = bestPractices().validate(ManifestSet.parseYaml("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: debug, namespace: shop}
                rules:
                  - apiGroups: [""]
                    resources: ["pods/attach", "pods/log"]
                    verbs: ["get"]
                """));
        assertThat(report.violations()).extracting(Violation::ruleId, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rbac-pod-exec", "rules[0].resources[0]"));
    }

    @Test
    void the_valid_rbac_corpus_follows_least_privilege() {
        ManifestSet set = Corpus.cases("valid").filter(c -> c.file().startsWith("03-")).findFirst().orElseThrow().set();
        assertThat(bestPractices().validate(set).violations()).filteredOn(v -> v.ruleId().startsWith("rbac-"))
                .isEmpty();
    }
}
