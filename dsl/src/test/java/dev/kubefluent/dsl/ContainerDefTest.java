package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerDefTest {

    private static final ContainerDef BASE = container("app").image("ghcr.io/acme/app:1.0");

    @Test
    void name_and_image() {
        Container c = BASE.build();
        assertThat(c.getName()).isEqualTo("app");
        assertThat(c.getImage()).isEqualTo("ghcr.io/acme/app:1.0");
        assertThat(BASE.name()).isEqualTo("app");
        assertThat(BASE.image("ghcr.io/acme/app:2.0").build().getImage()).isEqualTo("ghcr.io/acme/app:2.0");
    }

    @Test
    void command_args_working_dir_and_pull_policy() {
        Container c = BASE.command("/bin/app", "serve").args("--port", "8080").workingDir("/srv")
                .imagePullPolicy(ImagePullPolicy.IF_NOT_PRESENT).build();
        assertThat(c.getCommand()).containsExactly("/bin/app", "serve");
        assertThat(c.getArgs()).containsExactly("--port", "8080");
        assertThat(c.getWorkingDir()).isEqualTo("/srv");
        assertThat(c.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(BASE.imagePullPolicy(ImagePullPolicy.ALWAYS).build().getImagePullPolicy()).isEqualTo("Always");
        assertThat(BASE.imagePullPolicy(ImagePullPolicy.NEVER).build().getImagePullPolicy()).isEqualTo("Never");
    }

    @Test
    void ports_with_names_and_protocols() {
        Container c = BASE.port(9000).port("http", 8080).port("dns", 53, Protocol.UDP).port("sig", 7000, Protocol.SCTP)
                .build();
        assertThat(c.getPorts()).extracting(p -> p.getName(), p -> p.getContainerPort(), p -> p.getProtocol())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, 9000, null),
                        org.assertj.core.groups.Tuple.tuple("http", 8080, null),
                        org.assertj.core.groups.Tuple.tuple("dns", 53, "UDP"),
                        org.assertj.core.groups.Tuple.tuple("sig", 7000, "SCTP"));
    }

    @Test
    void env_literal_config_map_key_secret_key_field_and_resource_refs() {
        List<EnvVar> env = BASE
                .env("LOG_LEVEL", "info")
                .env("DB_HOST", configMapKey("db-config", "host"))
                .env("DB_PASSWORD", secretKey("db", "password"))
                .env("OPTIONAL", secretKey("extra", "token").optional())
                .env("POD_NAME", fieldRef("metadata.name"))
                .env("MEM_LIMIT", resourceFieldRef("limits.memory"))
                .build().getEnv();
        assertThat(env).extracting(EnvVar::getName)
                .containsExactly("LOG_LEVEL", "DB_HOST", "DB_PASSWORD", "OPTIONAL", "POD_NAME", "MEM_LIMIT");
        assertThat(env.get(0).getValue()).isEqualTo("info");
        assertThat(env.get(0).getValueFrom()).isNull();
        assertThat(env.get(1).getValueFrom().getConfigMapKeyRef().getName()).isEqualTo("db-config");
        assertThat(env.get(1).getValueFrom().getConfigMapKeyRef().getKey()).isEqualTo("host");
        assertThat(env.get(1).getValueFrom().getConfigMapKeyRef().getOptional()).isNull();
        assertThat(env.get(2).getValueFrom().getSecretKeyRef().getName()).isEqualTo("db");
        assertThat(env.get(2).getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
        assertThat(env.get(3).getValueFrom().getSecretKeyRef().getOptional()).isTrue();
        assertThat(env.get(4).getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        assertThat(env.get(5).getValueFrom().getResourceFieldRef().getResource()).isEqualTo("limits.memory");
        assertThat(env.get(5).getValue()).isNull();
    }

    @Test
    void env_refs_describe_themselves_without_values() {
        assertThat(secretKey("db", "password")).hasToString("secretKey(db, password)");
        assertThat(configMapKey("cfg", "k").optional()).hasToString("configMapKey(cfg, k).optional()");
        assertThat(fieldRef("status.podIP")).hasToString("fieldRef(status.podIP)");
        assertThatThrownBy(() -> fieldRef("metadata.name").optional()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("optional() applies only to configMapKey(..) and secretKey(..)");
    }

    @Test
    void env_from_config_maps_and_secrets() {
        Container c = BASE.envFrom(configMapEnv("web-config"))
                .envFrom(secretEnv("db").prefix("DB_").optional()).build();
        assertThat(c.getEnvFrom()).hasSize(2);
        assertThat(c.getEnvFrom().get(0).getConfigMapRef().getName()).isEqualTo("web-config");
        assertThat(c.getEnvFrom().get(0).getPrefix()).isNull();
        assertThat(c.getEnvFrom().get(0).getSecretRef()).isNull();
        assertThat(c.getEnvFrom().get(1).getSecretRef().getName()).isEqualTo("db");
        assertThat(c.getEnvFrom().get(1).getSecretRef().getOptional()).isTrue();
        assertThat(c.getEnvFrom().get(1).getPrefix()).isEqualTo("DB_");
        assertThat(secretEnv("db").prefix("DB_")).hasToString("secretEnv(db).prefix(DB_)");
    }

    @Test
    void typed_cpu_memory_and_named_resources() {
        Container c = BASE
                .requests(cpu("250m"), memory("256Mi"), ephemeralStorage("1Gi"))
                .limits(cpu("2"), memory("1Gi"), resource("nvidia.com/gpu", "1"))
                .build();
        assertThat(c.getResources().getRequests()).containsOnlyKeys("cpu", "memory", "ephemeral-storage")
                .containsEntry("cpu", new Quantity("250m"))
                .containsEntry("memory", new Quantity("256Mi"))
                .containsEntry("ephemeral-storage", new Quantity("1Gi"));
        assertThat(c.getResources().getLimits()).containsOnlyKeys("cpu", "memory", "nvidia.com/gpu")
                .containsEntry("nvidia.com/gpu", new Quantity("1"));
    }

    @Test
    void later_requests_replace_the_same_resource_only() {
        Container c = BASE.requests(cpu("100m"), memory("64Mi")).requests(cpu("200m")).build();
        assertThat(c.getResources().getRequests())
                .containsEntry("cpu", new Quantity("200m")).containsEntry("memory", new Quantity("64Mi"));
    }

    @Test
    void no_resources_are_invented() {
        assertThat(BASE.build().getResources()).isNull();
    }

    @Test
    void probes_of_every_handler_with_timings() {
        Container c = BASE.port("http", 8080)
                .readinessProbe(httpGet("/ready", "http").initialDelaySeconds(2).periodSeconds(5).timeoutSeconds(2)
                        .successThreshold(2).failureThreshold(4).https().header("X-Probe", "1"))
                .livenessProbe(tcpSocket(8080).terminationGracePeriodSeconds(15))
                .startupProbe(exec("cat", "/tmp/started").failureThreshold(30).periodSeconds(2))
                .build();
        Probe r = c.getReadinessProbe();
        assertThat(r.getHttpGet().getPath()).isEqualTo("/ready");
        assertThat(r.getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
        assertThat(r.getHttpGet().getScheme()).isEqualTo("HTTPS");
        assertThat(r.getHttpGet().getHttpHeaders()).singleElement()
                .satisfies(h -> assertThat(h.getName() + "=" + h.getValue()).isEqualTo("X-Probe=1"));
        assertThat(r.getInitialDelaySeconds()).isEqualTo(2);
        assertThat(r.getPeriodSeconds()).isEqualTo(5);
        assertThat(r.getTimeoutSeconds()).isEqualTo(2);
        assertThat(r.getSuccessThreshold()).isEqualTo(2);
        assertThat(r.getFailureThreshold()).isEqualTo(4);
        assertThat(r.getTcpSocket()).isNull();
        Probe l = c.getLivenessProbe();
        assertThat(l.getTcpSocket().getPort()).isEqualTo(new IntOrString(8080));
        assertThat(l.getTerminationGracePeriodSeconds()).isEqualTo(15L);
        assertThat(l.getHttpGet()).isNull();
        Probe s = c.getStartupProbe();
        assertThat(s.getExec().getCommand()).containsExactly("cat", "/tmp/started");
        assertThat(s.getFailureThreshold()).isEqualTo(30);
        assertThat(s.getPeriodSeconds()).isEqualTo(2);
    }

    @Test
    void grpc_and_http_by_number_probes() {
        Container c = BASE.livenessProbe(grpc(9090)).readinessProbe(grpc(9090, "ready"))
                .startupProbe(httpGet("/healthz", 8081)).build();
        assertThat(c.getLivenessProbe().getGrpc().getPort()).isEqualTo(9090);
        assertThat(c.getLivenessProbe().getGrpc().getService()).isNull();
        assertThat(c.getReadinessProbe().getGrpc().getService()).isEqualTo("ready");
        assertThat(c.getStartupProbe().getHttpGet().getPort()).isEqualTo(new IntOrString(8081));
        assertThat(c.getStartupProbe().getHttpGet().getScheme()).isNull();
    }

    @Test
    void probe_defaults_are_left_to_kubernetes() {
        Probe p = BASE.readinessProbe(tcpSocket("http")).build().getReadinessProbe();
        assertThat(p.getPeriodSeconds()).isNull();
        assertThat(p.getTimeoutSeconds()).isNull();
        assertThat(p.getFailureThreshold()).isNull();
        assertThat(p.getInitialDelaySeconds()).isNull();
    }

    @Test
    void http_only_probe_options_fail_on_other_handlers() {
        assertThatThrownBy(() -> tcpSocket("http").https())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("https() applies only to an httpGet probe, but this probe uses tcpSocket");
        assertThatThrownBy(() -> exec("true").header("a", "b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("header(..) applies only to an httpGet probe, but this probe uses exec");
    }

    @Test
    void probe_timings_reject_bad_values() {
        assertThatThrownBy(() -> tcpSocket(80).periodSeconds(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("periodSeconds must be at least 1 but was: 0");
        assertThatThrownBy(() -> tcpSocket(80).initialDelaySeconds(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initialDelaySeconds must not be negative but was: -1");
        assertThatThrownBy(() -> exec()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("exec command must not be empty");
        assertThatThrownBy(() -> httpGet("ready", "http")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("httpGet path must be an absolute path such as \"/ready\" but was: \"ready\"");
    }

    @Test
    void volume_mounts() {
        Container c = BASE.volumeMount("cache", "/var/cache")
                .volumeMount(mount("config", "/etc/app/app.yaml").subPath("app.yaml").readOnly()).build();
        assertThat(c.getVolumeMounts()).hasSize(2);
        assertThat(c.getVolumeMounts().get(0).getName()).isEqualTo("cache");
        assertThat(c.getVolumeMounts().get(0).getMountPath()).isEqualTo("/var/cache");
        assertThat(c.getVolumeMounts().get(0).getReadOnly()).isNull();
        assertThat(c.getVolumeMounts().get(1).getSubPath()).isEqualTo("app.yaml");
        assertThat(c.getVolumeMounts().get(1).getReadOnly()).isTrue();
        assertThatThrownBy(() -> mount("config", "/etc").subPath("../x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subPath must be a relative path without '..' but was: \"../x\"");
        assertThatThrownBy(() -> mount("config", "etc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mountPath must be an absolute path such as \"/ready\" but was: \"etc\"");
    }

    @Test
    void container_security_context() {
        Container c = BASE.runAsUser(1000).runAsGroup(3000).runAsNonRoot(true).readOnlyRootFilesystem(true)
                .allowPrivilegeEscalation(false).privileged(false)
                .addCapabilities("NET_BIND_SERVICE").dropCapabilities("ALL").build();
        var s = c.getSecurityContext();
        assertThat(s.getRunAsUser()).isEqualTo(1000L);
        assertThat(s.getRunAsGroup()).isEqualTo(3000L);
        assertThat(s.getRunAsNonRoot()).isTrue();
        assertThat(s.getReadOnlyRootFilesystem()).isTrue();
        assertThat(s.getAllowPrivilegeEscalation()).isFalse();
        assertThat(s.getPrivileged()).isFalse();
        assertThat(s.getCapabilities().getAdd()).containsExactly("NET_BIND_SERVICE");
        assertThat(s.getCapabilities().getDrop()).containsExactly("ALL");
    }

    @Test
    void a_container_built_alone_gets_no_security_defaults() {
        assertThat(BASE.build().getSecurityContext()).isNull();
    }

    @Test
    void escape_hatch_runs_after_typed_setters_and_is_kept() {
        Container c = BASE.customize(b -> b.withTty(true).withImage("ghcr.io/acme/app:9.9"))
                .image("ghcr.io/acme/app:1.1")
                .build();
        assertThat(c.getTty()).isTrue();
        assertThat(c.getImage()).as("the hatch runs after every typed setter").isEqualTo("ghcr.io/acme/app:9.9");
    }

    @Test
    void definitions_are_immutable_and_build_fresh_objects() {
        ContainerDef withPort = BASE.port("http", 8080);
        ContainerDef withEnv = BASE.env("A", "1");
        assertThat(BASE.build().getPorts()).isEmpty();
        assertThat(withEnv.build().getPorts()).isEmpty();
        assertThat(withPort.build().getEnv()).isEmpty();

        Container first = withPort.build();
        first.getPorts().get(0).setContainerPort(1);
        first.getPorts().clear();
        assertThat(withPort.build().getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
        assertThat(withPort.build()).isEqualTo(withPort.build()).isNotSameAs(withPort.build());
    }

    @Test
    void step_requires_an_image() {
        assertThat(ContainerImageStep.class.getMethods()).filteredOn(m -> m.getDeclaringClass() == ContainerImageStep.class)
                .extracting(java.lang.reflect.Method::getName).containsExactly("image");
    }
}
