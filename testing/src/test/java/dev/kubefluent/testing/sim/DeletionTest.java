package dev.kubefluent.testing.sim;

import static dev.kubefluent.testing.sim.Fixtures.configMap;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@DisplayName("SimulatedCluster deletion, finalizers and garbage collection")
class DeletionTest extends SharedClusterTest {


    private static ConfigMap ownedBy(String name, HasMetadata owner) {
        ConfigMap cm = configMap(name, Map.of("k", "v"));
        cm.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind()).withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid()).withBlockOwnerDeletion(true).build()));
        return cm;
    }

    @Test
    @DisplayName("background deletion removes the owner at once and the garbage collector removes the dependents")
    void background(TestInfo info) {
        var cms = client.configMaps().inNamespace(ns(info));
        ConfigMap owner = cms.resource(configMap("owner", Map.of())).create();
        cms.resource(ownedBy("child", owner)).create();
        ConfigMap grandchild = cms.resource(ownedBy("grandchild", cms.withName("child").get())).create();
        assertThat(grandchild.getMetadata().getOwnerReferences()).hasSize(1);
        cms.withName("owner").withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        cluster.runUntilIdle();
        assertThat(cms.list().getItems()).isEmpty();
    }

    @Test
    @DisplayName("foreground deletion keeps the owner (with a deletionTimestamp) until its dependents are gone")
    void foreground(TestInfo info) {
        var cms = client.configMaps().inNamespace(ns(info));
        ConfigMap owner = cms.resource(configMap("owner", Map.of())).create();
        ConfigMap child = ownedBy("child", owner);
        child.getMetadata().setFinalizers(List.of("example.com/hold"));
        cms.resource(child).create();
        cms.withName("owner").withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
        cluster.runUntilIdle();
        ConfigMap waiting = cms.withName("owner").get();
        assertThat(waiting.getMetadata().getDeletionTimestamp()).isNotNull();
        assertThat(waiting.getMetadata().getFinalizers()).contains("foregroundDeletion");
        assertThat(cms.withName("child").get().getMetadata().getDeletionTimestamp()).isNotNull();
        cms.withName("child").edit(c -> {
            c.getMetadata().setFinalizers(List.of());
            return c;
        });
        cluster.runUntilIdle();
        assertThat(cms.list().getItems()).isEmpty();
    }

    @Test
    @DisplayName("orphan deletion strips the owner reference and keeps the dependents")
    void orphan(TestInfo info) {
        var cms = client.configMaps().inNamespace(ns(info));
        ConfigMap owner = cms.resource(configMap("owner", Map.of())).create();
        cms.resource(ownedBy("child", owner)).create();
        cms.withName("owner").withPropagationPolicy(DeletionPropagation.ORPHAN).delete();
        cluster.runUntilIdle();
        assertThat(cms.withName("owner").get()).isNull();
        assertThat(cms.withName("child").get().getMetadata().getOwnerReferences()).isEmpty();
    }

    @Test
    @DisplayName("finalizers keep a deleted object until they are removed")
    void finalizers(TestInfo info) {
        var cms = client.configMaps().inNamespace(ns(info));
        ConfigMap held = configMap("held", Map.of());
        held.getMetadata().setFinalizers(List.of("example.com/hold"));
        cms.resource(held).create();
        cms.withName("held").delete();
        ConfigMap deleting = cms.withName("held").get();
        assertThat(deleting.getMetadata().getDeletionTimestamp()).isNotNull();
        cms.withName("held").edit(c -> {
            c.getMetadata().setFinalizers(List.of());
            return c;
        });
        assertThat(cms.withName("held").get()).isNull();
    }

    @Test
    @DisplayName("deleting a namespace deletes its content, then the namespace")
    void namespace(TestInfo info) {
        String ns = ns(info);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                .create();
        client.configMaps().inNamespace(ns).resource(configMap("a", Map.of())).create();
        client.namespaces().withName(ns).delete();
        cluster.runUntilIdle();
        assertThat(client.configMaps().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.namespaces().withName(ns).get()).isNull();
    }

    @Test
    @DisplayName("collection delete honours label selectors")
    void delete_collection(TestInfo info) {
        var cms = client.configMaps().inNamespace(ns(info));
        for (String n : List.of("a", "b", "c")) {
            ConfigMap cm = configMap(n, Map.of());
            cm.getMetadata().setLabels(Map.of("grp", n.equals("c") ? "other" : "x"));
            cms.resource(cm).create();
        }
        cms.withLabelIn("grp", "x").delete();
        assertThat(cms.list().getItems()).extracting(c -> c.getMetadata().getName()).containsExactly("c");
    }
}
