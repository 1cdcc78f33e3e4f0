package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.kubefluent.core.ManifestSet;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import org.junit.jupiter.api.Test;

/** ServiceAccount, RBAC grants, PodDisruptionBudget and HorizontalPodAutoscaler (issue #8). */
class AccessAndScalingTest {

    private static final ContainerDef WEB = container("web").image("ghcr.io/acme/web:1").port("http", 8080)
            .requests(cpu("100m"));

    @Test
    void service_account_and_a_workload_using_it() {
        ServiceAccount sa = serviceAccount("web").namespace("shop").automountToken(false).imagePullSecret("ghcr")
                .build();
        assertThat(sa.getKind()).isEqualTo("ServiceAccount");
        assertThat(sa.getAutomountServiceAccountToken()).isFalse();
        assertThat(sa.getImagePullSecrets()).extracting(r -> r.getName()).containsExactly("ghcr");
        assertThat(sa.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "web");
        Deployment d = deployment("web").namespace("shop").serviceAccount(sa).container(WEB).build();
        assertThat(d.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("web");
    }

    @Test
    void role_grants_verbs_on_resources() {
        Role reader = role("reader").namespace("shop").allow("get", "list", "watch").on("pods", "configmaps")
                .allow("get").onGroup("apps", "deployments").build();
        assertThat(reader.getApiVersion()).isEqualTo("rbac.authorization.k8s.io/v1");
        assertThat(reader.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(reader.getRules()).hasSize(2);
        assertThat(reader.getRules().get(0).getApiGroups()).containsExactly("");
        assertThat(reader.getRules().get(0).getResources()).containsExactly("pods", "configmaps");
        assertThat(reader.getRules().get(0).getVerbs()).containsExactly("get", "list", "watch");
        assertThat(reader.getRules().get(1).getApiGroups()).containsExactly("apps");
        assertThat(reader.getRules().get(1).getResources()).containsExactly("deployments");
        assertThat(PolicyRuleStep.class.getDeclaredMethods()).filteredOn(m -> java.lang.reflect.Modifier.isPublic(
                m.getModifiers())).extracting(java.lang.reflect.Method::getName).containsExactlyInAnyOrder("on", "onGroup");
        assertThatThrownBy(() -> role("r").allow()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("verbs must not be empty");
        assertThatThrownBy(() -> role("a/b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Role name must be a path segment (not \".\" or \"..\", no '/' or '%') but was: \"a/b\"");
    }

    @Test
    void role_binding_to_a_service_account_takes_objects() {
        Role reader = role("reader").namespace("shop").allow("get").on("configmaps").build();
        ServiceAccount sa = serviceAccount("web").namespace("shop").build();
        RoleBinding b = roleBinding("web-reader").role(reader).serviceAccount(sa).user("alice").group("ops").build();
        assertThat(b.getMetadata().getNamespace()).as("the Role's namespace").isEqualTo("shop");
        assertThat(b.getRoleRef().getApiGroup()).isEqualTo("rbac.authorization.k8s.io");
        assertThat(b.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(b.getRoleRef().getName()).isEqualTo("reader");
        assertThat(b.getSubjects()).hasSize(3);
        assertThat(b.getSubjects().get(0).getKind()).isEqualTo("ServiceAccount");
        assertThat(b.getSubjects().get(0).getName()).isEqualTo("web");
        assertThat(b.getSubjects().get(0).getNamespace()).isEqualTo("shop");
        assertThat(b.getSubjects().get(0).getApiGroup()).isNull();
        assertThat(b.getSubjects().get(1).getKind()).isEqualTo("User");
        assertThat(b.getSubjects().get(1).getApiGroup()).isEqualTo("rbac.authorization.k8s.io");
        assertThat(b.getSubjects().get(2).getKind()).isEqualTo("Group");
        assertThat(ManifestSet.of(reader, sa, b).validationReport().violations()).isEmpty();
    }

    @Test
    void cluster_roles_and_bindings() {
        ClusterRole nodes = clusterRole("node-reader").allow("get", "list").on("nodes").build();
        assertThat(nodes.getMetadata().getNamespace()).isNull();
        ServiceAccount agent = serviceAccount("agent").namespace("ops").build();
        ClusterRoleBinding b = clusterRoleBinding("agent-reads-nodes", nodes).serviceAccount(agent).build();
        assertThat(b.getRoleRef().getKind()).isEqualTo("ClusterRole");
        assertThat(b.getRoleRef().getName()).isEqualTo("node-reader");
        assertThat(b.getSubjects()).singleElement().satisfies(s -> assertThat(s.getNamespace()).isEqualTo("ops"));
        RoleBinding local = roleBinding("read-nodes-here").clusterRole(nodes).serviceAccount(agent).namespace("ops")
                .build();
        assertThat(local.getRoleRef().getKind()).isEqualTo("ClusterRole");
        assertThat(local.getMetadata().getNamespace()).isEqualTo("ops");
        ServiceAccount noNamespace = serviceAccount("x").build();
        assertThatThrownBy(() -> clusterRoleBinding("b", nodes).serviceAccount(noNamespace))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serviceAccount must have metadata.namespace in a ClusterRoleBinding but was:"
                        + " ServiceAccount \"x\" without a namespace");
        assertThat(java.util.Arrays.stream(ClusterRoleDef.class.getMethods()).map(java.lang.reflect.Method::getName))
                .as("cluster-scoped kinds have no namespace").doesNotContain("namespace");
    }

    @Test
    void pod_disruption_budget_on_a_workload() {
        Deployment web = deployment("web").namespace("shop").replicas(3).container(WEB).build();
        PodDisruptionBudget pdb = podDisruptionBudget(web).maxUnavailable(1).build();
        assertThat(pdb.getApiVersion()).isEqualTo("policy/v1");
        assertThat(pdb.getMetadata().getName()).isEqualTo("web");
        assertThat(pdb.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(web.getSpec().getSelector().getMatchLabels());
        assertThat(pdb.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
        assertThat(pdb.getSpec().getMinAvailable()).isNull();
        assertThat(podDisruptionBudget(web).minAvailable("50%").build().getSpec().getMinAvailable())
                .isEqualTo(new IntOrString("50%"));
        assertThat(podDisruptionBudget(web).minAvailable(2).build().getSpec().getMinAvailable())
                .isEqualTo(new IntOrString(2));
        assertThat(podDisruptionBudget(web).maxUnavailable("25%").build().getSpec().getMaxUnavailable())
                .isEqualTo(new IntOrString("25%"));
        assertThatThrownBy(() -> podDisruptionBudget(web).minAvailable("half"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minAvailable must be a percentage such as \"25%\" but was: \"half\"");
        assertThat(ManifestSet.of(web, pdb).validationReport().errors()).isEmpty();
    }

    @Test
    void autoscaler_owns_the_replica_count() {
        Deployment web = deployment("web").namespace("shop").replicas(3).replicasOwnedByAutoscaler().container(WEB)
                .build();
        assertThat(web.getSpec().getReplicas()).as("omitted so applying does not fight the autoscaler").isNull();
        HorizontalPodAutoscaler hpa = horizontalPodAutoscaler(web, 2, 10).cpuUtilization(70).memoryUtilization(80)
                .podsMetric("http_requests_per_second", "100").build();
        assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
        assertThat(hpa.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("web");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
        assertThat(hpa.getSpec().getMetrics()).hasSize(3);
        assertThat(hpa.getSpec().getMetrics().get(0).getResource().getName()).isEqualTo("cpu");
        assertThat(hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization()).isEqualTo(70);
        assertThat(hpa.getSpec().getMetrics().get(1).getResource().getName()).isEqualTo("memory");
        assertThat(hpa.getSpec().getMetrics().get(2).getType()).isEqualTo("Pods");
        assertThat(hpa.getSpec().getMetrics().get(2).getPods().getMetric().getName())
                .isEqualTo("http_requests_per_second");
        assertThat(hpa.getSpec().getMetrics().get(2).getPods().getTarget().getAverageValue())
                .isEqualTo(new Quantity("100"));
        assertThat(ManifestSet.of(web, hpa).validationReport().errors()).isEmpty();
    }

    @Test
    void autoscaler_refuses_a_target_that_sets_replicas_and_bad_bounds() {
        Deployment fixed = deployment("web").replicas(3).container(WEB).build();
        assertThatThrownBy(() -> horizontalPodAutoscaler(fixed, 2, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Deployment \"web\": spec.replicas must be unset when an autoscaler owns the replica count"
                        + " but was: 3 (build it with replicasOwnedByAutoscaler())");
        Deployment owned = deployment("web").replicasOwnedByAutoscaler().container(WEB).build();
        assertThatThrownBy(() -> horizontalPodAutoscaler(owned, 0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minReplicas must be at least 1 but was: 0");
        assertThatThrownBy(() -> horizontalPodAutoscaler(owned, 5, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxReplicas must be at least minReplicas (5) but was: 2");
        assertThatThrownBy(() -> horizontalPodAutoscaler(owned, 1, 2).cpuUtilization(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cpu utilization must be at least 1 (percent of the request) but was: 0");
        var pod = pod("p").container(WEB).build();
        assertThatThrownBy(() -> horizontalPodAutoscaler(pod, 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an autoscaler can scale a Deployment, StatefulSet or ReplicaSet but was: Pod \"p\"");
    }

    @Test
    void stateful_sets_can_be_autoscaled_too() {
        var db = statefulSet("db").replicasOwnedByAutoscaler().container(WEB).build();
        assertThat(horizontalPodAutoscaler(db, 1, 3).cpuUtilization(50).build().getSpec().getScaleTargetRef().getKind())
                .isEqualTo("StatefulSet");
    }
}
