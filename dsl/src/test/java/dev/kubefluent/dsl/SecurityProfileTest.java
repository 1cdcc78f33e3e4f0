package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class SecurityProfileTest {

    private static final ContainerDef APP = container("app").image("ghcr.io/acme/app:1.0");

    private static PodSpec podSpec(Deployment d) {
        return d.getSpec().getTemplate().getSpec();
    }

    @Test
    void restricted_is_the_default_on_pod_containers_and_init_containers() {
        PodSpec s = podSpec(deployment("web").initContainer(container("init").image("ghcr.io/acme/init:1")).container(APP).build());
        assertThat(s.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(s.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        for (Container c : java.util.List.of(s.getInitContainers().get(0), s.getContainers().get(0))) {
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(c.getSecurityContext().getCapabilities().getAdd()).isEmpty();
            assertThat(c.getSecurityContext().getRunAsNonRoot()).as("set once, on the Pod").isNull();
        }
    }

    @Test
    void restricted_applies_to_pods_too() {
        var p = pod("once").container(APP).build();
        assertThat(p.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(p.getSpec().getContainers().get(0).getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    }

    @Test
    void never_overrides_values_the_user_set() {
        PodSpec s = podSpec(deployment("web").runAsNonRoot(false)
                .customize(b -> b.editSpec().editTemplate().editSpec().editSecurityContext()
                        .withNewSeccompProfile().withType("Localhost").withLocalhostProfile("p.json").endSeccompProfile()
                        .endSecurityContext().endSpec().endTemplate().endSpec())
                .container(APP.allowPrivilegeEscalation(true).addCapabilities("NET_ADMIN").dropCapabilities("MKNOD"))
                .build());
        assertThat(s.getSecurityContext().getRunAsNonRoot()).isFalse();
        assertThat(s.getSecurityContext().getSeccompProfile().getType()).isEqualTo("Localhost");
        var c = s.getContainers().get(0).getSecurityContext();
        assertThat(c.getAllowPrivilegeEscalation()).isTrue();
        assertThat(c.getCapabilities().getAdd()).containsExactly("NET_ADMIN");
        assertThat(c.getCapabilities().getDrop()).containsExactly("MKNOD");
    }

    @Test
    void added_capabilities_still_get_drop_all() {
        var c = podSpec(deployment("web").container(APP.addCapabilities("NET_BIND_SERVICE")).build())
                .getContainers().get(0).getSecurityContext();
        assertThat(c.getCapabilities().getAdd()).containsExactly("NET_BIND_SERVICE");
        assertThat(c.getCapabilities().getDrop()).containsExactly("ALL");
    }

    @Test
    void run_as_root_requests_are_respected() {
        assertThat(podSpec(deployment("web").runAsUser(0).container(APP).build()).getSecurityContext()
                .getRunAsNonRoot()).isNull();
        assertThat(podSpec(deployment("web").container(APP.runAsUser(0)).build()).getSecurityContext()
                .getRunAsNonRoot()).isNull();
        assertThat(podSpec(deployment("web").container(APP.runAsNonRoot(false)).build()).getSecurityContext()
                .getRunAsNonRoot()).isNull();
        assertThat(podSpec(deployment("web").runAsUser(1000).container(APP).build()).getSecurityContext()
                .getRunAsNonRoot()).isTrue();
    }

    @Test
    void privileged_containers_keep_privilege_escalation_unset() {
        var c = podSpec(deployment("web").container(APP.privileged(true)).build()).getContainers().get(0)
                .getSecurityContext();
        assertThat(c.getPrivileged()).isTrue();
        assertThat(c.getAllowPrivilegeEscalation()).isNull();
    }

    @Test
    void can_be_switched_off_per_workload() {
        PodSpec s = podSpec(deployment("web").securityProfile(SecurityProfile.NONE).container(APP).build());
        assertThat(s.getSecurityContext()).isNull();
        assertThat(s.getContainers().get(0).getSecurityContext()).isNull();
        assertThat(pod("p").securityProfile(SecurityProfile.NONE).container(APP).build().getSpec()
                .getSecurityContext()).isNull();
    }

    @Test
    void can_be_switched_off_globally_and_a_workload_can_opt_back_in() {
        SecurityProfile before = SecurityProfile.setDefault(SecurityProfile.NONE);
        try {
            assertThat(SecurityProfile.getDefault()).isEqualTo(SecurityProfile.NONE);
            assertThat(podSpec(deployment("web").container(APP).build()).getSecurityContext()).isNull();
            assertThat(podSpec(deployment("web").securityProfile(SecurityProfile.RESTRICTED).container(APP).build())
                    .getSecurityContext().getRunAsNonRoot()).isTrue();
        } finally {
            SecurityProfile.setDefault(before);
        }
        assertThat(SecurityProfile.getDefault()).isEqualTo(SecurityProfile.RESTRICTED);
        assertThatThrownBy(() -> SecurityProfile.setDefault(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("profile must not be null");
    }

    @Test
    void the_profile_is_read_at_build_time() {
        DeploymentDef def = deployment("web").container(APP);
        SecurityProfile before = SecurityProfile.setDefault(SecurityProfile.NONE);
        try {
            assertThat(podSpec(def.build()).getSecurityContext()).isNull();
        } finally {
            SecurityProfile.setDefault(before);
        }
        assertThat(podSpec(def.build()).getSecurityContext()).isNotNull();
    }
}
