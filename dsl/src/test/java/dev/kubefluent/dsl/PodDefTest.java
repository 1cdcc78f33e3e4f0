package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

class PodDefTest {

    private static final PodDef BASE = pod("migrate").namespace("shop")
            .container(container("migrate").image("ghcr.io/acme/migrate:1.4.2").command("./migrate", "--all"));

    @Test
    void kind_labels_and_restart_policy() {
        Pod p = BASE.restartPolicy(RestartPolicy.NEVER).label("job", "migrate").annotation("a.io/b", "c").build();
        assertThat(p.getApiVersion()).isEqualTo("v1");
        assertThat(p.getKind()).isEqualTo("Pod");
        assertThat(p.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(p.getMetadata().getLabels()).containsOnly(entry("app.kubernetes.io/name", "migrate"),
                entry("app.kubernetes.io/managed-by", "kubefluent"), entry("job", "migrate"));
        assertThat(p.getMetadata().getAnnotations()).containsOnly(entry("a.io/b", "c"));
        assertThat(p.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(BASE.restartPolicy(RestartPolicy.ON_FAILURE).build().getSpec().getRestartPolicy())
                .isEqualTo("OnFailure");
        assertThat(BASE.restartPolicy(RestartPolicy.ALWAYS).build().getSpec().getRestartPolicy()).isEqualTo("Always");
        assertThat(BASE.build().getSpec().getRestartPolicy()).as("Kubernetes' default applies").isNull();
    }

    @Test
    void pod_level_settings_are_shared_with_deployments() {
        Pod p = BASE.serviceAccountName("migrator").nodeSelector("kubernetes.io/os", "linux")
                .podAntiAffinity("kubernetes.io/hostname").build();
        assertThat(p.getSpec().getServiceAccountName()).isEqualTo("migrator");
        assertThat(p.getSpec().getNodeSelector()).containsOnly(entry("kubernetes.io/os", "linux"));
        assertThat(p.getSpec().getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                .get(0).getLabelSelector().getMatchLabels()).containsOnly(entry("app.kubernetes.io/name", "migrate"));
    }

    @Test
    void escape_hatch_and_fresh_builds() {
        PodDef def = BASE.customize(b -> b.editSpec().withHostname("once").endSpec());
        Pod first = def.build();
        assertThat(first.getSpec().getHostname()).isEqualTo("once");
        first.getSpec().setHostname("changed");
        first.getSpec().getContainers().clear();
        Pod second = def.build();
        assertThat(second.getSpec().getHostname()).isEqualTo("once");
        assertThat(second.getSpec().getContainers()).hasSize(1);
    }
}
