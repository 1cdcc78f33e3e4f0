package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.validate.Violation;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import org.junit.jupiter.api.Test;

/**
 * Wiring checks of issue #8 on sets built with the DSL: the shared validator reports a binding whose Role and an
 * autoscaler whose workload is not in the set.
 *
 * <p>A binding to a Role <em>name</em> that was never defined, or an autoscaler on a workload <em>name</em>, is
 * impossible by construction: {@code roleBinding(..).role(Role)}, {@code clusterRoleBinding(name, ClusterRole)} and
 * {@code horizontalPodAutoscaler(workload, min, max)} take the built object, not its name. What stays possible, and is
 * checked here, is leaving that object out of the set that gets applied.
 */
class WiringChecksTest {

    private static final Role READER = role("reader").namespace("shop").allow("get").on("configmaps").build();
    private static final ServiceAccount SA = serviceAccount("web").namespace("shop").build();
    private static final Deployment WEB = deployment("web").namespace("shop").replicasOwnedByAutoscaler()
            .container(container("web").image("ghcr.io/acme/web:1").port("http", 8080).requests(cpu("100m")))
            .build();

    @Test
    void a_role_binding_whose_role_is_not_in_the_set_reports_role_reference_missing() {
        RoleBinding binding = roleBinding("web-reader").role(READER).serviceAccount(SA).build();

        assertThat(ManifestSet.of(READER, SA, binding).validationReport().violations()).as("wired").isEmpty();
        assertThat(ManifestSet.of(SA, binding).validationReport().violations())
                .singleElement().satisfies(v -> {
                    assertThat(v.ruleId()).isEqualTo("role-reference-missing");
                    assertThat(v.path()).isEqualTo("roleRef.name");
                    assertThat(v.message()).isEqualTo("RoleBinding \"web-reader\": roleRef.name"
                            + " must name a Role of the set in namespace \"shop\" but was: \"reader\"");
                    assertThat(v.fixHint()).contains("add the Role or ClusterRole to the set");
                });
    }

    @Test
    void a_binding_to_a_cluster_role_that_is_not_in_the_set_reports_role_reference_missing() {
        ClusterRole nodes = clusterRole("node-reader").allow("get").on("nodes").build();
        var binding = clusterRoleBinding("web-reads-nodes", nodes).serviceAccount(SA).build();

        assertThat(ManifestSet.of(nodes, SA, binding).validationReport().violations()).isEmpty();
        assertThat(ManifestSet.of(SA, binding).validationReport().violations()).extracting(Violation::message)
                .containsExactly("ClusterRoleBinding \"web-reads-nodes\": roleRef.name must name a ClusterRole of the"
                        + " set or a built-in one (view, edit, admin, cluster-admin) but was: \"node-reader\"");
    }

    @Test
    void an_autoscaler_whose_workload_is_not_in_the_set_reports_hpa_target_missing() {
        HorizontalPodAutoscaler hpa = horizontalPodAutoscaler(WEB, 2, 10).cpuUtilization(70).build();

        assertThat(ManifestSet.of(WEB, hpa).validationReport().violations()).as("wired").isEmpty();
        assertThat(ManifestSet.of(hpa).validationReport().violations())
                .singleElement().satisfies(v -> {
                    assertThat(v.ruleId()).isEqualTo("hpa-target-missing");
                    assertThat(v.path()).isEqualTo("spec.scaleTargetRef.name");
                    assertThat(v.message()).isEqualTo("HorizontalPodAutoscaler \"web\":"
                            + " spec.scaleTargetRef.name must name a Deployment of the set but was: \"web\"");
                });
    }

    @Test
    void the_rules_are_warnings_by_default_and_errors_in_strict_mode() {
        RoleBinding binding = roleBinding("web-reader").role(READER).serviceAccount(SA).build();
        HorizontalPodAutoscaler hpa = horizontalPodAutoscaler(WEB, 2, 10).cpuUtilization(70).build();
        ManifestSet incomplete = ManifestSet.of(SA, binding, hpa);

        assertThat(incomplete.validationReport().warnings()).extracting(Violation::ruleId)
                .containsExactlyInAnyOrder("role-reference-missing", "hpa-target-missing");
        assertThat(dev.kubefluent.core.validate.Validator.builder().strict(true).build().validate(incomplete).errors())
                .extracting(Violation::ruleId)
                .containsExactlyInAnyOrder("role-reference-missing", "hpa-target-missing");
    }
}
