package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubeTest {

    @Test
    void is_a_final_class_that_cannot_be_instantiated() throws Exception {
        assertThat(Modifier.isFinal(Kube.class.getModifiers())).isTrue();
        Constructor<Kube> ctor = Kube.class.getDeclaredConstructor();
        assertThat(Modifier.isPrivate(ctor.getModifiers())).isTrue();
        ctor.setAccessible(true);
        assertThatThrownBy(ctor::newInstance).isInstanceOf(InvocationTargetException.class)
                .cause().isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void resource_quantities() {
        assertThat(cpu("250m")).isEqualTo(new ResourceQuantity("cpu", "250m")).hasToString("cpu=250m");
        assertThat(memory("1.5Gi").amount()).isEqualTo("1.5Gi");
        assertThat(resource("nvidia.com/gpu", "2").name()).isEqualTo("nvidia.com/gpu");
        assertThat(ephemeralStorage("2Gi").name()).isEqualTo("ephemeral-storage");
        assertThat(cpu("1e3").amount()).isEqualTo("1e3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2 cores", "", "-1", "1.5.2", "250mi", "m"})
    void cpu_rejects_malformed_values(String bad) {
        assertThatThrownBy(() -> cpu(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cpu must be a non-negative Kubernetes quantity such as \"250m\", \"0.5\" or \"2\" but was: \""
                        + bad + "\"");
    }

    @Test
    void memory_and_named_resources_reject_malformed_values() {
        assertThatThrownBy(() -> memory("512MB")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memory must be a non-negative Kubernetes quantity such as \"256Mi\", \"1Gi\" or \"500M\""
                        + " but was: \"512MB\"");
        assertThatThrownBy(() -> resource("nvidia.com/gpu", "one")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nvidia.com/gpu must be a non-negative Kubernetes quantity such as \"1\", \"250m\" or"
                        + " \"512Mi\" but was: \"one\"");
        assertThatThrownBy(() -> resource("not a name", "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("resource name must be a qualified name")
                .hasMessageEndingWith("but was: \"not a name\"");
        assertThatThrownBy(() -> cpu(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cpu must not be null");
    }

    @Test
    void max_surge_and_max_unavailable() {
        assertThat(maxSurge("25%")).hasToString("25%");
        assertThat(maxSurge(2)).hasToString("2");
        assertThat(maxUnavailable(0)).hasToString("0");
        assertThat(maxUnavailable("100%").percent()).isEqualTo("100%");
        assertThatThrownBy(() -> maxSurge("25")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxSurge must be a percentage such as \"25%\" but was: \"25\"");
        assertThatThrownBy(() -> maxSurge("-5%")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxSurge must be a percentage such as \"25%\" but was: \"-5%\"");
        assertThatThrownBy(() -> maxUnavailable(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxUnavailable must not be negative but was: -1");
        assertThatThrownBy(() -> maxUnavailable("quarter")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxUnavailable must be a percentage such as \"25%\" but was: \"quarter\"");
        assertThatThrownBy(() -> new MaxSurge(1, "1%")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxSurge needs exactly one of a count and a percentage but was: 1 and \"1%\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ghcr.io/acme/Web", "web:", "web app:1", "web:1.0 ", "", "ghcr.io//web"})
    void image_references_are_checked(String bad) {
        assertThatThrownBy(() -> container("web").image(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("image must be an image reference [registry[:port]/]path[:tag][@digest] such as"
                        + " \"ghcr.io/acme/web:1.4.2\" but was: \"" + bad + "\"");
    }

    @Test
    void well_formed_image_references_are_accepted() {
        assertThat(container("web").image("nginx").build().getImage()).isEqualTo("nginx");
        assertThat(container("web").image("localhost:5000/team/web:v1.2").build().getImage())
                .isEqualTo("localhost:5000/team/web:v1.2");
        String digest = "ghcr.io/acme/web@sha256:" + "a".repeat(64);
        assertThat(container("web").image(digest).build().getImage()).isEqualTo(digest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http-metrics-port", "HTTP", "-http", "http-", "my--port", "8080", ""})
    void port_names_are_iana_service_names(String bad) {
        assertThatThrownBy(() -> container("web").image("web:1").port(bad, 8080))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port name must be an IANA service name (at most 15 lower-case alphanumerics or '-', at"
                        + " least one letter, no leading, trailing or double '-', e.g. \"http\") but was: \"" + bad + "\"");
        assertThatThrownBy(() -> httpGet("/ready", bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("httpGet port must be an IANA service name");
        assertThatThrownBy(() -> tcpSocket(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tcpSocket port must be an IANA service name");
    }

    @Test
    void port_numbers_are_in_range() {
        assertThatThrownBy(() -> container("web").image("web:1").port("http", 70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("containerPort must be between 1 and 65535 but was: 70000");
        assertThatThrownBy(() -> tcpSocket(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tcpSocket port must be between 1 and 65535 but was: 0");
        assertThatThrownBy(() -> servicePort(80).nodePort(65536)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nodePort must be between 1 and 65535 but was: 65536");
    }

    @Test
    void names_of_containers_volumes_and_references() {
        assertThatThrownBy(() -> container("Web_1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("container name must be a DNS-1123 label")
                .hasMessageEndingWith("but was: \"Web_1\"");
        assertThatThrownBy(() -> pod("web_1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Pod name must be a DNS-1123 subdomain");
        assertThatThrownBy(() -> emptyDirVolume("Cache")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("volume name must be a DNS-1123 label");
        assertThatThrownBy(() -> secretKey("db", "pass word")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("secret key must be a ConfigMap/Secret key")
                .hasMessageEndingWith("but was: \"pass word\"");
        assertThatThrownBy(() -> configMapEnv("Cfg")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("configMap name must be a DNS-1123 subdomain");
        assertThatThrownBy(() -> toleration("bad key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("toleration key must be a qualified name");
        assertThatThrownBy(() -> servicePort(80).name("Http")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Service port name must be a DNS-1123 label");
    }

    @Test
    void null_arguments_name_the_argument() {
        assertThatThrownBy(() -> deployment(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Deployment name must not be null");
        assertThatThrownBy(() -> container("web").image("web:1").command("a", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("command[1] must not be null");
        assertThatThrownBy(() -> container("web").image("web:1").requests(cpu("1"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requests[1] must not be null");
        assertThatThrownBy(() -> container("web").image("web:1").env("A", (String) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("env value of \"A\" must not be null");
    }

    @Test
    void enum_values_are_the_manifest_spelling() {
        assertThat(RestartPolicy.ON_FAILURE.value()).isEqualTo("OnFailure");
        assertThat(ImagePullPolicy.IF_NOT_PRESENT.value()).isEqualTo("IfNotPresent");
        assertThat(Protocol.SCTP.value()).isEqualTo("SCTP");
        assertThat(ServiceType.LOAD_BALANCER.value()).isEqualTo("LoadBalancer");
        assertThat(SessionAffinity.CLIENT_IP.value()).isEqualTo("ClientIP");
        assertThat(TaintEffect.NO_EXECUTE.value()).isEqualTo("NoExecute");
        assertThat(WhenUnsatisfiable.DO_NOT_SCHEDULE.value()).isEqualTo("DoNotSchedule");
    }
}
