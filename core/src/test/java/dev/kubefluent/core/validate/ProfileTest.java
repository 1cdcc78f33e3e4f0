package dev.kubefluent.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class ProfileTest {

    private static Deployment latest() {
        Deployment d = Fixtures.deployment();
        d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("ghcr.io/acme/web:latest");
        return d;
    }

    private static Validator bestPractices() {
        return Validator.builder().profile(Profile.BEST_PRACTICES).build();
    }

    @Test
    void profiles_are_opt_in() {
        assertThat(Validator.defaults().validate(latest()).violations()).isEmpty();
        assertThat(bestPractices().validate(latest()).violations()).extracting(Violation::ruleId)
                .contains("image-not-pinned");
    }

    @Test
    void best_practices_are_warnings_and_pod_security_controls_are_errors() {
        Validator both = Validator.builder().profile(Profile.BEST_PRACTICES, Profile.POD_SECURITY_RESTRICTED).build();
        ValidationReport report = both.validate(latest());
        assertThat(report.violations()).filteredOn(v -> v.source() == RuleSource.KUBEFLUENT)
                .isNotEmpty().allMatch(v -> v.severity() == Severity.WARNING);
        assertThat(report.violations()).filteredOn(v -> v.source() == RuleSource.POD_SECURITY)
                .isNotEmpty().allMatch(v -> v.severity() == Severity.ERROR);
    }

    @Test
    void restricted_includes_baseline() {
        Deployment d = Fixtures.deployment();
        d.getSpec().getTemplate().getSpec().setHostNetwork(true);
        assertThat(Validator.builder().profile(Profile.POD_SECURITY_RESTRICTED).build().validate(d).violations())
                .extracting(Violation::ruleId).contains("pss-host-namespaces", "pss-run-as-non-root");
        assertThat(Validator.builder().profile(Profile.POD_SECURITY_BASELINE).build().validate(d).violations())
                .extracting(Violation::ruleId).containsExactly("pss-host-namespaces");
    }

    @Test
    void annotation_suppresses_policy_rules_for_one_resource() {
        Deployment d = latest();
        d.getMetadata().setAnnotations(
                java.util.Map.of(Findings.IGNORE_ANNOTATION, "image-not-pinned, read-only-root-filesystem"));
        assertThat(bestPractices().validate(d).violations()).extracting(Violation::ruleId)
                .doesNotContain("image-not-pinned", "read-only-root-filesystem")
                .contains("automount-service-account-token");
    }

    @Test
    void annotation_cannot_suppress_api_server_rules() {
        Deployment d = latest();
        d.getMetadata().setAnnotations(java.util.Map.of(Findings.IGNORE_ANNOTATION, "container-port-invalid"));
        d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).setContainerPort(0);
        assertThat(Validator.defaults().validate(d).errors()).extracting(Violation::ruleId)
                .containsExactly("container-port-invalid");
    }

    @Test
    void builder_suppresses_policy_rules_everywhere_or_for_one_resource() {
        ManifestSet set = ManifestSet.of(latest(), Fixtures.pod());
        assertThat(Validator.builder().profile(Profile.BEST_PRACTICES).suppress("image-not-pinned").build()
                .validate(set).violations()).extracting(Violation::ruleId).doesNotContain("image-not-pinned");

        ValidationReport onlyWeb = Validator.builder().profile(Profile.BEST_PRACTICES)
                .suppress(ResourceRef.of("Deployment", "shop", "web"), "automount-service-account-token").build()
                .validate(set);
        assertThat(onlyWeb.violations()).filteredOn(v -> v.ruleId().equals("automount-service-account-token"))
                .extracting(v -> v.resource().name()).containsExactly("migrate");
    }

    @Test
    void strict_mode_makes_missing_references_errors() {
        Deployment d = Fixtures.deployment();
        d.getSpec().getTemplate().getSpec().setServiceAccountName("web");
        assertThat(Validator.defaults().validate(ManifestSet.of(d)).violations())
                .extracting(Violation::severity).containsExactly(Severity.WARNING);
        assertThat(Validator.builder().strict(true).build().validate(ManifestSet.of(d)).violations())
                .extracting(Violation::severity).containsExactly(Severity.ERROR);
    }

    @Test
    void pod_security_controls_follow_the_target_version() {
        Deployment d = Fixtures.deployment();
        var sc = new io.fabric8.kubernetes.api.model.PodSecurityContextBuilder()
                .addNewSysctl().withName("net.ipv4.tcp_keepalive_time").withValue("600").endSysctl().build();
        d.getSpec().getTemplate().getSpec().setSecurityContext(sc);
        assertThat(Validator.builder().profile(Profile.POD_SECURITY_BASELINE).targetVersion(KubeVersion.of(1, 29))
                .build().validate(d).violations()).isEmpty();
        assertThat(Validator.builder().profile(Profile.POD_SECURITY_BASELINE).targetVersion(KubeVersion.of(1, 28))
                .build().validate(d).violations()).extracting(Violation::ruleId).containsExactly("pss-sysctls");
    }

    @Test
    void pinned_images_have_a_tag_other_than_latest_or_a_digest() {
        assertThat(PolicyRules.isPinned("nginx:1.27")).isTrue();
        assertThat(PolicyRules.isPinned("registry:5000/nginx@sha256:abc")).isTrue();
        assertThat(PolicyRules.isPinned("registry:5000/nginx")).isFalse();
        assertThat(PolicyRules.isPinned("nginx:latest")).isFalse();
    }
}
