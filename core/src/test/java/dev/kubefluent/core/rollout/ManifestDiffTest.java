package dev.kubefluent.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestDiffTest {

    private final ManifestDiff diff = new ManifestDiff(new KubernetesSerialization());

    private static Deployment deployment(String image, int replicas) {
        return new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("shop")
                .addToLabels("app.kubernetes.io/name", "web").endMetadata()
                .withNewSpec().withReplicas(replicas).withNewTemplate().withNewSpec().addNewContainer().withName("web")
                .withImage(image).endContainer().endSpec().endTemplate().endSpec().build();
    }

    @Test
    void shows_only_fields_the_rollout_sets_that_differ() {
        Deployment live = deployment("nginx:1", 2);
        live.getMetadata().setResourceVersion("42");
        live.getMetadata().setUid("u");
        live.getSpec().setProgressDeadlineSeconds(600);
        live.getSpec().getTemplate().getSpec().getContainers().get(0).setTerminationMessagePath("/dev/termination-log");
        List<FieldChange> changes = diff.diff(deployment("nginx:2", 3), live, null);
        assertThat(changes).extracting(FieldChange::toString).containsExactly(
                "spec.replicas: 2 -> 3",
                "spec.template.spec.containers[0].image: \"nginx:1\" -> \"nginx:2\"");
        assertThat(diff.diff(deployment("nginx:1", 2), live, null)).isEmpty();
    }

    @Test
    void keys_with_dots_use_brackets_and_new_fields_show_as_absent_before() {
        Deployment desired = deployment("nginx:1", 2);
        desired.getMetadata().getLabels().put("tier", "web");
        List<FieldChange> changes = diff.diff(desired, deployment("nginx:1", 2), null);
        assertThat(changes).extracting(FieldChange::toString).containsExactly("metadata.labels.tier: <absent> -> \"web\"");
        desired.getMetadata().getLabels().put("app.kubernetes.io/name", "shop");
        assertThat(diff.diff(desired, deployment("nginx:1", 2), null)).extracting(FieldChange::path)
                .contains("metadata.labels[\"app.kubernetes.io/name\"]");
    }

    @Test
    void fields_the_previous_revision_set_and_this_one_drops_are_shown_as_removed() {
        ConfigMap previous = new ConfigMapBuilder().withNewMetadata().withName("cfg").endMetadata()
                .addToData("a", "1").addToData("b", "2").build();
        ConfigMap desired = new ConfigMapBuilder().withNewMetadata().withName("cfg").endMetadata().addToData("a", "1").build();
        assertThat(diff.diff(desired, previous, previous)).extracting(FieldChange::toString)
                .containsExactly("data.b: \"2\" -> <absent>");
    }

    @Test
    void secret_values_are_compared_but_never_shown() {
        Secret live = new SecretBuilder().withNewMetadata().withName("db").endMetadata()
                .addToData("password", Base64.getEncoder().encodeToString("old-pass".getBytes(StandardCharsets.UTF_8)))
                .addToData("user", Base64.getEncoder().encodeToString("admin".getBytes(StandardCharsets.UTF_8))).build();
        Secret desired = new SecretBuilder().withNewMetadata().withName("db").endMetadata()
                .addToStringData("password", "new-pass").addToStringData("user", "admin").addToStringData("token", "t0k3n").build();
        List<FieldChange> changes = diff.diff(desired, live, live);
        assertThat(changes).extracting(FieldChange::toString).containsExactly(
                "data.password: <redacted> -> <redacted>",
                "data.token: <absent> -> <redacted>");
        assertThat(changes.toString()).doesNotContain("new-pass", "old-pass", "t0k3n", "b2xkLXBhc3M");
    }
}
