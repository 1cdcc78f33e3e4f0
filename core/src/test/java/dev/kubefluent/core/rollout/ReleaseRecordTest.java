package dev.kubefluent.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubefluent.core.ManifestSet;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseRecordTest {

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    private static Deployment deployment() {
        return new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("shop").addToLabels("app", "web")
                .endMetadata().withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec().addNewContainer()
                .withName("web").withImage("nginx:1").endContainer().endSpec().endTemplate().endSpec().build();
    }

    @Test
    void a_record_survives_the_round_trip_through_its_secret() {
        Secret password = new SecretBuilder().withNewMetadata().withName("db").withNamespace("shop").endMetadata()
                .addToStringData("password", "hunter2").build();
        ReleaseRecord record = new ReleaseRecord("shop", 3, ReleaseRecord.DEPLOYED, List.of(deployment(),
                new ConfigMapBuilder().withNewMetadata().withName("cfg").endMetadata().addToData("k", "v").build(), password));
        Secret secret = record.toSecret("shop", serialization);
        assertThat(secret.getMetadata().getName()).isEqualTo("kubefluent.release.v1.shop.v3");
        assertThat(secret.getType()).isEqualTo("kubefluent.dev/release.v1");
        assertThat(secret.getMetadata().getLabels()).containsEntry("owner", "kubefluent").containsEntry("name", "shop")
                .containsEntry("status", "deployed").containsEntry("version", "3");
        // the stored form is compressed, so the Secret value cannot be read off the record's data
        assertThat(secret.getData().get("release")).doesNotContain("hunter2");

        ReleaseRecord back = ReleaseRecord.fromSecret(secret, serialization);
        assertThat(back.revision()).isEqualTo(3);
        assertThat(back.status()).isEqualTo("deployed");
        assertThat(back.manifests()).hasSize(3);
        assertThat(back.manifests().get(0)).isInstanceOf(Deployment.class).isEqualTo(deployment());
        assertThat(((Secret) back.manifests().get(2)).getStringData()).containsEntry("password", "hunter2");
        assertThat(back.toString()).isEqualTo("release shop revision 3 (deployed, 3 objects)").doesNotContain("hunter2");
    }

    @Test
    void a_foreign_or_damaged_secret_is_refused_with_its_name() {
        Secret foreign = new SecretBuilder().withNewMetadata().withName("x").endMetadata().withType("Opaque").build();
        assertThatThrownBy(() -> ReleaseRecord.fromSecret(foreign, serialization))
                .isInstanceOf(RolloutException.class).hasMessageStartingWith("Secret \"x\": is not a Kubefluent release record");
        Secret damaged = new ReleaseRecord("shop", 1, "deployed", List.of()).toSecret("shop", serialization);
        damaged.getData().put("release", "bm90IGd6aXA=");
        assertThatThrownBy(() -> ReleaseRecord.fromSecret(damaged, serialization))
                .isInstanceOf(RolloutException.class).hasMessageContaining("data.release is not a readable release record");
        Secret badVersion = new ReleaseRecord("shop", 1, "deployed", List.of()).toSecret("shop", serialization);
        badVersion.getMetadata().setLabels(new java.util.HashMap<>(badVersion.getMetadata().getLabels()));
        badVersion.getMetadata().getLabels().put("version", "one");
        assertThatThrownBy(() -> ReleaseRecord.fromSecret(badVersion, serialization))
                .hasMessage("Secret \"kubefluent.release.v1.shop.v1\": metadata.labels.version must be a number but was: one");
    }

    @Test
    void the_release_marker_goes_on_object_metadata_only() {
        Deployment d = deployment();
        Releases.mark(d, "shop", "shop");
        assertThat(d.getMetadata().getLabels()).containsEntry("kubefluent.dev/release", "shop");
        assertThat(d.getMetadata().getAnnotations()).containsEntry("kubefluent.dev/release", "shop")
                .containsEntry("kubefluent.dev/release-namespace", "shop");
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("kubefluent.dev/release");
        assertThat(d.getSpec().getSelector().getMatchLabels()).doesNotContainKey("kubefluent.dev/release");
        assertThat(Releases.isMarked(d, "shop")).isTrue();
        assertThat(Releases.isMarked(d, "other")).isFalse();
        Deployment labelOnly = deployment();
        labelOnly.getMetadata().getLabels().put("kubefluent.dev/release", "shop");
        assertThat(Releases.isMarked(labelOnly, "shop")).isFalse();
    }

    @Test
    void the_release_name_defaults_to_the_single_app_only() {
        RolloutOptions none = RolloutOptions.defaults();
        assertThat(Releases.resolveName(ManifestSet.of(deployment()), none)).isEqualTo("web");
        var other = new ConfigMapBuilder().withNewMetadata().withName("c").addToLabels("app.kubernetes.io/name", "api")
                .endMetadata().build();
        assertThatThrownBy(() -> Releases.resolveName(ManifestSet.of(deployment(), other), none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RolloutOptions.release must be set when the set does not hold exactly one app "
                        + "(label app.kubernetes.io/name or app) but the apps were: [api, web]");
        assertThat(Releases.resolveName(ManifestSet.of(deployment(), other), RolloutOptions.builder().release("shop").build()))
                .isEqualTo("shop");
        var unlabelled = new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build();
        assertThatThrownBy(() -> Releases.resolveName(ManifestSet.of(unlabelled), none))
                .hasMessageEndingWith("but the apps were: []");
    }

    @Test
    void release_names_are_checked() {
        assertThatThrownBy(() -> RolloutOptions.builder().release("Shop_1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("release must be a lowercase DNS label of at most 53 characters but was: \"Shop_1\"");
    }
}
