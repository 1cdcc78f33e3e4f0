package dev.kubefluent.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.kubefluent.core.ManifestSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class ValidatorUpdateTest {

    private static HasMetadata yaml(String text) {
        return ManifestSet.parseYaml(text).resources().get(0);
    }

    private static ValidationReport update(HasMetadata live, HasMetadata updated) {
        return Validator.defaults().validateUpdate(live, updated);
    }

    private static ValidationReport update(String live, String updated) {
        return update(yaml(live), yaml(updated));
    }

    // ------------------------------------------------------------------ general

    @Test
    void an_unchanged_object_is_a_valid_update() {
        assertThat(update(Fixtures.deployment(), Fixtures.deployment()).violations()).isEmpty();
    }

    @Test
    void the_updated_object_is_validated_as_a_whole_too() {
        Deployment updated = Fixtures.deployment();
        updated.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(null);
        assertThat(update(Fixtures.deployment(), updated).violations()).extracting(Violation::ruleId)
                .containsExactly("container-image-required");
    }

    @Test
    void changing_the_template_and_replicas_of_a_deployment_is_allowed_but_not_its_selector() {
        Deployment updated = Fixtures.deployment();
        updated.getSpec().setReplicas(7);
        updated.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("ghcr.io/acme/web:2.0.0");
        assertThat(update(Fixtures.deployment(), updated).violations()).isEmpty();

        updated.getSpec().getSelector().getMatchLabels().put("track", "stable");
        updated.getSpec().getTemplate().getMetadata().getLabels().put("track", "stable");
        Violation v = update(Fixtures.deployment(), updated).violations().get(0);
        assertThat(v.ruleId()).isEqualTo("selector-immutable");
        assertThat(v.path()).isEqualTo("spec.selector");
        assertThat(v.source()).isEqualTo(RuleSource.API_SERVER);
        assertThat(v.message()).isEqualTo("Deployment \"web\": spec.selector is immutable: "
                + "spec.selector.matchLabels.track must stay null but was: \"stable\"");
    }

    @Test
    void an_update_without_a_namespace_stays_in_the_live_namespace() {
        Deployment updated = Fixtures.deployment();
        updated.getMetadata().setNamespace(null);
        assertThat(update(Fixtures.deployment(), updated).violations()).isEmpty();
    }

    @Test
    void a_renamed_object_is_not_an_update_of_the_live_one() {
        Deployment updated = Fixtures.deployment();
        updated.getMetadata().setName("web2");
        assertThat(update(Fixtures.deployment(), updated).violations()).extracting(Violation::ruleId, Violation::path)
                .containsExactly(tuple("metadata-immutable", "metadata.name"));
    }

    @Test
    void live_and_updated_must_be_of_one_kind_and_present() {
        assertThatThrownBy(() -> update(Fixtures.deployment(), Fixtures.service()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("updated must be of the same kind as live (Deployment) but was: Service");
        assertThatThrownBy(() -> update(null, Fixtures.service()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("live must not be null");
        assertThatThrownBy(() -> update(Fixtures.service(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("updated must not be null");
    }

    @Test
    void update_rules_are_api_server_rules() {
        Deployment updated = Fixtures.deployment();
        updated.getSpec().getSelector().getMatchLabels().put("app", "other");
        updated.getSpec().getTemplate().getMetadata().getLabels().put("app", "other");
        assertThat(Validator.apiServer(KubeVersion.DEFAULT).validateUpdate(Fixtures.deployment(), updated).errors())
                .extracting(Violation::ruleId).containsExactly("selector-immutable");
        assertThat(Validator.builder().sources(RuleSource.KUBEFLUENT).build()
                .validateUpdate(Fixtures.deployment(), updated).violations()).isEmpty();
    }

    // ------------------------------------------------------------------ StatefulSet

    private static final String STS = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: shop}
            spec:
              serviceName: db
              replicas: %d
              %s
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: "ghcr.io/acme/db:%s"}]
            """;

    @Test
    void a_statefulset_may_change_replicas_template_strategy_and_min_ready_seconds() {
        ValidationReport report = update(STS.formatted(3, "podManagementPolicy: OrderedReady", "16.1"),
                STS.formatted(5, "minReadySeconds: 10\n  updateStrategy: {type: OnDelete}", "16.2"));
        assertThat(report.violations()).isEmpty();
    }

    @Test
    void a_statefulset_keeps_its_other_fields_and_unset_means_the_default() {
        ValidationReport report = update(STS.formatted(3, "podManagementPolicy: Parallel", "16.1"),
                STS.formatted(3, "revisionHistoryLimit: 3", "16.1"));
        assertThat(report.violations()).extracting(Violation::path)
                .containsExactly("spec.podManagementPolicy", "spec.revisionHistoryLimit");
        assertThat(report.violations().get(0).message()).isEqualTo("StatefulSet \"db\": spec.podManagementPolicy is"
                + " immutable and must stay \"Parallel\" but was: \"OrderedReady\"");
    }

    // ------------------------------------------------------------------ Job

    private static final String JOB = """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate, namespace: shop}
            spec:
              %s
              template:
                spec:
                  restartPolicy: Never
                  %s
                  containers: [{name: migrate, image: "ghcr.io/acme/migrate:7"}]
            %s
            """;

    @Test
    void a_suspended_job_that_has_not_started_may_change_its_scheduling_directives() {
        ValidationReport report = update(JOB.formatted("suspend: true", "nodeSelector: {pool: a}", ""),
                JOB.formatted("suspend: true", "nodeSelector: {pool: b}", ""));
        assertThat(report.violations()).isEmpty();
    }

    @Test
    void a_job_that_started_may_not_change_its_template() {
        ValidationReport report = update(JOB.formatted("suspend: true", "nodeSelector: {pool: a}",
                        "status: {startTime: \"2026-01-01T00:00:00Z\"}"),
                JOB.formatted("suspend: true", "nodeSelector: {pool: b}", ""));
        assertThat(report.violations()).extracting(Violation::ruleId, Violation::path)
                .containsExactly(tuple("job-spec-immutable", "spec.template"));
        assertThat(report.violations().get(0).message()).contains("spec.template.spec.nodeSelector.pool must stay \"a\"");
    }

    @Test
    void an_indexed_job_may_change_completions_in_tandem_with_parallelism() {
        String indexed = "completionMode: Indexed\n  completions: %d\n  parallelism: %d";
        assertThat(update(JOB.formatted(indexed.formatted(3, 3), "", ""),
                JOB.formatted(indexed.formatted(5, 5), "", "")).violations()).isEmpty();
        assertThat(update(JOB.formatted(indexed.formatted(3, 3), "", ""),
                JOB.formatted(indexed.formatted(5, 3), "", "")).violations()).extracting(Violation::path)
                .containsExactly("spec.completions");
        assertThat(update(JOB.formatted("completions: 3", "", ""), JOB.formatted("completions: 4", "", ""))
                .violations()).extracting(Violation::path).containsExactly("spec.completions");
    }

    // ------------------------------------------------------------------ Service

    private static final String SVC = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              %s
              selector: {app: web}
              ports: [{name: http, port: 80}]
            """;

    @Test
    void a_service_update_that_leaves_the_cluster_ip_unset_keeps_it() {
        assertThat(update(SVC.formatted("clusterIP: 10.96.0.12"), SVC.formatted("type: ClusterIP")).violations())
                .isEmpty();
    }

    @Test
    void headless_services_and_switches_to_or_from_external_name_are_not_checked() {
        assertThat(update(SVC.formatted("clusterIP: None"), SVC.formatted("clusterIP: None")).violations())
                .isEmpty();
        String external = """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec: {type: ExternalName, externalName: web.example.com}
                """;
        assertThat(update(SVC.formatted("clusterIP: 10.96.0.12"), external).violations()).isEmpty();
    }

    @Test
    void a_secondary_ip_family_may_be_added_but_only_released_with_single_stack() {
        String single = "ipFamilyPolicy: SingleStack\n  ipFamilies: [IPv4]";
        String dual = "ipFamilyPolicy: PreferDualStack\n  ipFamilies: [IPv4, IPv6]";
        assertThat(update(SVC.formatted(single), SVC.formatted(dual)).violations()).isEmpty();
        assertThat(update(SVC.formatted(dual), SVC.formatted(single)).violations()).isEmpty();
        assertThat(update(SVC.formatted(dual), SVC.formatted("ipFamilyPolicy: PreferDualStack\n  ipFamilies: [IPv4]"))
                .violations()).extracting(Violation::ruleId, Violation::path)
                .containsExactly(tuple("service-ip-families-immutable", "spec.ipFamilies"));
    }

    @Test
    void dual_stack_cluster_ips_keep_their_primary() {
        ValidationReport report = update(SVC.formatted("clusterIPs: [10.96.0.12, \"fd00::12\"]"),
                SVC.formatted("clusterIPs: [10.96.0.12, \"fd00::13\"]"));
        assertThat(report.violations()).extracting(Violation::ruleId, Violation::path)
                .containsExactly(tuple("service-cluster-ip-immutable", "spec.clusterIPs[1]"));
    }

    // ------------------------------------------------------------------ ConfigMap, Secret

    private static final String CM = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: shop}
            %s
            data: {level: %s}
            """;

    @Test
    void a_mutable_config_map_may_change_and_an_immutable_one_may_not_become_mutable() {
        assertThat(update(CM.formatted("", "info"), CM.formatted("immutable: true", "debug")).violations()).isEmpty();
        assertThat(update(CM.formatted("immutable: true", "info"), CM.formatted("immutable: false", "info"))
                .violations()).extracting(Violation::ruleId, Violation::path)
                .containsExactly(tuple("configmap-immutable", "immutable"));
    }

    @Test
    void a_secret_update_never_shows_a_value() {
        String live = """
                apiVersion: v1
                kind: Secret
                metadata: {name: db, namespace: shop}
                immutable: true
                stringData: {password: hunter2-old}
                """;
        String updated = """
                apiVersion: v1
                kind: Secret
                metadata: {name: db, namespace: shop}
                type: kubernetes.io/basic-auth
                data: {password: aHVudGVyMi1uZXc=, username: YWRtaW4=}
                """;
        ValidationReport report = update(live, updated);
        assertThat(report.violations()).extracting(Violation::ruleId)
                .containsExactlyInAnyOrder("secret-type-immutable", "secret-immutable", "secret-immutable");
        assertThat(report.toText() + report.toJson() + report).doesNotContain("hunter2", "aHVudGVy", "YWRtaW4");
    }

    // ------------------------------------------------------------------ PersistentVolumeClaim

    private static final String PVC = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: shop}
            spec:
              accessModes: [ReadWriteOnce]
              %s
              resources: {requests: {storage: %s}}
            %s
            """;

    @Test
    void a_bound_claim_may_grow_and_get_its_volume_name_once() {
        ValidationReport report = update(PVC.formatted("", "10Gi", "status: {phase: Bound}"),
                PVC.formatted("volumeName: pv-1", "10240Mi", ""));
        assertThat(report.violations()).isEmpty();
        assertThat(update(PVC.formatted("", "10Gi", "status: {phase: Bound}"), PVC.formatted("", "20Gi", ""))
                .violations()).isEmpty();
    }

    @Test
    void a_pending_claim_keeps_its_request_and_a_bound_volume_keeps_its_name() {
        assertThat(update(PVC.formatted("", "10Gi", ""), PVC.formatted("", "20Gi", "")).violations())
                .extracting(Violation::ruleId, Violation::path)
                .containsExactly(tuple("pvc-spec-immutable", "spec"));
        assertThat(update(PVC.formatted("volumeName: pv-1", "10Gi", "status: {phase: Bound}"),
                PVC.formatted("volumeName: pv-2", "10Gi", "")).violations().get(0).message())
                .contains("spec.volumeName must stay \"pv-1\" but was: \"pv-2\"");
    }

    @Test
    void shrinking_a_claim_depends_on_the_target_version() {
        HasMetadata live = yaml(PVC.formatted("", "20Gi", "status: {phase: Bound, capacity: {storage: 10Gi}}"));
        HasMetadata smaller = yaml(PVC.formatted("", "15Gi", ""));
        assertThat(Validator.builder().targetVersion(KubeVersion.of(1, 31)).build().validateUpdate(live, smaller)
                .violations()).extracting(Violation::ruleId).containsExactly("pvc-storage-shrink");
        assertThat(Validator.builder().targetVersion(KubeVersion.of(1, 32)).build().validateUpdate(live, smaller)
                .violations()).isEmpty();
    }
}
