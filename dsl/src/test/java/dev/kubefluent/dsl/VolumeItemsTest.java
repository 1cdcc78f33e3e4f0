package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kubefluent.core.validate.ManifestValidationException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** Projecting chosen keys of ConfigMap and Secret volumes ({@code items[]}), checked against the objects (#8). */
class VolumeItemsTest {

    private static final String PASSWORD = "s3cr3t-hunter2";
    private static final ConfigMap CONFIG = configMap("web-config").namespace("shop")
            .data("app.properties", "a=1").data("logback.xml", "<configuration/>").build();
    private static final Secret DB = secret("db").namespace("shop")
            .stringData("username", "web").stringData("password", PASSWORD).build();

    private static Volume onlyVolume(VolumeDef volume) {
        Deployment d = deployment("web").namespace("shop").volume(volume)
                .container(container("web").image("ghcr.io/acme/web:1").volumeMount(volume.name(), "/etc/web"))
                .build();
        return d.getSpec().getTemplate().getSpec().getVolumes().get(0);
    }

    @Test
    void projects_chosen_config_map_keys_to_paths() {
        Volume v = onlyVolume(configMapVolume("config", CONFIG).item("app.properties", "conf/app.properties"));
        assertThat(v.getConfigMap().getName()).isEqualTo("web-config");
        assertThat(v.getConfigMap().getItems()).extracting(KeyToPath::getKey, KeyToPath::getPath)
                .containsExactly(tuple("app.properties", "conf/app.properties"));
    }

    @Test
    void projects_chosen_secret_keys_to_paths() {
        Volume v = onlyVolume(secretVolume("db", DB).item("password", "db/password").item("username", "db/user")
                .defaultMode(0400));
        assertThat(v.getSecret().getSecretName()).isEqualTo("db");
        assertThat(v.getSecret().getDefaultMode()).isEqualTo(0400);
        assertThat(v.getSecret().getItems()).extracting(KeyToPath::getKey, KeyToPath::getPath)
                .containsExactly(tuple("password", "db/password"), tuple("username", "db/user"));
    }

    @Test
    void a_key_the_config_map_does_not_have_is_refused_and_the_existing_keys_are_listed() {
        assertThatThrownBy(() -> configMapVolume("config", CONFIG).item("application.yaml", "app.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key must be one of the keys of ConfigMap \"web-config\" [app.properties, logback.xml]"
                        + " but was: \"application.yaml\"");
    }

    @Test
    void a_key_the_secret_does_not_have_is_refused_without_printing_a_value() {
        assertThatThrownBy(() -> secretVolume("db", DB).item("pasword", "db/password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key must be one of the keys of Secret \"db\" [password, username] but was: \"pasword\"")
                .message().doesNotContain(PASSWORD);
    }

    @Test
    void a_volume_that_names_its_source_takes_any_key() {
        Volume v = onlyVolume(configMapVolume("config", "made-elsewhere").item("any", "any.txt"));
        assertThat(v.getConfigMap().getItems()).extracting(KeyToPath::getKey, KeyToPath::getPath)
                .containsExactly(tuple("any", "any.txt"));
    }

    @Test
    void the_item_path_is_checked_by_build() {
        VolumeDef escaping = configMapVolume("config", CONFIG).item("app.properties", "../app.properties");
        assertThatExceptionOfType(ManifestValidationException.class).isThrownBy(() -> onlyVolume(escaping))
                .satisfies(e -> assertThat(e.errors()).singleElement().satisfies(v -> {
                    assertThat(v.ruleId()).isEqualTo("volume-item-path-invalid");
                    assertThat(v.message()).isEqualTo("Deployment \"web\": spec.template.spec.volumes[0].configMap.items[0]"
                            + ".path must be a relative path without '..' but was: \"../app.properties\"");
                }));
    }

    @Test
    void items_apply_only_to_config_map_and_secret_volumes() {
        assertThatThrownBy(() -> emptyDirVolume("cache").item("a", "b")).isInstanceOf(IllegalStateException.class)
                .hasMessage("item(..) applies only to a configMap volume, but volume \"cache\" is a emptyDir volume");
        assertThatThrownBy(() -> configMapVolume("config", CONFIG).item(null, "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("key must not be null");
    }
}
