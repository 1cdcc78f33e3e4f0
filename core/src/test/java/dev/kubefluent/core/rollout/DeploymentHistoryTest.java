package dev.kubefluent.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentHistoryTest {

    private static final Deployment WEB = new DeploymentBuilder().withNewMetadata().withName("web").withUid("uid-web")
            .endMetadata().build();

    private static PodTemplateSpec template(String image, String hash) {
        var b = new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", "web");
        if (hash != null) {
            b = b.addToLabels("pod-template-hash", hash);
        }
        return b.endMetadata().withNewSpec().addNewContainer().withName("web").withImage(image).endContainer().endSpec().build();
    }

    private static ReplicaSet rs(String name, String revision, String ownerUid, boolean controller, String image) {
        var meta = new ReplicaSetBuilder().withNewMetadata().withName(name);
        if (revision != null) {
            meta = meta.addToAnnotations("deployment.kubernetes.io/revision", revision);
        }
        if (ownerUid != null) {
            meta = meta.addNewOwnerReference().withKind("Deployment").withName("web").withUid(ownerUid)
                    .withController(controller).endOwnerReference();
        }
        return meta.endMetadata().withNewSpec().withTemplate(template(image, name.substring(name.indexOf('-') + 1)))
                .endSpec().build();
    }

    @Test
    void only_replica_sets_controlled_by_the_deployment_count() {
        List<ReplicaSet> all = List.of(rs("web-a", "1", "uid-web", true, "nginx:1"),
                rs("web-b", "2", "uid-other", true, "nginx:2"),
                rs("web-c", "3", "uid-web", false, "nginx:3"),
                rs("web-d", "4", null, false, "nginx:4"));
        assertThat(DeploymentHistory.owned(WEB, all)).extracting(r -> r.getMetadata().getName()).containsExactly("web-a");
    }

    @Test
    void revision_zero_selects_the_second_highest_revision() {
        List<ReplicaSet> owned = List.of(rs("web-b", "3", "uid-web", true, "nginx:3"),
                rs("web-a", "1", "uid-web", true, "nginx:1"),
                rs("web-c", "10", "uid-web", true, "nginx:10"),
                rs("web-x", "not-a-number", "uid-web", true, "nginx:x"));
        assertThat(DeploymentHistory.select(WEB, owned, 0).getMetadata().getName()).isEqualTo("web-b");
        assertThat(DeploymentHistory.select(WEB, owned, 1).getMetadata().getName()).isEqualTo("web-a");
    }

    @Test
    void missing_revisions_give_kubectl_messages_not_index_errors() {
        List<ReplicaSet> one = List.of(rs("web-a", "1", "uid-web", true, "nginx:1"));
        assertThatThrownBy(() -> DeploymentHistory.select(WEB, one, 7))
                .isInstanceOf(RolloutException.class).hasMessage("unable to find specified revision 7 in history");
        assertThatThrownBy(() -> DeploymentHistory.select(WEB, one, 0))
                .isInstanceOf(RolloutException.class).hasMessage("no rollout history found for deployment \"web\"");
        assertThatThrownBy(() -> DeploymentHistory.select(WEB, List.of(), 0))
                .isInstanceOf(RolloutException.class).hasMessage("no rollout history found for deployment \"web\"");
        assertThatThrownBy(() -> DeploymentHistory.select(WEB, one, -1))
                .isInstanceOf(RolloutException.class).hasMessage("unable to find specified revision -1 in history");
    }

    @Test
    void a_missing_annotation_counts_as_revision_zero_like_kubectl() {
        ReplicaSet unannotated = rs("web-z", null, "uid-web", true, "nginx:0");
        assertThat(DeploymentHistory.parseRevision(unannotated)).hasValue(0);
        List<ReplicaSet> owned = List.of(unannotated, rs("web-a", "1", "uid-web", true, "nginx:1"));
        assertThat(DeploymentHistory.select(WEB, owned, 0).getMetadata().getName()).isEqualTo("web-z");
    }

    @Test
    void history_lists_revisions_in_order_with_change_cause_and_hash_stripped() {
        ReplicaSet second = rs("web-b", "2", "uid-web", true, "nginx:2");
        second.getMetadata().getAnnotations().put("kubernetes.io/change-cause", "bump to 2");
        List<Revision> history = DeploymentHistory.revisions(List.of(second, rs("web-a", "1", "uid-web", true, "nginx:1")));
        assertThat(history).extracting(Revision::toString).containsExactly("1  <none>", "2  bump to 2");
        assertThat(history.get(1).replicaSet()).isEqualTo("web-b");
        assertThat(history.get(1).template().getMetadata().getLabels()).containsExactly(java.util.Map.entry("app", "web"));
        assertThat(history.get(1).template().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:2");
        // the ReplicaSet itself keeps its label
        assertThat(second.getSpec().getTemplate().getMetadata().getLabels()).containsKey("pod-template-hash");
    }

    @Test
    void templates_are_compared_ignoring_the_hash_label_and_label_order() {
        PodTemplateSpec a = template("nginx:1", "abc");
        PodTemplateSpec b = new PodTemplateSpecBuilder(template("nginx:1", null)).editMetadata().addToLabels("z", "1").endMetadata().build();
        assertThat(DeploymentHistory.equalIgnoreHash(a, template("nginx:1", null))).isTrue();
        assertThat(DeploymentHistory.equalIgnoreHash(a, template("nginx:2", null))).isFalse();
        assertThat(DeploymentHistory.equalIgnoreHash(a, b)).isFalse();
        PodTemplateSpec reordered = new PodTemplateSpecBuilder(template("nginx:1", null)).editMetadata()
                .withLabels(new java.util.LinkedHashMap<>(java.util.Map.of("app", "web"))).endMetadata().build();
        assertThat(DeploymentHistory.equalIgnoreHash(reordered, a)).isTrue();
    }
}
