package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentDefTest {

    private static final ContainerDef WEB = container("web").image("ghcr.io/acme/web:1.4.2").port("http", 8080);
    private static final DeploymentDef BASE = deployment("web").container(WEB);

    private static PodSpec podSpec(Deployment d) {
        return d.getSpec().getTemplate().getSpec();
    }

    @Test
    void kind_api_version_name_namespace() {
        Deployment d = BASE.namespace("shop").build();
        assertThat(d.getApiVersion()).isEqualTo("apps/v1");
        assertThat(d.getKind()).isEqualTo("Deployment");
        assertThat(d.getMetadata().getName()).isEqualTo("web");
        assertThat(d.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(BASE.build().getMetadata().getNamespace()).isNull();
    }

    @Test
    void recommended_labels_on_object_and_template_and_selector_from_the_name() {
        Deployment d = BASE.build();
        assertThat(d.getMetadata().getLabels()).containsExactly(
                entry("app.kubernetes.io/name", "web"), entry("app.kubernetes.io/managed-by", "kubefluent"));
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsOnly(
                entry("app.kubernetes.io/name", "web"), entry("app.kubernetes.io/managed-by", "kubefluent"));
        assertThat(d.getSpec().getSelector().getMatchLabels()).containsOnly(entry("app.kubernetes.io/name", "web"));
        assertThat(d.getSpec().getSelector().getMatchExpressions()).isNullOrEmpty();
    }

    @Test
    void selector_never_contains_a_version_label() {
        Deployment d = BASE.podLabel("app.kubernetes.io/version", "1.4.2").label("app.kubernetes.io/version", "1.4.2")
                .build();
        assertThat(d.getSpec().getSelector().getMatchLabels()).containsOnlyKeys("app.kubernetes.io/name");
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/version", "1.4.2");
        assertThat(d.getMetadata().getLabels()).containsEntry("app.kubernetes.io/version", "1.4.2");
    }

    @Test
    void user_labels_win_over_recommended_labels() {
        Deployment d = BASE.label("app.kubernetes.io/managed-by", "helm")
                .podLabel("app.kubernetes.io/name", "storefront").build();
        assertThat(d.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "helm");
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/name", "storefront");
        assertThat(d.getSpec().getSelector().getMatchLabels())
                .as("the selector follows the template's name label").containsOnly(entry("app.kubernetes.io/name", "storefront"));
    }

    @Test
    void labels_and_annotations_on_object_and_template() {
        Deployment d = BASE.labels(Map.of("team", "checkout")).label("tier", "frontend")
                .annotation("example.com/owner", "team-checkout")
                .podAnnotation("prometheus.io/scrape", "true").podLabel("track", "stable").build();
        assertThat(d.getMetadata().getLabels()).containsEntry("team", "checkout").containsEntry("tier", "frontend");
        assertThat(d.getMetadata().getAnnotations()).containsOnly(entry("example.com/owner", "team-checkout"));
        assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsOnly(entry("prometheus.io/scrape", "true"));
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("track", "stable")
                .doesNotContainKey("team");
    }

    @Test
    void selector_label_goes_to_selector_and_template() {
        Deployment d = BASE.selectorLabel("app", "web").selectorLabel("component", "api").build();
        assertThat(d.getSpec().getSelector().getMatchLabels())
                .containsOnly(entry("app", "web"), entry("component", "api"));
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("app", "web").containsEntry("component", "api")
                .containsEntry("app.kubernetes.io/name", "web");
    }

    @Test
    void replicas_are_not_invented() {
        assertThat(BASE.build().getSpec().getReplicas()).isNull();
        assertThat(BASE.replicas(0).build().getSpec().getReplicas()).isZero();
        assertThat(BASE.replicas(5).build().getSpec().getReplicas()).isEqualTo(5);
    }

    @Test
    void strategies() {
        assertThat(BASE.build().getSpec().getStrategy()).as("Kubernetes' default applies").isNull();
        Deployment rolling = BASE.rollingUpdate(maxSurge(1), maxUnavailable("10%")).build();
        assertThat(rolling.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(rolling.getSpec().getStrategy().getRollingUpdate().getMaxSurge()).isEqualTo(new IntOrString(1));
        assertThat(rolling.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable())
                .isEqualTo(new IntOrString("10%"));
        Deployment recreate = BASE.rollingUpdate(maxSurge(1), maxUnavailable(0)).recreate().build();
        assertThat(recreate.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(recreate.getSpec().getStrategy().getRollingUpdate()).isNull();
    }

    @Test
    void rollout_timings() {
        Deployment d = BASE.minReadySeconds(10).progressDeadlineSeconds(300).revisionHistoryLimit(3).build();
        assertThat(d.getSpec().getMinReadySeconds()).isEqualTo(10);
        assertThat(d.getSpec().getProgressDeadlineSeconds()).isEqualTo(300);
        assertThat(d.getSpec().getRevisionHistoryLimit()).isEqualTo(3);
    }

    @Test
    void several_containers_and_init_containers_in_call_order() {
        Deployment d = deployment("web")
                .initContainer(container("migrate").image("ghcr.io/acme/migrate:1"))
                .container(WEB)
                .initContainer(container("warm").image("ghcr.io/acme/warm:1"))
                .container(container("proxy").image("envoyproxy/envoy:v1.31.0"))
                .build();
        assertThat(podSpec(d).getContainers()).extracting(Container::getName).containsExactly("web", "proxy");
        assertThat(podSpec(d).getInitContainers()).extracting(Container::getName).containsExactly("migrate", "warm");
    }

    @Test
    void service_account_image_pull_secrets_grace_period() {
        PodSpec s = podSpec(BASE.serviceAccountName("web").imagePullSecret("ghcr-creds").imagePullSecret("other")
                .terminationGracePeriod(Duration.ofSeconds(45)).build());
        assertThat(s.getServiceAccountName()).isEqualTo("web");
        assertThat(s.getImagePullSecrets()).extracting(r -> r.getName()).containsExactly("ghcr-creds", "other");
        assertThat(s.getTerminationGracePeriodSeconds()).isEqualTo(45L);
        assertThatThrownBy(() -> BASE.terminationGracePeriod(Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("terminationGracePeriod must be zero or more whole seconds but was: PT1.5S");
    }

    @Test
    void node_selector_and_tolerations() {
        PodSpec s = podSpec(BASE.nodeSelector("kubernetes.io/arch", "arm64")
                .toleration(toleration("dedicated").equalTo("web").effect(TaintEffect.NO_SCHEDULE))
                .toleration(toleration("nvidia.com/gpu").exists())
                .toleration(toleration("node.kubernetes.io/unreachable").forSeconds(30))
                .build());
        assertThat(s.getNodeSelector()).containsOnly(entry("kubernetes.io/arch", "arm64"));
        assertThat(s.getTolerations()).hasSize(3);
        assertThat(s.getTolerations().get(0).getKey()).isEqualTo("dedicated");
        assertThat(s.getTolerations().get(0).getOperator()).isEqualTo("Equal");
        assertThat(s.getTolerations().get(0).getValue()).isEqualTo("web");
        assertThat(s.getTolerations().get(0).getEffect()).isEqualTo("NoSchedule");
        assertThat(s.getTolerations().get(1).getOperator()).isEqualTo("Exists");
        assertThat(s.getTolerations().get(1).getValue()).isNull();
        assertThat(s.getTolerations().get(1).getEffect()).isNull();
        assertThat(s.getTolerations().get(2).getEffect()).isEqualTo("NoExecute");
        assertThat(s.getTolerations().get(2).getTolerationSeconds()).isEqualTo(30L);
        assertThat(toleration("dedicated").equalTo("web").effect(TaintEffect.PREFER_NO_SCHEDULE))
                .hasToString("dedicated=web:PreferNoSchedule");
    }

    @Test
    void node_affinity_required_and_preferred() {
        PodSpec s = podSpec(BASE.requireNodeLabel("topology.kubernetes.io/zone", "eu-1a", "eu-1b")
                .requireNodeLabel("kubernetes.io/os", "linux")
                .preferNodeLabel(40, "node.example.com/tier", "fast").build());
        var required = s.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
        assertThat(required.getNodeSelectorTerms()).singleElement().satisfies(t -> {
            assertThat(t.getMatchExpressions()).hasSize(2);
            assertThat(t.getMatchExpressions().get(0).getKey()).isEqualTo("topology.kubernetes.io/zone");
            assertThat(t.getMatchExpressions().get(0).getOperator()).isEqualTo("In");
            assertThat(t.getMatchExpressions().get(0).getValues()).containsExactly("eu-1a", "eu-1b");
            assertThat(t.getMatchExpressions().get(1).getValues()).containsExactly("linux");
        });
        var preferred = s.getAffinity().getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution();
        assertThat(preferred).singleElement().satisfies(p -> {
            assertThat(p.getWeight()).isEqualTo(40);
            assertThat(p.getPreference().getMatchExpressions().get(0).getKey()).isEqualTo("node.example.com/tier");
        });
        assertThatThrownBy(() -> BASE.preferNodeLabel(0, "a", "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight must be between 1 and 100 but was: 0");
        assertThatThrownBy(() -> BASE.requireNodeLabel("a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node label values must not be empty for key \"a\"");
    }

    @Test
    void pod_anti_affinity_and_topology_spread_select_the_workloads_own_pods() {
        PodSpec s = podSpec(BASE.podAntiAffinity("kubernetes.io/hostname")
                .preferPodAntiAffinity(50, "topology.kubernetes.io/zone")
                .topologySpread("topology.kubernetes.io/zone", 1, WhenUnsatisfiable.SCHEDULE_ANYWAY)
                .build());
        Map<String, String> own = Map.of("app.kubernetes.io/name", "web");
        var anti = s.getAffinity().getPodAntiAffinity();
        assertThat(anti.getRequiredDuringSchedulingIgnoredDuringExecution()).singleElement().satisfies(t -> {
            assertThat(t.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(t.getLabelSelector().getMatchLabels()).isEqualTo(own);
        });
        assertThat(anti.getPreferredDuringSchedulingIgnoredDuringExecution()).singleElement().satisfies(w -> {
            assertThat(w.getWeight()).isEqualTo(50);
            assertThat(w.getPodAffinityTerm().getTopologyKey()).isEqualTo("topology.kubernetes.io/zone");
            assertThat(w.getPodAffinityTerm().getLabelSelector().getMatchLabels()).isEqualTo(own);
        });
        assertThat(s.getTopologySpreadConstraints()).singleElement().satisfies(c -> {
            assertThat(c.getTopologyKey()).isEqualTo("topology.kubernetes.io/zone");
            assertThat(c.getMaxSkew()).isEqualTo(1);
            assertThat(c.getWhenUnsatisfiable()).isEqualTo("ScheduleAnyway");
            assertThat(c.getLabelSelector().getMatchLabels()).isEqualTo(own);
        });
    }

    @Test
    void anti_affinity_follows_a_custom_selector() {
        PodSpec s = podSpec(BASE.selectorLabel("app", "web").podAntiAffinity("kubernetes.io/hostname").build());
        assertThat(s.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().get(0)
                .getLabelSelector().getMatchLabels()).isEqualTo(Map.of("app", "web"));
    }

    @Test
    void volumes_of_every_source_and_their_mounts() {
        Deployment d = deployment("web")
                .volume(emptyDirVolume("cache").sizeLimit("1Gi"))
                .volume(emptyDirVolume("shm").inMemory())
                .volume(configMapVolume("config", "web-config").defaultMode(0444))
                .volume(secretVolume("tls", "web-tls").defaultMode(0400).optional())
                .volume(pvcVolume("data", "web-data").readOnly())
                .container(WEB.volumeMount("cache", "/cache").volumeMount("shm", "/dev/shm")
                        .volumeMount(mount("config", "/etc/web").readOnly())
                        .volumeMount(mount("tls", "/etc/tls").readOnly()).volumeMount("data", "/data"))
                .build();
        var vols = podSpec(d).getVolumes();
        assertThat(vols).extracting(v -> v.getName()).containsExactly("cache", "shm", "config", "tls", "data");
        assertThat(vols.get(0).getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("1Gi"));
        assertThat(vols.get(0).getEmptyDir().getMedium()).isNull();
        assertThat(vols.get(1).getEmptyDir().getMedium()).isEqualTo("Memory");
        assertThat(vols.get(2).getConfigMap().getName()).isEqualTo("web-config");
        assertThat(vols.get(2).getConfigMap().getDefaultMode()).isEqualTo(0444);
        assertThat(vols.get(3).getSecret().getSecretName()).isEqualTo("web-tls");
        assertThat(vols.get(3).getSecret().getDefaultMode()).isEqualTo(0400);
        assertThat(vols.get(3).getSecret().getOptional()).isTrue();
        assertThat(vols.get(4).getPersistentVolumeClaim().getClaimName()).isEqualTo("web-data");
        assertThat(vols.get(4).getPersistentVolumeClaim().getReadOnly()).isTrue();
        assertThat(podSpec(d).getContainers().get(0).getVolumeMounts()).extracting(m -> m.getMountPath())
                .containsExactly("/cache", "/dev/shm", "/etc/web", "/etc/tls", "/data");
    }

    @Test
    void volume_options_that_do_not_fit_the_source_are_refused() {
        assertThatThrownBy(() -> configMapVolume("config", "cfg").sizeLimit("1Gi"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sizeLimit(..) applies only to a emptyDir volume, but volume \"config\" is a configMap volume");
        assertThatThrownBy(() -> emptyDirVolume("cache").readOnly()).isInstanceOf(IllegalStateException.class)
                .hasMessage("readOnly() applies only to a persistentVolumeClaim volume, but volume \"cache\" is a emptyDir volume");
        assertThatThrownBy(() -> secretVolume("tls", "tls").defaultMode(01000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("defaultMode must be between 0 and 0777 (octal) but was: 01000");
    }

    @Test
    void pod_security_context() {
        var sc = podSpec(BASE.runAsUser(1000).runAsGroup(3000).fsGroup(2000).runAsNonRoot(true).build())
                .getSecurityContext();
        assertThat(sc.getRunAsUser()).isEqualTo(1000L);
        assertThat(sc.getRunAsGroup()).isEqualTo(3000L);
        assertThat(sc.getFsGroup()).isEqualTo(2000L);
        assertThat(sc.getRunAsNonRoot()).isTrue();
    }

    @Test
    void escape_hatch_sets_uncovered_fields_and_wins_over_typed_setters() {
        Deployment d = BASE.customize(b -> b.editSpec().withPaused(true).withReplicas(7).endSpec())
                .replicas(2)
                .build();
        assertThat(d.getSpec().getPaused()).isTrue();
        assertThat(d.getSpec().getReplicas()).isEqualTo(7);
    }

    @Test
    void defaults_do_not_override_what_the_escape_hatch_set() {
        Deployment d = BASE.customize(b -> b.editMetadata().addToLabels("app.kubernetes.io/name", "shop-web").endMetadata()
                .editSpec().withNewSelector().addToMatchLabels("legacy", "web").endSelector()
                .editTemplate().editMetadata().addToLabels("legacy", "web").endMetadata().endTemplate().endSpec())
                .build();
        assertThat(d.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "shop-web")
                .containsEntry("app.kubernetes.io/managed-by", "kubefluent");
        assertThat(d.getSpec().getSelector().getMatchLabels()).containsOnly(entry("legacy", "web"));
    }

    @Test
    void escape_hatch_containers_get_the_security_profile_too() {
        Deployment d = BASE.customize(b -> b.editSpec().editTemplate().editSpec()
                .addNewContainer().withName("sidecar").withImage("busybox:1.36").endContainer()
                .endSpec().endTemplate().endSpec()).build();
        assertThat(podSpec(d).getContainers()).extracting(Container::getName).containsExactly("web", "sidecar");
        assertThat(podSpec(d).getContainers().get(1).getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    }

    @Test
    void a_builder_is_a_reusable_base_and_every_build_is_fresh() {
        DeploymentDef base = deployment("web").namespace("shop").container(WEB);
        DeploymentDef three = base.replicas(3);
        DeploymentDef one = base.replicas(1).label("track", "canary");
        assertThat(base.build().getSpec().getReplicas()).isNull();
        assertThat(three.build().getSpec().getReplicas()).isEqualTo(3);
        assertThat(one.build().getSpec().getReplicas()).isEqualTo(1);
        assertThat(three.build().getMetadata().getLabels()).doesNotContainKey("track");

        Deployment first = three.build();
        first.getSpec().setReplicas(99);
        first.getMetadata().getLabels().put("mutated", "yes");
        podSpec(first).getContainers().get(0).setImage("evil:1");
        podSpec(first).getContainers().get(0).getPorts().clear();
        first.getSpec().getSelector().getMatchLabels().clear();
        podSpec(first).getSecurityContext().setRunAsNonRoot(false);

        Deployment second = three.build();
        assertThat(second).isNotSameAs(first);
        assertThat(second.getSpec().getReplicas()).isEqualTo(3);
        assertThat(second.getMetadata().getLabels()).doesNotContainKey("mutated");
        assertThat(podSpec(second).getContainers().get(0).getImage()).isEqualTo("ghcr.io/acme/web:1.4.2");
        assertThat(podSpec(second).getContainers().get(0).getPorts()).hasSize(1);
        assertThat(second.getSpec().getSelector().getMatchLabels()).isNotEmpty();
        assertThat(podSpec(second).getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(three.build()).isEqualTo(three.build());
    }

    @Test
    void a_builder_with_an_escape_hatch_is_reusable_too() {
        DeploymentDef hatched = BASE.customize(b -> b.editMetadata().addToAnnotations("a", "b").endMetadata());
        Deployment first = hatched.build();
        first.getMetadata().getAnnotations().put("c", "d");
        assertThat(hatched.build().getMetadata().getAnnotations()).containsOnly(entry("a", "b"));
    }

    @Test
    void direct_arguments_are_checked_at_once() {
        assertThatThrownBy(() -> deployment("Web")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Deployment name must be a DNS-1123 subdomain").hasMessageEndingWith("but was: \"Web\"");
        assertThatThrownBy(() -> BASE.namespace("Shop")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("namespace must be a DNS-1123 label").hasMessageEndingWith("but was: \"Shop\"");
        assertThatThrownBy(() -> BASE.replicas(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replicas must not be negative but was: -1");
        assertThatThrownBy(() -> BASE.label("bad key!", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("label key must be a qualified name").hasMessageEndingWith("but was: \"bad key!\"");
        assertThatThrownBy(() -> BASE.label("tier", "-front")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("label value of \"tier\" must be a label value")
                .hasMessageEndingWith("but was: \"-front\"");
        assertThatThrownBy(() -> BASE.container(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("container must not be null");
        assertThatThrownBy(() -> BASE.customize(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customize must not be null");
    }
}
