package dev.kubefluent.testing.sim;

import static dev.kubefluent.testing.sim.Fixtures.configMap;
import static dev.kubefluent.testing.sim.Fixtures.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@DisplayName("SimulatedCluster patches and server-side apply")
class PatchAndApplyTest extends SharedClusterTest {


    @Test
    @DisplayName("server-side apply creates an absent object and records the manager's fields")
    void apply_creates(TestInfo info) {
        ConfigMap applied = client.configMaps().inNamespace(ns(info)).resource(configMap("cfg", Map.of("a", "1")))
                .fieldManager("team-a").serverSideApply();
        assertThat(applied.getData()).containsEntry("a", "1");
        ManagedFieldsEntry entry = applied.getMetadata().getManagedFields().stream()
                .filter(e -> e.getManager().equals("team-a")).findFirst().orElseThrow();
        assertThat(entry.getOperation()).isEqualTo("Apply");
        assertThat(entry.getFieldsV1().getAdditionalProperties().toString()).contains("f:data").contains("f:a");
    }

    @Test
    @DisplayName("re-applying a manifest that dropped a field removes it, but keeps fields other managers own")
    void reapply_removes_dropped_fields(TestInfo info) {
        var cms = client.configMaps().inNamespace(ns(info));
        cms.resource(configMap("cfg", Map.of("a", "1", "b", "2"))).fieldManager("team-a").serverSideApply();
        cms.resource(configMap("cfg", Map.of("c", "3"))).fieldManager("team-b").serverSideApply();
        ConfigMap result = cms.resource(configMap("cfg", Map.of("a", "1"))).fieldManager("team-a")
                .serverSideApply();
        assertThat(result.getData()).containsOnly(Map.entry("a", "1"), Map.entry("c", "3"));
        assertThat(cms.withName("cfg").get().getData()).containsOnly(Map.entry("a", "1"), Map.entry("c", "3"));
    }

