package dev.kubefluent.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubefluent.core.render.internal.KindOrder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestSetTest {

    private static ConfigMap configMap(String namespace, String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .addToData("k", "v").build();
    }

    private static GenericKubernetesResource custom(String kind, String name) {
        return new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1").withKind(kind)
                .withNewMetadata().withName(name).withNamespace("shop").endMetadata().build();
    }

    private static List<String> kindsAndNames(ManifestSet set) {
        return set.refs().stream().map(r -> r.kind() + " " + r.qualifiedName()).toList();
    }

    @Test
    void keeps_resources_in_helm_install_order_then_namespace_and_name() {
        ManifestSet set = ManifestSet.of(
                custom("Widget", "w"),
                TestManifests.web(),
                new IngressBuilder().withNewMetadata().withName("web").withNamespace("shop").endMetadata().build(),
                TestManifests.migrate(),
                custom("Gadget", "g"),
                configMap("shop", "b"),
                configMap("billing", "z"),
                configMap("shop", "a"),
                new JobBuilder().withNewMetadata().withName("once").withNamespace("shop").endMetadata().build(),
                TestManifests.webService(),
                TestManifests.dbSecret(),
                new ClusterRoleBuilder().withNewMetadata().withName("reader").endMetadata().build(),
                new ServiceAccountBuilder().withNewMetadata().withName("web").withNamespace("shop").endMetadata().build(),
                new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build());

        assertThat(kindsAndNames(set)).containsExactly(
                "Namespace shop",
                "ServiceAccount shop/web",
                "Secret shop/db",
                "ConfigMap billing/z",
                "ConfigMap shop/a",
                "ConfigMap shop/b",
                "ClusterRole reader",
                "Service shop/web",
                "Pod shop/migrate",
                "Deployment shop/web",
                "Job shop/once",
                "Ingress shop/web",
                "Gadget shop/g",
                "Widget shop/w");
        assertThat(set.resources()).extracting(HasMetadata::getKind)
                .containsExactly("Namespace", "ServiceAccount", "Secret", "ConfigMap", "ConfigMap", "ConfigMap",
                        "ClusterRole", "Service", "Pod", "Deployment", "Job", "Ingress", "Gadget", "Widget");
    }

    @Test
    void uses_exactly_helms_install_order() {
        assertThat(KindOrder.INSTALL_ORDER).containsExactly(
                "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
                "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
                "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole",
                "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding",
                "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
                "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
                "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");
        assertThat(KindOrder.rank("Widget")).isEqualTo(KindOrder.INSTALL_ORDER.size());
    }

    @Test
    void order_does_not_depend_on_the_order_given() {
        ManifestSet a = ManifestSet.of(TestManifests.web(), TestManifests.webService(), TestManifests.webConfig());
        ManifestSet b = ManifestSet.of(TestManifests.webConfig(), TestManifests.web(), TestManifests.webService());

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toYaml()).isEqualTo(b.toYaml());
    }

    @Test
    void resources_are_equal_to_what_was_given() {
        Deployment web = TestManifests.web();

        ManifestSet set = ManifestSet.of(web, TestManifests.webService());

        assertThat(set.resources()).containsExactly(TestManifests.webService(), web);
        assertThat(set.resources(Deployment.class)).containsExactly(web);
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.isEmpty()).isFalse();
    }

    @Test
    void changing_a_given_object_does_not_change_the_set() {
        Deployment web = TestManifests.web();
        ManifestSet set = ManifestSet.of(web);
        String before = set.toYaml();

        web.getSpec().setReplicas(7);
        web.getMetadata().getLabels().put("tier", "front");

        assertThat(set.toYaml()).isEqualTo(before);
        assertThat(set.resources(Deployment.class).get(0).getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void changing_a_returned_object_does_not_change_the_set() {
        ManifestSet set = ManifestSet.of(TestManifests.web());
        String before = set.toYaml();

        Deployment out = set.resources(Deployment.class).get(0);
        out.getSpec().setReplicas(7);
        out.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil:latest");
        set.resources().get(0).getMetadata().setName("renamed");

        assertThat(set.toYaml()).isEqualTo(before);
        assertThat(set.resources(Deployment.class).get(0)).isEqualTo(TestManifests.web());
        assertThatThrownBy(() -> set.resources().add(TestManifests.migrate()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void with_adds_or_replaces_by_identity_and_leaves_the_original_alone() {
        ManifestSet base = ManifestSet.of(TestManifests.web(), configMap("shop", "a"));
        Deployment scaled = TestManifests.web();
        scaled.getSpec().setReplicas(5);

        ManifestSet next = base.with(scaled, TestManifests.webService());

        assertThat(kindsAndNames(next)).containsExactly("ConfigMap shop/a", "Service shop/web", "Deployment shop/web");
        assertThat(next.find(Deployment.class, "shop", "web")).get()
                .extracting(d -> d.getSpec().getReplicas()).isEqualTo(5);
        assertThat(base.find(Deployment.class, "shop", "web")).get()
                .extracting(d -> d.getSpec().getReplicas()).isEqualTo(3);
        assertThat(base.size()).isEqualTo(2);
    }

    @Test
    void plus_is_a_union_where_the_other_set_wins() {
        ManifestSet a = ManifestSet.of(configMap("shop", "a"), configMap("shop", "b"));
        ConfigMap changed = configMap("shop", "b");
        changed.setData(Map.of("k", "changed"));
        ManifestSet b = ManifestSet.of(changed, configMap("shop", "c"));

        ManifestSet union = a.plus(b);

        assertThat(kindsAndNames(union)).containsExactly("ConfigMap shop/a", "ConfigMap shop/b", "ConfigMap shop/c");
        assertThat(union.find(ConfigMap.class, "shop", "b")).get().extracting(ConfigMap::getData)
                .isEqualTo(Map.of("k", "changed"));
    }

    @Test
    void without_drops_resources_by_reference() {
        ManifestSet set = ManifestSet.of(TestManifests.web(), TestManifests.webService());

        ManifestSet less = set.without(ResourceRef.of("Service", "shop", "web"), ResourceRef.of("Pod", "x", "y"));

        assertThat(kindsAndNames(less)).containsExactly("Deployment shop/web");
        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void same_name_in_different_api_groups_or_namespaces_is_not_a_duplicate() {
        ManifestSet set = ManifestSet.of(configMap("a", "x"), configMap("b", "x"), custom("ConfigMap", "x"));

        assertThat(set.size()).isEqualTo(3);
    }

    @Test
    void finds_resources_by_kind_namespace_and_name() {
        ManifestSet set = ManifestSet.of(TestManifests.web(), TestManifests.webService());

        assertThat(set.find("Service", "shop", "web")).contains(TestManifests.webService());
        assertThat(set.find(ResourceRef.of("Deployment", "shop", "web"))).contains(TestManifests.web());
        assertThat(set.find("Service", "other", "web")).isEmpty();
        assertThat(set.find(ConfigMap.class, "shop", "web")).isEmpty();
        assertThat(set.contains(ResourceRef.of("Deployment", "shop", "web"))).isTrue();
        assertThat(set.contains(ResourceRef.of("Deployment", "shop", "api"))).isFalse();
    }

    @Test
    void streams_and_iterates_in_apply_order() {
        ManifestSet set = ManifestSet.of(TestManifests.web(), TestManifests.webService());
        List<String> iterated = new ArrayList<>();

        for (HasMetadata resource : set) {
            iterated.add(resource.getKind());
        }

        assertThat(iterated).containsExactly("Service", "Deployment");
        assertThat(set.stream().map(HasMetadata::getKind)).containsExactly("Service", "Deployment");
    }

    @Test
    void refuses_null_resources_with_their_index() {
        assertThatThrownBy(() -> ManifestSet.of(TestManifests.web(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resources[1] must not be null");
        assertThatThrownBy(() -> ManifestSet.of((List<HasMetadata>) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resources must not be null");
    }

    @Test
    void refuses_a_resource_without_kind() {
        GenericKubernetesResource noKind = new GenericKubernetesResourceBuilder().withApiVersion("v1")
                .withNewMetadata().withName("x").endMetadata().build();

        assertThatThrownBy(() -> ManifestSet.of(noKind))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resources[0] must have a kind but was: null (a "
                        + GenericKubernetesResource.class.getName() + ")");
    }

    @Test
    void refuses_duplicates() {
        assertThatThrownBy(() -> ManifestSet.of(configMap("shop", "a"), configMap("shop", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resources must be unique by API group, kind, namespace and name but was: "
                        + "ConfigMap \"shop/a\" given more than once");
    }

    @Test
    void equal_sets_render_equal_bytes_and_differ_when_a_value_differs() {
        ConfigMap other = configMap("shop", "a");
        other.setData(Map.of("k", "w"));

        assertThat(ManifestSet.of(configMap("shop", "a"))).isEqualTo(ManifestSet.of(configMap("shop", "a")))
                .isNotEqualTo(ManifestSet.of(other))
                .isNotEqualTo(ManifestSet.empty());
        assertThat(ManifestSet.empty()).isEqualTo(ManifestSet.of(List.of()));
    }

    @Test
    void to_string_lists_kinds_and_names_but_never_secret_values() {
        ManifestSet set = ManifestSet.of(TestManifests.dbSecret(), TestManifests.web());

        assertThat(set).hasToString("ManifestSet[2 resources: Secret shop/db, Deployment shop/web]");
        assertThat(set.toString()).doesNotContain("s3cr3t", "YWRtaW4=");
        assertThat(ManifestSet.empty()).hasToString("ManifestSet[0 resources]");
    }

    @Test
    void a_set_built_in_code_has_no_source_findings() {
        assertThat(ManifestSet.of(TestManifests.web()).sourceFindings()).isEmpty();
    }
}
