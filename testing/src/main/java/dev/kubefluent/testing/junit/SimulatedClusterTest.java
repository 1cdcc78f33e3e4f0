package dev.kubefluent.testing.junit;

import dev.kubefluent.testing.internal.junit.SimulatedClusterExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against a {@link dev.kubefluent.testing.sim.SimulatedCluster simulated Kubernetes
 * cluster} and injects it, or its fabric8 {@code KubernetesClient}, into test and lifecycle method parameters.
 *
 * <pre>{@code
 * @SimulatedClusterTest
 * class CheckoutTest {
 *     @Test
 *     void creates_the_config(KubernetesClient client, SimulatedCluster cluster) {
 *         client.configMaps().resource(cfg).create();
 *         assertThat(cluster.requests(Verb.CREATE, "configmaps")).hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * <h2>Scope</h2>
 * By default every test method gets a fresh cluster ({@link Scope#PER_TEST}); with {@link Scope#PER_CLASS} the tests
 * of a class share one, which is faster. The default can be changed for a whole run with the configuration parameter
 * {@value #DEFAULT_SCOPE_PROPERTY_NAME}.
 *
 * <h2>Clean up</h2>
 * The cluster is closed when its scope ends. When a test fails, the cluster's seed is attached to the failure (as a
 * suppressed exception) and published as a report entry, so the run can be repeated with {@link #seed()}.
 *
 * @since 0.1
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SimulatedClusterExtension.class)
public @interface SimulatedClusterTest {

    /** The configuration parameter that sets the default {@link #scope()}: {@code PER_TEST} or {@code PER_CLASS}. */
    String DEFAULT_SCOPE_PROPERTY_NAME = "kubefluent.simulatedcluster.scope.default";

    /** The value of {@link #seed()} that means "a random seed". */
    long RANDOM_SEED = Long.MIN_VALUE;

    /**
     * How long one cluster lives.
     *
     * @return the scope; {@link Scope#DEFAULT} defers to {@value #DEFAULT_SCOPE_PROPERTY_NAME}, else per test
     */
    Scope scope() default Scope.DEFAULT;

    /**
     * The seed of the cluster's random source, to repeat a run exactly.
     *
     * @return the seed; {@link #RANDOM_SEED} for a random one
     */
    long seed() default RANDOM_SEED;

    /**
     * Namespaces that exist from the start, besides {@code default}, {@code kube-system} and {@code kube-public}.
     *
     * @return extra namespaces
     */
    String[] namespaces() default {};

    /**
     * Whether writes into a missing namespace create it instead of failing with 404.
     *
     * @return whether namespaces are created on demand
     */
    boolean createNamespacesOnDemand() default false;

    /**
     * Whether the cluster runs its controllers, scheduler and kubelet (Deployments roll out, pods become ready);
     * without them objects keep exactly what clients write.
     *
     * @return whether controllers run
     */
    boolean controllers() default true;

    /** How long one simulated cluster lives. */
    enum Scope {
        /** Use the configuration parameter {@value SimulatedClusterTest#DEFAULT_SCOPE_PROPERTY_NAME}, else per test. */
        DEFAULT,
        /** A fresh cluster for every test method. */
        PER_TEST,
        /** One cluster shared by all tests of the class. */
        PER_CLASS
    }
}
