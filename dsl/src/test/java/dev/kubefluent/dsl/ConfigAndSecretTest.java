package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.validate.ManifestValidationException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigAndSecretTest {

    private static final String PASSWORD = "hunter2-Sup3rSecret";

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Test
    void config_map_data_binary_data_and_immutable() {
        ConfigMap c = configMap("web-config").namespace("shop").data("LOG_LEVEL", "info")
                .data(Map.of("app.yaml", "port: 8080")).binaryData("logo.png", new byte[] {1, 2, 3}).immutable()
                .build();
        assertThat(c.getKind()).isEqualTo("ConfigMap");
        assertThat(c.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(c.getData()).containsOnly(entry("LOG_LEVEL", "info"), entry("app.yaml", "port: 8080"));
        assertThat(c.getBinaryData()).containsOnly(entry("logo.png", "AQID"));
        assertThat(c.getImmutable()).isTrue();
        assertThat(c.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "kubefluent");
    }

    @Test
    void config_map_data_from_files(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("app.properties"), "a=1\nb=2\n");
        ConfigMap c = configMap("cfg").dataFromFile(file).dataFromFile("renamed.properties", file).build();
        assertThat(c.getData()).containsOnly(entry("app.properties", "a=1\nb=2\n"),
                entry("renamed.properties", "a=1\nb=2\n"));
        Path missing = dir.resolve("missing.txt");
        assertThatThrownBy(() -> configMap("cfg").dataFromFile(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("file must be readable but was: " + missing);
    }

    @Test
    void config_map_keys_are_checked() {
        assertThatThrownBy(() -> configMap("cfg").data("bad key", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ConfigMap key must be a ConfigMap/Secret key (alphanumerics, '-', '_' or '.', e.g."
                        + " \"app.properties\") but was: \"bad key\"");
        assertThatThrownBy(() -> configMap("cfg").binaryData("a/b", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("but was: \"a/b\"");
    }

    @Test
    void secret_string_data_binary_data_and_type() {
        Secret s = secret("db").stringData("password", PASSWORD).data("key.bin", new byte[] {0, 1})
                .type("Opaque").immutable().build();
        assertThat(s.getKind()).isEqualTo("Secret");
        assertThat(s.getStringData()).containsOnly(entry("password", PASSWORD));
        assertThat(s.getData()).containsOnly(entry("key.bin", "AAE="));
        assertThat(s.getType()).isEqualTo("Opaque");
        assertThat(s.getImmutable()).isTrue();
        assertThat(secret("db").stringData("a", "b").build().getType()).as("Kubernetes defaults to Opaque").isNull();
    }

    @Test
    void tls_secret() {
        Secret s = secret("web-tls").tls("-----BEGIN CERTIFICATE-----\nX\n", "-----BEGIN PRIVATE KEY-----\nY\n").build();
        assertThat(s.getType()).isEqualTo("kubernetes.io/tls");
        assertThat(decode(s.getData().get("tls.crt"))).isEqualTo("-----BEGIN CERTIFICATE-----\nX\n");
        assertThat(decode(s.getData().get("tls.key"))).isEqualTo("-----BEGIN PRIVATE KEY-----\nY\n");
    }

    @Test
    void docker_config_secret() {
        Secret s = secret("ghcr").dockerConfig("ghcr.io", "bot", "to\"ken").build();
        assertThat(s.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
        assertThat(decode(s.getData().get(".dockerconfigjson"))).isEqualTo(
                "{\"auths\":{\"ghcr.io\":{\"username\":\"bot\",\"password\":\"to\\\"ken\",\"auth\":\""
                        + Base64.getEncoder().encodeToString("bot:to\"ken".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
    }

    @Test
    void secret_values_are_never_printed_by_the_builder() {
        SecretDef def = secret("db").stringData("password", PASSWORD).tls("CERT", PASSWORD)
                .dockerConfig("ghcr.io", "bot", PASSWORD);
        assertThat(def.toString()).doesNotContain(PASSWORD).isEqualTo("SecretDef[db, kubernetes.io/dockerconfigjson,"
                + " {.dockerconfigjson=<redacted>, password=<redacted>, tls.crt=<redacted>, tls.key=<redacted>}]");
    }

    @Test
    void secret_values_are_never_in_exception_messages() {
        Secret s = secret("db").stringData("password", PASSWORD).build();
        IllegalArgumentException missing = catchThrowableOfType(IllegalArgumentException.class,
                () -> secretKey(s, "passwort"));
        assertThat(missing).hasMessage("key must be one of the keys of Secret \"db\" [password] but was: \"passwort\"");
        assertThat(missing.getMessage()).doesNotContain(PASSWORD);
        ManifestValidationException e = catchThrowableOfType(ManifestValidationException.class,
                () -> secret("db").stringData("password", PASSWORD)
                        .customize(b -> b.editMetadata().withName("db/x").endMetadata()).build());
        assertThat(e.errors()).extracting(v -> v.ruleId()).contains("metadata-name-invalid");
        assertThat(e.getMessage()).doesNotContain(PASSWORD);
        assertThatThrownBy(() -> secret("db").stringData("pass word", PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(PASSWORD);
    }

    @Test
    void containers_use_config_maps_and_secrets_as_objects_with_checked_keys() {
        ConfigMap cfg = configMap("web-config").data("LOG_LEVEL", "info").binaryData("logo", new byte[] {1}).build();
        Secret db = secret("db").stringData("url", "postgres://x").build();
        Container c = container("web").image("ghcr.io/acme/web:1")
                .env("LOG_LEVEL", configMapKey(cfg, "LOG_LEVEL"))
                .env("DB_URL", secretKey(db, "url"))
                .envFrom(configMapEnv(cfg)).envFrom(secretEnv(db).prefix("DB_"))
                .build();
        assertThat(c.getEnv().get(0).getValueFrom().getConfigMapKeyRef().getName()).isEqualTo("web-config");
        assertThat(c.getEnv().get(1).getValueFrom().getSecretKeyRef().getName()).isEqualTo("db");
        assertThat(c.getEnvFrom().get(0).getConfigMapRef().getName()).isEqualTo("web-config");
        assertThat(c.getEnvFrom().get(1).getSecretRef().getName()).isEqualTo("db");
        assertThat(configMapVolume("cfg", cfg).toString()).contains("name=web-config");
        assertThat(secretVolume("db", db).toString()).contains("secretName=db");
        assertThatThrownBy(() -> configMapKey(cfg, "LOGLEVEL")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key must be one of the keys of ConfigMap \"web-config\" [LOG_LEVEL, logo] but was:"
                        + " \"LOGLEVEL\"");
        assertThatThrownBy(() -> configMapEnv((ConfigMap) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configMap must not be null");
    }

    @Test
    void wired_objects_validate_cleanly_as_a_set() {
        ConfigMap cfg = configMap("web-config").data("LOG_LEVEL", "info").build();
        Secret db = secret("db").stringData("url", "postgres://x").build();
        var web = deployment("web").volume(secretVolume("db", db)).volume(configMapVolume("cfg", cfg))
                .container(container("web").image("ghcr.io/acme/web:1").env("DB_URL", secretKey(db, "url"))
                        .volumeMount("db", "/etc/db").volumeMount("cfg", "/etc/cfg")).build();
        assertThat(ManifestSet.of(cfg, db, web).validationReport().violations()).isEmpty();
    }
}
