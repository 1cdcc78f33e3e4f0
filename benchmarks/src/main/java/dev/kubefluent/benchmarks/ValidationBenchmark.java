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
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validation of a whole set (layers 1 and 2) over 1,000 and over 10,000 Deployment+Service pairs in one namespace,
 * each Service selecting its Deployment by a named target port. The cross-resource rules must stay linear: 10,000
 * pairs within 10.5 times the time of 1,000, that is a time per resource at 10,000 pairs at most 1.05 times the time
 * per resource at 1,000.
 *
 * <p>Each method validates one whole set per call and declares, through {@link OperationsPerInvocation}, how many
 * resources that call covers, so every score is directly the time <em>per resource</em> in microseconds: compare
 * {@code ...10k} with {@code ...1k} of the same method. Both sets live in the same JVM during the whole run, and the
 * heap is fixed ({@code -Xms4g -Xmx4g}, pre-touched) so that the heap growing from its small default start size
 * during the larger run is not counted as validation time, and a full collection at the end of the set-up moves
 * the sets, built for the whole trial, out of the young generation before the first measurement.
 *
 * <ul>
 *   <li>{@code validateSet*}: {@code validator.validate(set)} on a {@link ManifestSet}, what users call;</li>
 *   <li>{@code validateObjects*}: {@code validator.validateAll(objects)} on the objects in hand, the validator's
 *       own cost;</li>
 *   <li>{@code validateSetCold*}: the same call, but each call starts with cold caches: its set-up (not measured)
 *       walks a buffer of {@value #EVICT_BYTES} bytes, four times the 32 MiB last-level cache of the machine these
 *       figures come from;</li>
 *   <li>{@code resources*}: {@code ManifestSet.resources()} alone, a baseline in the same run.</li>
 * </ul>
 *
 * <p>Why both: a set of 1,000 pairs (about 10 MB of objects) fits in the last-level cache, so when
 * {@code validateSet1k} validates it again and again every call after the first reads it from the cache; a set of
 * 10,000 pairs does not fit, so {@code validateSet10k} reads it from memory every time. The warm figures thus compare
 * a cached set with an uncached one, a step of the memory hierarchy rather than of the algorithm. A user validates a
 * set once, and the cold figures compare the same work at both sizes: that is the ratio the linearity target is
 * about. Both are reported.
 *
 * <pre>
 * mvn -B -ntp -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ValidationBenchmark -wi 3 -i 5 -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class ValidationBenchmark {

    private static final int SMALL = 1_000;
    private static final int LARGE = 10_000;
    /** What {@link ColdCaches} walks before each call: four times a 32 MiB last-level cache. */
    static final int EVICT_BYTES = 128 << 20;

    private ManifestSet small;
    private ManifestSet large;
    private List<HasMetadata> smallObjects;
    private List<HasMetadata> largeObjects;
    /**
     * Not {@link Validator#defaults()}: a set remembers the report of the shared default validator, which would turn
     * {@link #validateSet1k()} into a cache lookup. An equal validator built here validates every time.
     */
    private final Validator validator = Validator.builder().build();

    /** Builds both sets once per trial with fabric8's own builders, and checks that they are valid. */
    @Setup
    public void buildSets() {
        smallObjects = pairs(SMALL);
        largeObjects = pairs(LARGE);
        small = ManifestSet.of(smallObjects);
        large = ManifestSet.of(largeObjects);
        for (ManifestSet set : List.of(small, large)) {
            ValidationReport check = validator.validate(set);
            if (!check.isEmpty()) {
                throw new IllegalStateException("the benchmark set must be valid but was: "
                        + check.violations().get(0));
            }
        }
        // the sets live for the whole trial: move them to the old generation now, so that the young collections
        // that would otherwise copy them during the first iterations are not counted as validation time
        System.gc();
    }

    private static List<HasMetadata> pairs(int pairs) {
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
        return resources;
    }

    /**
     * Validates the 1,000-pair set through {@link ManifestSet}.
     *
     * @return the report, so that the work is not optimized away
     */
    @Benchmark
    @OperationsPerInvocation(2 * SMALL)
    public ValidationReport validateSet1k() {
        return validator.validate(small);
    }

    /**
     * Validates the 10,000-pair set through {@link ManifestSet}.
     *
     * @return the report, so that the work is not optimized away
     */
    @Benchmark
    @OperationsPerInvocation(2 * LARGE)
    public ValidationReport validateSet10k() {
        return validator.validate(large);
    }

    /**
     * Validates the 1,000 pairs' objects already in hand: the validator's own cost, layers 1 and 2.
     *
     * @return the report, so that the work is not optimized away
     */
    @Benchmark
    @OperationsPerInvocation(2 * SMALL)
    public ValidationReport validateObjects1k() {
        return validator.validateAll(smallObjects);
    }

    /**
     * Validates the 10,000 pairs' objects already in hand.
     *
     * @return the report, so that the work is not optimized away
     */
    @Benchmark
    @OperationsPerInvocation(2 * LARGE)
    public ValidationReport validateObjects10k() {
        return validator.validateAll(largeObjects);
    }

    /**
     * The baseline: {@code ManifestSet.resources()} of the 1,000-pair set.
     *
     * @return the objects
     */
    @Benchmark
    @OperationsPerInvocation(2 * SMALL)
    public List<HasMetadata> resources1k() {
        return small.resources();
    }

    /**
     * The baseline: {@code ManifestSet.resources()} of the 10,000-pair set.
     *
     * @return the objects
     */
    @Benchmark
    @OperationsPerInvocation(2 * LARGE)
    public List<HasMetadata> resources10k() {
        return large.resources();
    }

    /**
     * Caches emptied of the set before each call: the set-up walks and changes a buffer four times the size of the
     * last-level cache. It runs before every call, which JMH allows for calls of a millisecond or more; a call here
     * validates 2,000 or 20,000 resources and takes several milliseconds.
     */
    @State(Scope.Thread)
    public static class ColdCaches {
        private final long[] buffer = new long[EVICT_BYTES / Long.BYTES];
        /** Read after the walk so that it cannot be left out. */
        long sum;

        /** Walks the buffer one cache line at a time, writing each line. */
        @Setup(Level.Invocation)
        public void evict() {
            long s = 0;
            for (int i = 0; i < buffer.length; i += 8) {
                s += ++buffer[i];
            }
            sum = s;
        }
    }

    /**
     * Validates the 1,000-pair set through {@link ManifestSet}, starting from cold caches.
     *
     * @param cold the caches, emptied before the call
     * @return the report, so that the work is not optimized away
     */
    @Benchmark
    @OperationsPerInvocation(2 * SMALL)
    public ValidationReport validateSetCold1k(ColdCaches cold) {
        return validator.validate(small);
    }

    /**
     * Validates the 10,000-pair set through {@link ManifestSet}, starting from cold caches.
     *
     * @param cold the caches, emptied before the call
     * @return the report, so that the work is not optimized away
     */
    @Benchmark
    @OperationsPerInvocation(2 * LARGE)
    public ValidationReport validateSetCold10k(ColdCaches cold) {
        return validator.validate(large);
    }
}
