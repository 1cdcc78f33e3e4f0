package dev.kubefluent.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.kubefluent.testing.junit.SimulatedClusterTest.Scope;
import dev.kubefluent.testing.sim.SimulatedCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

@DisplayName("@SimulatedClusterTest")
class SimulatedClusterTestExtensionTest {

    static final List<SimulatedCluster> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    private static Events run(Class<?> fixture, String... configuration) {
        var request = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture));
        for (int i = 0; i + 1 < configuration.length; i += 2) {
            request = request.configurationParameter(configuration[i], configuration[i + 1]);
        }
        return request.execute().testEvents();
    }

    @SimulatedClusterTest(seed = 42L, namespaces = "shop")
    static class PerTestFixture {
        @Test
        void first(SimulatedCluster cluster, KubernetesClient client) {
            SEEN.add(cluster);
            client.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("cfg").endMetadata().build()).create();
            assertThat(cluster.seed()).isEqualTo(42L);
            assertThat(cluster.client()).isSameAs(client);
        }

        @Test
        void second(SimulatedCluster cluster, KubernetesClient client) {
            SEEN.add(cluster);
            assertThat(client.configMaps().inNamespace("shop").list().getItems()).isEmpty();
        }
    }

    @Test
    @DisplayName("starts a fresh cluster per test, injects it and its client, and closes it after the test")
    void per_test() {
        run(PerTestFixture.class).assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
        assertThat(SEEN).allSatisfy(c -> assertThat(c.toString()).contains("closed"));
    }

    @SimulatedClusterTest(scope = Scope.PER_CLASS)
    static class PerClassFixture {
        @Test
        void first(SimulatedCluster cluster) {
            SEEN.add(cluster);
        }

        @Test
        void second(SimulatedCluster cluster) {
            SEEN.add(cluster);
            assertThat(cluster.toString()).doesNotContain("closed");
        }
    }

    @Test
    @DisplayName("shares one cluster across the class when scope is PER_CLASS, and closes it after the class")
    void per_class() {
        run(PerClassFixture.class).assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
        assertThat(SEEN.get(0).toString()).contains("closed");
    }

    @SimulatedClusterTest
    static class DefaultScopeFixture {
        @Test
        void first(SimulatedCluster cluster) {
            SEEN.add(cluster);
        }

        @Test
        void second(SimulatedCluster cluster) {
            SEEN.add(cluster);
        }
    }

    @Test
    @DisplayName("takes the default scope from the configuration parameter")
    void default_scope_from_configuration() {
        run(DefaultScopeFixture.class, SimulatedClusterTest.DEFAULT_SCOPE_PROPERTY_NAME, "per_class")
                .assertStatistics(stats -> stats.succeeded(2));
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
    }

    @SimulatedClusterTest(seed = 7L)
    static class FailingFixture {
        @Test
        void fails(SimulatedCluster cluster) {
            throw new AssertionError("rollout did not complete");
        }
    }

    @Test
    @DisplayName("attaches the cluster's seed to a failure")
    void seed_on_failure() {
        run(FailingFixture.class).assertStatistics(stats -> stats.failed(1)).failed().stream().findFirst()
                .ifPresentOrElse(event -> {
                    Throwable t = event.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .getThrowable().orElseThrow();
                    assertThat(t).hasMessage("rollout did not complete");
                    assertThat(t.getSuppressed()).singleElement().satisfies(s -> assertThat(s.getMessage())
                            .contains("simulated cluster seed: 7").contains("@SimulatedClusterTest(seed = 7L)"));
                }, () -> {
                    throw new AssertionError("no failed event");
                });
    }

    @SimulatedClusterTest
    static class ConstructorFixture {
        ConstructorFixture(KubernetesClient client) {
        }

        @Test
        void never() {
        }
    }

    @Test
    @DisplayName("refuses constructor injection with the fix in the message")
    void constructor_injection() {
        run(ConstructorFixture.class).assertStatistics(stats -> stats.failed(1)).failed().stream().findFirst()
                .ifPresent(event -> assertThat(event.getRequiredPayload(
                        org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow())
                        .hasMessageContaining("cannot inject KubernetesClient into a constructor")
                        .hasMessageContaining("parameter of a test or lifecycle method"));
    }
}
