package dev.kubefluent.benchmarks;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.validate.ValidationReport;
import dev.kubefluent.core.validate.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validation of a whole set (layers 1 and 2) over {@code pairs} Deployment+Service pairs in one namespace, each
 * Service selecting its Deployment by a named target port: the cross-resource rules must stay linear, so the time
 * for 10,000 pairs should be at most 10.5 times the time for 1,000. The score is in milliseconds per set: times
 * 1,000 and divided by {@code 2 * pairs} it is the time per resource in microseconds. {@code decodeOnly} is the baseline in the same run: what {@code ManifestSet.resources()} costs.
 *
 * <pre>
 * mvn -B -ntp -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ValidationBenchmark -wi 3 -i 5 -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {

    /** The number of Deployment+Service pairs in the set. */
    @Param({"1000", "10000"})
    public int pairs;

    private ManifestSet set;
    private List<HasMetadata> resources;
    /**
     * Not {@link Validator#defaults()}: a set remembers the report of the shared default validator, which would turn
     * {@link #validateManifestSet()} into a cache lookup. An equal validator built here validates every time.
     */
    private final Validator validator = Validator.builder().build();

    /** Builds the set once per trial with fabric8's own builders. */
    @Setup
    public void buildSet() {
        List<HasMetadata> resources = new ArrayList<>(pairs * 2);
        for (int i = 0; i < pairs; i++) {
            String name = "web-" + i;
            resources.add(new DeploymentBuilder()
                    .withNewMetadata().withName(name).withNamespace("shop").addToLabels("app", name).endMetadata()
                    .withNewSpec()
                    .withReplicas(3)
                    .withNewSelector().addToMatchLabels("app", name).endSelector()
                    .withNewTemplate()
                    .withNewMetadata().addToLabels("app", name).endMetadata()
                    .withNewSpec()
                    .addNewContainer()
                    .withName("web")
                    .withImage("ghcr.io/acme/web:1.4.2")
                    .addNewPort().withName("http").withContainerPort(8080).endPort()
                    .addNewEnv().withName("LOG_LEVEL").withValue("info").endEnv()
                    .withNewResources()
                    .addToRequests("cpu", new Quantity("250m")).addToRequests("memory", new Quantity("256Mi"))
                    .addToLimits("cpu", new Quantity("1")).addToLimits("memory", new Quantity("512Mi"))
                    .endResources()
                    .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withPort(new IntOrString("http"))
                    .endHttpGet().endReadinessProbe()
                    .withNewLivenessProbe().withNewTcpSocket().withPort(new IntOrString("http")).endTcpSocket()
                    .endLivenessProbe()
                    .endContainer()
                    .endSpec()
                    .endTemplate()
                    .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                    .withMaxSurge(new IntOrString("25%")).withMaxUnavailable(new IntOrString(0))
                    .endRollingUpdate().endStrategy()
                    .endSpec()
                    .build());
            resources.add(new ServiceBuilder()
                    .withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                    .withNewSpec()
                    .withSelector(Map.of("app", name))
                    .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).endPort()
                    .endSpec()
                    .build());
        }
        this.resources = resources;
        set = ManifestSet.of(resources);
        ValidationReport check = validator.validate(set);
        if (!check.isEmpty()) {
            throw new IllegalStateException("the benchmark set must be valid but was: " + check.violations().get(0));
        }
    }

    /**
     * Validates the whole set through {@link ManifestSet}: includes {@code ManifestSet.resources()}, which decodes a
     * fresh copy of every object.
     *
     * @return the report, so that the work is not optimized away
     */
    @Benchmark
    public ValidationReport validateManifestSet() {
        return validator.validate(set);
    }

    /**
     * Validates the same objects already in hand: the validator's own cost, layers 1 and 2.
     *
     * @return the report, so that the work is not optimized away
     */
    @Benchmark
    public ValidationReport validateObjects() {
        return validator.validateAll(resources);
    }

    /**
     * The baseline: {@code ManifestSet.resources()} alone, the decoding that {@link #validateManifestSet()} pays.
     *
     * @return the decoded objects
     */
    @Benchmark
    public List<HasMetadata> decodeOnly() {
        return set.resources();
    }
}
