package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.validate.ManifestValidationException;
import dev.kubefluent.core.validate.Validator;
import dev.kubefluent.core.validate.Violation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validation rule a DSL user can reach, through typed setters or the escape hatch: {@code build()} throws one
 * {@link ManifestValidationException} with the shared validator's message, and agrees with the validator run on the
 * same object.
 */
class BuildValidationTest {

    private static final ContainerDef WEB = container("web").image("ghcr.io/acme/web:1").port("http", 8080);
    private static final DeploymentDef D = deployment("web").container(WEB);
    private static final String C0 = "Deployment \"web\": spec.template.spec.containers[0].";

    static Stream<Arguments> violations() {
        return Stream.of(
                arguments("container-name-duplicate", D.container(WEB), List.of(
                        "Deployment \"web\": spec.template.spec.containers[1].name must be unique across containers and"
                                + " initContainers but was: \"web\"")),
                arguments("port-name-duplicate", deployment("web").container(WEB.port("http", 8081)), List.of(
                        C0 + "ports[1].name must be unique within the container but was: \"http\"")),
                arguments("env-name-invalid", deployment("web").container(WEB.env("A=B", "x")), List.of(
                        C0 + "env[0].name must consist of printable ASCII characters other than '=' but was: \"A=B\"")),
                arguments("env-value-conflict", deployment("web").container(WEB.customize(b -> b.addNewEnv()
                        .withName("X").withValue("1").withNewValueFrom().withNewFieldRef()
                        .withFieldPath("metadata.name").endFieldRef().endValueFrom().endEnv())), List.of(
                        C0 + "env[0].valueFrom must not be set when value is not empty but was: both value and"
                                + " valueFrom")),
                arguments("env-field-path-unsupported", deployment("web").container(WEB.env("X",
                        fieldRef("metadata.nope"))), List.of(
                        C0 + "env[0].valueFrom.fieldRef.fieldPath must be one of metadata.name, metadata.namespace,"
                                + " metadata.uid, metadata.labels['<key>'], metadata.annotations['<key>'], spec.nodeName,"
                                + " spec.serviceAccountName, status.hostIP, status.hostIPs, status.podIP, status.podIPs"
                                + " but was: \"metadata.nope\"")),
                arguments("volume-name-duplicate", D.volume(emptyDirVolume("a")).volume(emptyDirVolume("a")), List.of(
                        "Deployment \"web\": spec.template.spec.volumes[1].name must be unique among the pod's volumes"
                                + " but was: \"a\"")),
                arguments("volume-mount-not-found", deployment("web").container(WEB.volumeMount("cache", "/c")),
                        List.of(C0 + "volumeMounts[0].name must name a volume declared in the pod's volumes but was:"
                                + " \"cache\"")),
                arguments("mount-path-duplicate", deployment("web").volume(emptyDirVolume("a"))
                        .volume(emptyDirVolume("b")).container(WEB.volumeMount("a", "/c").volumeMount("b", "/c")),
                        List.of(C0 + "volumeMounts[1].mountPath must be unique within the container but was: \"/c\"")),
                arguments("request-exceeds-limit", deployment("web").container(WEB.requests(cpu("2"))
                        .limits(cpu("1"))), List.of(
                        C0 + "resources.requests.cpu must be less than or equal to the cpu limit of 1 but was: \"2\"")),
                arguments("extended-resource-invalid", deployment("web").container(WEB.requests(
                        resource("nvidia.com/gpu", "1"))), List.of(
                        C0 + "resources.limits.nvidia.com/gpu is required when a request is set for this resource but"
                                + " was: null")),
                arguments("resource-name-invalid", deployment("web").container(WEB.limits(resource("gpu", "1"))),
                        List.of(C0 + "resources.limits key must be a standard or domain-qualified name but was:"
                                + " \"gpu\"")),
                arguments("probe-success-threshold", deployment("web").container(WEB.livenessProbe(tcpSocket("http")
                        .successThreshold(2))), List.of(
                        C0 + "livenessProbe.successThreshold must be 1 but was: 2")),
                arguments("readiness-probe-grace-forbidden", deployment("web").container(WEB.readinessProbe(
                        tcpSocket("http").terminationGracePeriodSeconds(5))), List.of(
                        C0 + "readinessProbe.terminationGracePeriodSeconds must not be set on a readiness probe but"
                                + " was: 5")),
                arguments("init-container-probe-forbidden", D.initContainer(container("init").image("busybox:1.36")
                        .readinessProbe(exec("true"))), List.of(
                        "Deployment \"web\": spec.template.spec.initContainers[0].readinessProbe must not be set on an"
                                + " init container but was: set")),
                arguments("privilege-escalation-conflict", deployment("web").container(WEB.privileged(true)
                        .allowPrivilegeEscalation(false)), List.of(
                        C0 + "securityContext.allowPrivilegeEscalation must not be false when privileged is true but"
                                + " was: false")),
                arguments("run-as-id-invalid", D.runAsUser(3_000_000_000L), List.of(
                        "Deployment \"web\": spec.template.spec.securityContext.runAsUser must be between 0 and"
                                + " 2147483647 but was: 3000000000")),
                arguments("toleration-invalid", D.toleration(toleration("k").forSeconds(30)
                        .effect(TaintEffect.NO_SCHEDULE)), List.of(
                        "Deployment \"web\": spec.template.spec.tolerations[0].effect must be NoExecute when"
                                + " tolerationSeconds is set but was: \"NoSchedule\"")),
                arguments("containers-required", deployment("web"), List.of(
                        "Deployment \"web\": spec.template.spec.containers must not be empty but was: []")),
                arguments("selector-template-mismatch", D.customize(b -> b.editSpec().withNewSelector()
                        .addToMatchLabels("app", "x").endSelector().endSpec()), List.of(
                        "Deployment \"web\": spec.template.metadata.labels must match the selector {app=\"x\"} but was:"
                                + " {app.kubernetes.io/name=\"web\", app.kubernetes.io/managed-by=\"kubefluent\"}")),
                arguments("rolling-update-zero", D.rollingUpdate(maxSurge(0), maxUnavailable(0)), List.of(
                        "Deployment \"web\": spec.strategy.rollingUpdate.maxUnavailable must not be 0 when maxSurge is"
                                + " 0 but was: 0")),
                arguments("rolling-update-value-invalid", D.rollingUpdate(maxSurge(1), maxUnavailable("150%")),
                        List.of("Deployment \"web\": spec.strategy.rollingUpdate.maxUnavailable must not be greater"
                                + " than 100% but was: \"150%\"")),
                arguments("progress-deadline-invalid", D.minReadySeconds(20).progressDeadlineSeconds(10), List.of(
                        "Deployment \"web\": spec.progressDeadlineSeconds must be greater than minReadySeconds (20) but"
                                + " was: 10")),
                arguments("template-restart-policy-invalid", D.customize(b -> b.editSpec().editTemplate().editSpec()
                        .withRestartPolicy("Never").endSpec().endTemplate().endSpec()), List.of(
                        "Deployment \"web\": spec.template.spec.restartPolicy must be Always but was: \"Never\"")),
                arguments("metadata-name-invalid", D.customize(b -> b.editMetadata().withName("Web").endMetadata()),
                        List.of("Deployment \"Web\": metadata.name must be a DNS-1123 subdomain (lower-case"
                                + " alphanumerics, '-' and '.', at most 253 characters) but was: \"Web\"")),
                arguments("label-value-invalid", D.customize(b -> b.editMetadata().addToLabels("tier", "-x")
                        .endMetadata()), List.of(
                        "Deployment \"web\": metadata.labels[tier] must be a valid label value (at most 63"
                                + " alphanumerics, '-', '_' or '.') but was: \"-x\"")),
                arguments("daemon-set rolling-update-zero", daemonSet("a").container(WEB)
                        .rollingUpdate(maxSurge(1), maxUnavailable(1)), List.of(
                        "DaemonSet \"a\": spec.updateStrategy.rollingUpdate.maxUnavailable must be 0 when maxSurge is"
                                + " not 0 but was: 1")),
                arguments("job template-restart-policy-invalid", job("j").container(WEB).customize(b -> b.editSpec()
                        .editTemplate().editSpec().withRestartPolicy("Always").endSpec().endTemplate().endSpec()),
                        List.of("Job \"j\": spec.template.spec.restartPolicy must be OnFailure or Never (unset defaults"
                                + " to Always, which a Job rejects) but was: \"Always\"")),
                arguments("pod containers-required", pod("p"), List.of(
                        "Pod \"p\": spec.containers must not be empty but was: []")),
                arguments("service-port-name-required", service("web").port(80, 8080).port(443, 8443), List.of(
                        "Service \"web\": spec.ports[0].name is required when a Service has several ports but was:"
                                + " null",
                        "Service \"web\": spec.ports[1].name is required when a Service has several ports but was:"
                                + " null")),
                arguments("service-port-name-duplicate", service("web").port("web", 80, "http")
                        .port("web", 81, "http"), List.of(
                        "Service \"web\": spec.ports[1].name must be unique within the Service but was: \"web\"")),
                arguments("service-port-duplicate", service("web").port("a", 80, 8080).port("b", 80, 8081), List.of(
                        "Service \"web\": spec.ports[1].port must be unique per protocol within the Service but was:"
                                + " 80")),
                arguments("node-port-forbidden", service("web").port(servicePort(80).nodePort(30080)), List.of(
                        "Service \"web\": spec.ports[0].nodePort may only be set for type NodePort or LoadBalancer,"
                                + " not ClusterIP but was: 30080")),
                arguments("cluster-ip-none-forbidden", service("web").type(ServiceType.NODE_PORT).headless().port(80),
                        List.of("Service \"web\": spec.clusterIP may not be None for type NodePort but was:"
                                + " \"None\"")),
                arguments("service-ports-required", service("web"), List.of(
                        "Service \"web\": spec.ports must not be empty but was: []")),
                arguments("service-target-port-missing", service("web").selecting(D.build()).port(80, "https"),
                        List.of("Service \"web\": spec.ports[0].targetPort must name a container port of the selected"
                                + " Deployment \"web\" (it has [\"http\"]) but was: \"https\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void build_throws_one_exception_with_the_validators_messages(String rule, AbstractObjectDef<?, ?, ?> def,
            List<String> messages) {
        ManifestValidationException e = catchThrowableOfType(ManifestValidationException.class, def::build);
        assertThat(e).as("build() of a manifest breaking %s", rule).isNotNull();
        assertThat(e.errors()).extracting(Violation::message).containsExactlyElementsOf(messages);
        assertThat(e.errors()).extracting(Violation::ruleId).allMatch(rule::endsWith);
        assertThat(e.getMessage()).startsWith(messages.size() == 1 ? "1 error:" : messages.size() + " errors:");
        messages.forEach(m -> assertThat(e.getMessage()).contains(m));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void build_and_the_validator_agree_on_broken_manifests(String rule, AbstractObjectDef<?, ?, ?> def,
            List<String> messages) {
        HasMetadata unchecked = def.buildUnvalidated();
        List<Violation> fromValidator = def instanceof ServiceDef s && s.selectsWorkload()
                ? Validator.defaults().validate(ManifestSet.of(unchecked, s.selectedWorkload())).errors().stream()
                        .filter(v -> v.resource().name().equals(unchecked.getMetadata().getName())
                                && v.resource().kind().equals("Service")).toList()
                : Validator.defaults().validate(unchecked).errors();
        ManifestValidationException e = catchThrowableOfType(ManifestValidationException.class, def::build);
        assertThat(e.errors()).containsExactlyElementsOf(fromValidator);
    }

    static Stream<Arguments> validManifests() {
        return Stream.of(
                arguments("snippet deployment", deployment("web").namespace("shop").replicas(3)
                        .container(container("web").image("ghcr.io/acme/web:1.4.2").port("http", 8080)
                                .env("LOG_LEVEL", "info").requests(cpu("250m"), memory("256Mi"))
                                .limits(cpu("1"), memory("512Mi")).readinessProbe(httpGet("/ready", "http"))
                                .livenessProbe(tcpSocket("http")))
                        .rollingUpdate(maxSurge("25%"), maxUnavailable(0))),
                arguments("everything deployment", deployment("shop").replicas(2).serviceAccountName("shop")
                        .initContainer(container("init").image("busybox:1.36").command("sh", "-c", "true"))
                        .container(WEB.requests(resource("nvidia.com/gpu", "1")).limits(resource("nvidia.com/gpu", "1"))
                                .env("DB", secretKey("db", "url")).envFrom(configMapEnv("cfg"))
                                .volumeMount("cache", "/cache").volumeMount(mount("cfg", "/etc/cfg").readOnly())
                                .startupProbe(grpc(9090)).readinessProbe(httpGet("/ready", 8080).periodSeconds(5)))
                        .volume(emptyDirVolume("cache")).volume(configMapVolume("cfg", "cfg"))
                        .toleration(toleration("dedicated").equalTo("shop").effect(TaintEffect.NO_SCHEDULE))
                        .requireNodeLabel("kubernetes.io/os", "linux").podAntiAffinity("kubernetes.io/hostname")
                        .topologySpread("topology.kubernetes.io/zone", 1, WhenUnsatisfiable.DO_NOT_SCHEDULE)
                        .imagePullSecret("ghcr").recreate().minReadySeconds(5).progressDeadlineSeconds(120)
                        .revisionHistoryLimit(3)),
                arguments("pod", pod("once").container(WEB).restartPolicy(RestartPolicy.NEVER)),
                arguments("service", service("web").type(ServiceType.LOAD_BALANCER).port("http", 80, "http")
                        .port(servicePort(443).name("https").targetPort(8443).nodePort(30443))),
                arguments("stateful set", statefulSet("db").container(WEB.volumeMount("data", "/data"))
                        .volumeClaimTemplate("data", "1Gi")),
                arguments("cron job", cronJob("nightly").schedule("@daily").container(WEB)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validManifests")
    void build_and_the_validator_agree_on_valid_manifests(String what, AbstractObjectDef<?, ?, ?> def) {
        HasMetadata built = def.build();
        assertThat(Validator.defaults().validate(built).errors()).isEmpty();
        assertThat(built).isEqualTo(def.buildUnvalidated());
    }

    @Test
    void every_violation_is_reported_at_once() {
        ManifestValidationException e = catchThrowableOfType(ManifestValidationException.class, () -> deployment("web")
                .container(WEB.requests(cpu("2")).limits(cpu("1"))).container(WEB.volumeMount("x", "/x")).build());
        assertThat(e.getMessage()).isEqualTo("3 errors:\n"
                + "  " + C0 + "resources.requests.cpu must be less than or equal to the cpu limit of 1 but was: \"2\""
                + " (raise the limit or lower the request)\n"
                + "  Deployment \"web\": spec.template.spec.containers[1].name must be unique across containers and"
                + " initContainers but was: \"web\" (give every container and init container its own name)\n"
                + "  Deployment \"web\": spec.template.spec.containers[1].volumeMounts[0].name must name a volume"
                + " declared in the pod's volumes but was: \"x\" (declare the volume in the pod's volumes)");
    }

    @Test
    void warnings_do_not_fail_the_build() {
        var d = deployment("web").container(WEB.port("other", 8080)).build();
        assertThat(Validator.defaults().validate(d).warnings()).extracting(Violation::ruleId)
                .contains("container-port-duplicate");
    }

    @Test
    void the_service_check_ignores_the_workloads_own_problems() {
        var broken = D.customize(b -> b.editMetadata().addToAnnotations("Bad Key", "x").endMetadata()).buildUnvalidated();
        var svc = service("web").selecting(broken).port(80, "http").build();
        assertThat(svc.getSpec().getSelector()).containsKey("app.kubernetes.io/name");
    }

    @Test
    void selecting_adopts_the_workloads_namespace_unless_set() {
        var web = D.namespace("shop").build();
        assertThat(service("web").selecting(web).port(80, "http").build().getMetadata().getNamespace())
                .isEqualTo("shop");
        ManifestValidationException e = catchThrowableOfType(ManifestValidationException.class,
                () -> service("web").namespace("other").selecting(web).port(80, "http").build());
        assertThat(e.errors()).extracting(Violation::ruleId).contains("service-selects-nothing");
    }
}
