package dev.kubefluent.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"web", "a", "web-1", "0abc"})
    void accepts_dns1123_labels(String v) {
        assertThat(Formats.isDns1123Label(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Web", "-web", "web-", "web_1", "a.b"})
    void rejects_bad_dns1123_labels(String v) {
        assertThat(Formats.isDns1123Label(v)).isFalse();
    }

    @Test
    void label_length_limit_is_63() {
        assertThat(Formats.isDns1123Label("a".repeat(63))).isTrue();
        assertThat(Formats.isDns1123Label("a".repeat(64))).isFalse();
    }

    @Test
    void subdomains_allow_dots_but_service_names_must_start_with_a_letter() {
        assertThat(Formats.isDns1123Subdomain("web.shop")).isTrue();
        assertThat(Formats.isDns1123Subdomain("web..shop")).isFalse();
        assertThat(Formats.isDns1035Label("1web")).isFalse();
        assertThat(Formats.isDns1035Label("web1")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"app", "app.kubernetes.io/name", "a_b.c-d", "example.com/X"})
    void accepts_qualified_names(String v) {
        assertThat(Formats.isQualifiedName(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/name", "Example.com/name", "app/", "-app", "a/b/c"})
    void rejects_bad_qualified_names(String v) {
        assertThat(Formats.isQualifiedName(v)).isFalse();
    }

    @Test
    void label_values_may_be_empty() {
        assertThat(Formats.isLabelValue("")).isTrue();
        assertThat(Formats.isLabelValue("v1.2_3")).isTrue();
        assertThat(Formats.isLabelValue("a b")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "web-1", "h2c", "metrics"})
    void accepts_iana_port_names(String v) {
        assertThat(Formats.isIanaSvcName(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8080", "-http", "http-", "ht--tp", "HTTP", "a-very-long-port-name"})
    void rejects_bad_iana_port_names(String v) {
        assertThat(Formats.isIanaSvcName(v)).isFalse();
    }

    @Test
    void env_var_names_follow_the_target_version() {
        assertThat(Formats.isEnvVarName("1ABC", KubeVersion.of(1, 31))).isFalse();
        assertThat(Formats.isEnvVarName("1ABC", KubeVersion.of(1, 32))).isTrue();
        assertThat(Formats.isEnvVarName("A=B", KubeVersion.of(1, 32))).isFalse();
        assertThat(Formats.isEnvVarName("LOG_LEVEL", KubeVersion.of(1, 29))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"250m", "1", "1.5", "512Mi", "1e3", "2Gi", "0.5", ".5", "100k", "10n"})
    void accepts_quantities(String v) {
        assertThat(Formats.isQuantity(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1 Gi", "1GB", "m", "abc", "1.2.3", "512mi"})
    void rejects_bad_quantities(String v) {
        assertThat(Formats.isQuantity(v)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "nginx:1.27", "ghcr.io/acme/web:1.4.2", "localhost:5000/a/b",
        "docker.io/library/nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void accepts_image_references(String v) {
        assertThat(Formats.isImageReference(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Nginx", "nginx:", "nginx: 1", " nginx", "ghcr.io/acme/web:1.4.2 ", "a//b"})
    void rejects_bad_image_references(String v) {
        assertThat(Formats.isImageReference(v)).isFalse();
    }

    @Test
    void percents_and_config_keys() {
        assertThat(Formats.isPercent("25%")).isTrue();
        assertThat(Formats.isPercent("25")).isFalse();
        assertThat(Formats.isConfigKey("app.properties")).isTrue();
        assertThat(Formats.isConfigKey("..data")).isFalse();
        assertThat(Formats.isConfigKey("a/b")).isFalse();
    }
}
