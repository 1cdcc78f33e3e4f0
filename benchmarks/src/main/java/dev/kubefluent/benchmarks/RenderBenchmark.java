package dev.kubefluent.benchmarks;

import static dev.kubefluent.dsl.Kube.container;
import static dev.kubefluent.dsl.Kube.cpu;
import static dev.kubefluent.dsl.Kube.deployment;
import static dev.kubefluent.dsl.Kube.httpGet;
import static dev.kubefluent.dsl.Kube.maxSurge;
import static dev.kubefluent.dsl.Kube.maxUnavailable;
import static dev.kubefluent.dsl.Kube.memory;
import static dev.kubefluent.dsl.Kube.service;
import static dev.kubefluent.dsl.Kube.tcpSocket;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.render.RenderOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Builds and renders the Deployment+Service pair of issue #2, per pair:
 *
 * <ul>
 *   <li>{@code fabric8BuildAndAsYaml} — the baseline: hand-written fabric8 builders for the very objects the DSL
 *       makes, then fabric8's {@code Serialization.asYaml} of each, concatenated;</li>
 *   <li>{@code fabric8BuildAndManifestSetToYaml} — the same builders, rendered by {@link ManifestSet#toYaml()};</li>
 *   <li>{@code dslBuildAndToYaml} — the DSL snippet, then {@link ManifestSet#toYaml()};</li>
 *   <li>{@code asYamlOnly} / {@code manifestSetToYamlOnly} / {@code manifestSetToYamlWithoutValidation} — rendering
 *       alone, from objects built once.</li>
 * </ul>
 *
 * <p>{@link ManifestSet#of} validates the objects it is given with {@code Validator.defaults()} (API-server and
 * cross-resource rules) as it serializes them, and {@link ManifestSet#toYaml()} refuses a set whose report has errors,
 * so validation is part of every figure that makes a set, {@code manifestSetToYamlWithoutValidation} included (the
 * option only skips the check of the report).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RenderBenchmark}. fabric8's model code takes several
 * seconds of warm-up before its figures settle, hence eight warm-up iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(1)
public class RenderBenchmark {

    private Deployment builtDeployment;
    private Service builtService;

    /** Checks that the baseline builds exactly what the DSL builds, so that the figures compare like with like. */
    @Setup
    public void setUp() {
        builtDeployment = fabric8Deployment();
        builtService = fabric8Service();
        ManifestSet fromBuilders = ManifestSet.of(builtDeployment, builtService);
        ManifestSet fromDsl = dslPair();
        if (!fromBuilders.equals(fromDsl)) {
            throw new IllegalStateException("the fabric8 baseline and the DSL build different objects:\n"
                    + fromBuilders.toYaml(RenderOptions.withoutValidation()) + "\nversus\n"
                    + fromDsl.toYaml(RenderOptions.withoutValidation()));
        }
    }

    static Deployment fabric8Deployment() {
        return new DeploymentBuilder()
                .withNewMetadata().withName("web").withNamespace("shop")
                    .addToLabels("app.kubernetes.io/name", "web")
                    .addToLabels("app.kubernetes.io/managed-by", "kubefluent")
                .endMetadata()
                .withNewSpec()
                    .withReplicas(3)
                    .withNewSelector().addToMatchLabels("app.kubernetes.io/name", "web").endSelector()
                    .withNewStrategy().withType("RollingUpdate")
                        .withNewRollingUpdate().withMaxSurge(new IntOrString("25%"))
                            .withMaxUnavailable(new IntOrString(0)).endRollingUpdate()
                    .endStrategy()
                    .withNewTemplate()
                        .withNewMetadata()
                            .addToLabels("app.kubernetes.io/name", "web")
                            .addToLabels("app.kubernetes.io/managed-by", "kubefluent")
                        .endMetadata()
                        .withNewSpec()
                            .withNewSecurityContext().withRunAsNonRoot(true)
                                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                            .endSecurityContext()
                            .addNewContainer().withName("web").withImage("ghcr.io/acme/web:1.4.2")
                                .addNewPort().withName("http").withContainerPort(8080).endPort()
                                .addNewEnv().withName("LOG_LEVEL").withValue("info").endEnv()
                                .withNewResources()
                                    .addToRequests("cpu", new Quantity("250m"))
                                    .addToRequests("memory", new Quantity("256Mi"))
                                    .addToLimits("cpu", new Quantity("1"))
                                    .addToLimits("memory", new Quantity("512Mi"))
                                .endResources()
                                .withNewReadinessProbe().withNewHttpGet().withPath("/ready")
                                    .withPort(new IntOrString("http")).endHttpGet().endReadinessProbe()
                                .withNewLivenessProbe().withNewTcpSocket().withPort(new IntOrString("http"))
                                    .endTcpSocket().endLivenessProbe()
                                .withNewSecurityContext().withAllowPrivilegeEscalation(false)
                                    .withNewCapabilities().addToDrop("ALL").endCapabilities()
                                .endSecurityContext()
                            .endContainer()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    static Service fabric8Service() {
        return new ServiceBuilder()
                .withNewMetadata().withName("web").withNamespace("shop")
                    .addToLabels("app.kubernetes.io/name", "web")
                    .addToLabels("app.kubernetes.io/managed-by", "kubefluent")
                .endMetadata()
                .withNewSpec()
                    .addToSelector("app.kubernetes.io/name", "web")
                    .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).endPort()
                .endSpec()
                .build();
    }

    /** The snippet of issue #2. */
    static ManifestSet dslPair() {
        return ManifestSet.of(dslObjects());
    }

    /** The objects of the snippet of issue #2, built by the DSL. */
    static List<HasMetadata> dslObjects() {
        Deployment web = deployment("web")
                .namespace("shop")
                .replicas(3)
                .container(container("web")
                        .image("ghcr.io/acme/web:1.4.2")
                        .port("http", 8080)
                        .env("LOG_LEVEL", "info")
                        .requests(cpu("250m"), memory("256Mi"))
                        .limits(cpu("1"), memory("512Mi"))
                        .readinessProbe(httpGet("/ready", "http"))
                        .livenessProbe(tcpSocket("http")))
                .rollingUpdate(maxSurge("25%"), maxUnavailable(0))
                .build();
        Service svc = service("web").namespace("shop").selecting(web).port(80, "http").build();
        return List.of(web, svc);
    }

    /** The baseline: fabric8 builders, then fabric8's asYaml per object, concatenated. */
    @Benchmark
    public String fabric8BuildAndAsYaml() {
        return Serialization.asYaml(fabric8Deployment()) + Serialization.asYaml(fabric8Service());
    }

    /** The same builders, rendered (and validated) by ManifestSet. */
    @Benchmark
    public String fabric8BuildAndManifestSetToYaml() {
        return ManifestSet.of(fabric8Deployment(), fabric8Service()).toYaml();
    }

    /** The DSL snippet of issue #2, then ManifestSet.toYaml(): the figure the ≤ 0.07 ms target is about. */
    @Benchmark
    public String dslBuildAndToYaml() {
        return dslPair().toYaml();
    }

    /** fabric8's asYaml alone, objects built once. */
    @Benchmark
    public String asYamlOnly() {
        return Serialization.asYaml(builtDeployment) + Serialization.asYaml(builtService);
    }

    /** ManifestSet.of(...).toYaml() alone (copy in, validate, write), objects built once. */
    @Benchmark
    public String manifestSetToYamlOnly() {
        return ManifestSet.of(builtDeployment, builtService).toYaml();
    }

    /** ManifestSet.of(...).toYaml() without the check of the report, objects built once (of() still validates). */
    @Benchmark
    public String manifestSetToYamlWithoutValidation() {
        return ManifestSet.of(builtDeployment, builtService).toYaml(RenderOptions.withoutValidation());
    }
}
