package dev.kubefluent.testing.sim;

import dev.kubefluent.testing.junit.SimulatedClusterTest;
import dev.kubefluent.testing.junit.SimulatedClusterTest.Scope;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * One simulated API server (no controllers) per test class, namespaces created on demand; each test works in its own
 * namespace.
 */
@SimulatedClusterTest(scope = Scope.PER_CLASS, createNamespacesOnDemand = true, controllers = false)
abstract class SharedClusterTest {

    SimulatedCluster cluster;
    KubernetesClient client;

    @BeforeEach
    void inject(SimulatedCluster cluster, KubernetesClient client) {
        this.cluster = cluster;
        this.client = client;
    }

    /** The namespace of the running test: its method name in kebab case. */
    static String ns(TestInfo info) {
        return info.getTestMethod().orElseThrow().getName().replace('_', '-').toLowerCase();
    }
}