    @Test
    @DisplayName("server-side apply answers 409 naming the other manager, unless conflicts are forced")
    void apply_conflicts(TestInfo info) {
        var cms = client.configMaps().inNamespace(ns(info));
        cms.resource(configMap("cfg", Map.of("k", "one"))).fieldManager("team-a").serverSideApply();
        assertThatThrownBy(() -> cms.resource(configMap("cfg", Map.of("k", "two"))).fieldManager("team-b")
                .serverSideApply()).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("Apply failed with 1 conflict: conflict with \"team-a\"")
                            .contains(".data.k");
                    assertThat(e.getStatus().getDetails().getCauses()).singleElement()
                            .satisfies(c -> assertThat(c.getField()).isEqualTo(".data.k"));
                });
        assertThat(cms.withName("cfg").get().getData()).containsEntry("k", "one");
        ConfigMap forced = cms.resource(configMap("cfg", Map.of("k", "two"))).fieldManager("team-b")
                .forceConflicts().serverSideApply();
        assertThat(forced.getData()).containsEntry("k", "two");
        ConfigMap again = cms.resource(configMap("cfg", Map.of("k", "three"))).fieldManager("team-b")
                .serverSideApply();
        assertThat(again.getData()).containsEntry("k", "three");
    }

    @Test
    @DisplayName("server-side apply merges keyed lists: a dropped env entry goes, another manager's container stays")
    void apply_keyed_lists(TestInfo info) {
        var deployments = client.apps().deployments().inNamespace(ns(info));
        Deployment web = deployment("web", "nginx:1");
        deployments.resource(web).fieldManager("ci").serverSideApply();
        Deployment sidecar = new DeploymentBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec()
                .withNewTemplate().withNewSpec().addNewContainer().withName("proxy").withImage("envoy:1")
                .endContainer().endSpec().endTemplate().endSpec().build();
        deployments.resource(sidecar).fieldManager("mesh").serverSideApply();
        Deployment withoutEnv = deployment("web", "nginx:2");
        withoutEnv.getSpec().getTemplate().getSpec().getContainers().get(0).setEnv(null);
        Deployment result = deployments.resource(withoutEnv).fieldManager("ci").serverSideApply();
        assertThat(result.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getName)
                .containsExactly("web", "proxy");
        Container webContainer = result.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(webContainer.getImage()).isEqualTo("nginx:2");
        assertThat(webContainer.getEnv()).isEmpty();
        assertThat(result.getMetadata().getGeneration()).isEqualTo(3L);
    }

    @Test
    @DisplayName("strategic merge patch merges containers by name and ports by containerPort, and honours $patch")
    void strategic_merge(TestInfo info) {
        var deployments = client.apps().deployments().inNamespace(ns(info));
        deployments.resource(deployment("web", "nginx:1")).create();
        PatchContext smp = PatchContext.of(PatchType.STRATEGIC_MERGE);
        Deployment patched = deployments.withName("web").patch(smp, "{\"spec\":{\"template\":{\"spec\":{"
                + "\"containers\":[{\"name\":\"web\",\"image\":\"nginx:2\",\"ports\":[{\"containerPort\":9090}]},"
                + "{\"name\":\"side\",\"image\":\"busybox\"}]}}}}");
        var containers = patched.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).extracting(Container::getName).containsExactly("web", "side");
        assertThat(containers.get(0).getImage()).isEqualTo("nginx:2");
        assertThat(containers.get(0).getEnv()).extracting(e -> e.getName()).containsExactly("MODE");
        assertThat(containers.get(0).getPorts()).extracting(p -> p.getContainerPort()).containsExactly(8080, 9090);
        Deployment deleted = deployments.withName("web").patch(smp, "{\"spec\":{\"template\":{\"spec\":{"
                + "\"containers\":[{\"name\":\"side\",\"$patch\":\"delete\"}]}}}}");
        assertThat(deleted.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getName)
                .containsExactly("web");
        Deployment labels = deployments.withName("web").patch(smp, "{\"metadata\":{\"labels\":{\"app\":null,"
                + "\"tier\":\"front\"}}}");
        assertThat(labels.getMetadata().getLabels()).containsOnly(Map.entry("tier", "front"));
    }

    @Test
    @DisplayName("JSON merge patch removes keys set to null and replaces lists (RFC 7386)")
    void json_merge_patch(TestInfo info) {
        var deployments = client.apps().deployments().inNamespace(ns(info));
        deployments.resource(deployment("web", "nginx:1")).create();
        Deployment patched = deployments.withName("web").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"labels\":{\"app\":null,\"tier\":\"front\"}},\"spec\":{\"template\":{\"spec\":{"
                        + "\"containers\":[{\"name\":\"side\",\"image\":\"busybox\"}]}}}}");
        assertThat(patched.getMetadata().getLabels()).containsOnly(Map.entry("tier", "front"));
        assertThat(patched.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getName)
                .containsExactly("side");
    }

    @Test
    @DisplayName("JSON patch applies its operations, and a failing test operation is a prompt 422")
    void json_patch(TestInfo info) {
        var deployments = client.apps().deployments().inNamespace(ns(info));
        deployments.resource(deployment("web", "nginx:1")).create();
        Deployment patched = deployments.withName("web").patch(PatchContext.of(PatchType.JSON),
                "[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":2},"
                        + "{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":5}]");
        assertThat(patched.getSpec().getReplicas()).isEqualTo(5);
        long start = System.nanoTime();
        assertThatThrownBy(() -> deployments.withName("web").patch(PatchContext.of(PatchType.JSON),
                "[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":99}]"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("testing value /spec/replicas failed");
                });
        assertThat(System.nanoTime() - start).as("answered before the client's timeout")
                .isLessThan(4_000_000_000L);
    }

    @Test
    @DisplayName("edit() and patch() of the client (JSON patch diffs) work, and stale resourceVersions conflict")
    void edit_and_optimistic_lock(TestInfo info) {
        var cms = client.configMaps().inNamespace(ns(info));
        cms.resource(configMap("cfg", Map.of("k", "v"))).create();
        ConfigMap stale = cms.withName("cfg").get();
        cms.withName("cfg").edit(c -> {
            c.getData().put("k", "w");
            return c;
        });
        stale.getData().put("k", "x");
        assertThatThrownBy(() -> cms.resource(stale).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("the object has been modified");
                });
        assertThat(cms.withName("cfg").get().getData()).containsEntry("k", "w");
    }
}
