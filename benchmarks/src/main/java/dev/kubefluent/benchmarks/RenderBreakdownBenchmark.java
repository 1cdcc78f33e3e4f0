package dev.kubefluent.benchmarks;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.render.internal.Fabric8;
import dev.kubefluent.core.validate.ValidationReport;
import dev.kubefluent.core.validate.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;
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
 * Where the time of {@link RenderBenchmark#dslBuildAndToYaml()} goes: each step on its own, for the same
 * Deployment+Service pair. The pipeline is: the DSL's {@code build()} (with its validation of each object),
 * {@code ManifestSet.of} ({@link #toCanonicalTree()}, then {@link #validateObjects()} of the given objects), and
 * {@code toYaml()} ({@link #toYamlOfMadeSet()}: the writer, the report being kept). {@link #toTree()} and
 * {@link #fromTree()} are the steps the pipeline no longer takes (fabric8's map, and decoding copies for the
 * validator).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RenderBreakdownBenchmark -wi 10 -i 8 -f 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(1)
public class RenderBreakdownBenchmark {

    private Deployment deployment;
    private Service service;
    private Map<String, Object> deploymentTree;
    private Map<String, Object> serviceTree;
    private final Validator validator = Validator.defaults();
    private ManifestSet madeSet;

    @Setup
    public void setUp() {
        deployment = RenderBenchmark.fabric8Deployment();
        service = RenderBenchmark.fabric8Service();
        deploymentTree = Fabric8.toTree(deployment);
        serviceTree = Fabric8.toTree(service);
        madeSet = ManifestSet.of(deployment, service);
    }

    /** The DSL's two build() calls, validation included. */
    @Benchmark
    public Object dslBuild() {
        return RenderBenchmark.dslObjects();
    }

    /** fabric8's builders for the same pair. */
    @Benchmark
    public Object fabric8Build() {
        return List.of(RenderBenchmark.fabric8Deployment(), RenderBenchmark.fabric8Service());
    }

    /** fabric8's serializer to a map tree, both objects. */
    @Benchmark
    public Object toTree() {
        return List.of(Fabric8.toTree(deployment), Fabric8.toTree(service));
    }

    /**
     * fabric8's serializer straight into the canonical trees that ManifestSet keeps, both objects: the one
     * serialization step of {@code ManifestSet.of}.
     */
    @Benchmark
    public Object toCanonicalTree() {
        return List.of(Fabric8.toCanonicalTree(deployment, null), Fabric8.toCanonicalTree(service, null));
    }

    /**
     * toYaml() of a set made once: the YAML writer alone, since the set keeps the report of the validation that
     * {@code ManifestSet.of} made.
     */
    @Benchmark
    public String toYamlOfMadeSet() {
        return madeSet.toYaml();
    }

    /** ManifestSet.of(...) alone: serialization to canonical trees and the default validation of the objects. */
    @Benchmark
    public Object manifestSetOf() {
        return ManifestSet.of(deployment, service);
    }

    /** fabric8's deserializer from a map tree, both objects. */
    @Benchmark
    public Object fromTree() {
        return List.of(Fabric8.fromTree(deploymentTree, Deployment.class), Fabric8.fromTree(serviceTree, Service.class));
    }

    /** A deep copy through fabric8's generated builders, both objects. */
    @Benchmark
    public Object builderCopy() {
        return List.<HasMetadata>of(new DeploymentBuilder(deployment).build(), new ServiceBuilder(service).build());
    }

    /** Validator.defaults() over the objects in hand (layers 1 and 2). */
    @Benchmark
    public ValidationReport validateObjects() {
        return validator.validateAll(List.of(deployment, service));
    }
}
