package dev.kubefluent.testing.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SimulatedCluster lifecycle")
class SimulatedClusterLifecycleTest {

    static ConfigMap configMap(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("k", "v").build();
    }

    @Test
    @DisplayName("starts on loopback over http, serves the fabric8 client in namespace default, and closes idempotently")
    void start_client_close() {
        SimulatedCluster cluster = SimulatedCluster.start();
        try {
            assertThat(cluster.url()).startsWith("http://");
            KubernetesClient client = cluster.client();
            assertThat(client.getNamespace()).isEqualTo("default");
            client.configMaps().resource(configMap("cfg")).create();
            ConfigMap stored = client.configMaps().withName("cfg").get();
            assertThat(stored.getMetadata().getNamespace()).isEqualTo("default");
            assertThat(stored.getMetadata().getResourceVersion()).isNotEmpty();
            assertThat(cluster.client()).isSameAs(client);
        } finally {
            cluster.close();
        }
        cluster.close();
        assertThat(cluster.toString()).contains("closed");
    }

    @Test
    @DisplayName("fails with a message saying so when used after close()")
    void use_after_close() {
        SimulatedCluster cluster = SimulatedCluster.start();
        cluster.close();
        assertThatThrownBy(cluster::client).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        assertThatThrownBy(cluster::faults).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after close()");
        assertThatThrownBy(cluster::requests).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("has default, kube-system and kube-public, and refuses objects in a namespace that does not exist")
    void namespaces() {
        try (SimulatedCluster cluster = SimulatedCluster.builder().namespaces("shop").start()) {
            KubernetesClient client = cluster.client();
            assertThat(client.namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
                    .containsExactly("default", "kube-public", "kube-system", "shop");
            assertThatThrownBy(() -> client.configMaps().inNamespace("nope").resource(configMap("cfg")).create())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(404);
                        assertThat(e.getMessage()).contains("namespaces \"nope\" not found");
                    });
            Namespace created = client.namespaces().resource(new NamespaceBuilder().withNewMetadata()
                    .withName("nope").endMetadata().build()).create();
            assertThat(created.getStatus().getPhase()).isEqualTo("Active");
            client.configMaps().inNamespace("nope").resource(configMap("cfg")).create();
            assertThat(client.configMaps().inNamespace("nope").withName("cfg").get()).isNotNull();
            assertThatThrownBy(() -> client.namespaces().withName("default").delete())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                            .isEqualTo(403));
        }
    }

    @Test
    @DisplayName("creates namespaces on demand when built to")
    void namespaces_on_demand() {
        try (SimulatedCluster cluster = SimulatedCluster.builder().createNamespacesOnDemand(true).start()) {
            cluster.client().configMaps().inNamespace("team-a").resource(configMap("cfg")).create();
            assertThat(cluster.client().namespaces().withName("team-a").get()).isNotNull();
        }
    }

    @Test
    @DisplayName("writes a kubeconfig that other fabric8 clients can use, and deletes it on close")
    void kubeconfig() throws Exception {
        Path file;
        try (SimulatedCluster cluster = SimulatedCluster.start()) {
            file = cluster.kubeconfig();
            cluster.client().configMaps().resource(configMap("cfg")).create();
            Config config = Config.fromKubeconfig(file.toFile());
            try (KubernetesClient other = new KubernetesClientBuilder().withConfig(config).build()) {
                assertThat(other.configMaps().withName("cfg").get().getData()).containsEntry("k", "v");
            }
        }
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    @DisplayName("counts resourceVersions per cluster, and repeats generated names and uids for the same seed")
    void seeded_and_per_cluster() {
        String[] first = run(42);
        String[] second = run(42);
        String[] other = run(7);
        assertThat(second).containsExactly(first);
        assertThat(other[0]).isNotEqualTo(first[0]);
        assertThat(first[0]).matches("gen-[bcdfghjklmnpqrstvwxz2456789]{5}");
        assertThat(first[1]).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    private static String[] run(long seed) {
        try (SimulatedCluster cluster = SimulatedCluster.builder().seed(seed).start()) {
            assertThat(cluster.seed()).isEqualTo(seed);
            assertThat(cluster.toString()).contains("seed=" + seed);
            ConfigMap created = cluster.client().configMaps().resource(new ConfigMapBuilder().withNewMetadata()
                    .withGenerateName("gen-").endMetadata().build()).create();
            return new String[] {created.getMetadata().getName(), created.getMetadata().getUid(),
                    created.getMetadata().getResourceVersion()};
        }
    }

    @Test
    @DisplayName("serves https when built to")
    void https() {
        try (SimulatedCluster cluster = SimulatedCluster.builder().https(true).start()) {
            assertThat(cluster.url()).startsWith("https://");
            cluster.client().configMaps().resource(configMap("cfg")).create();
            assertThat(cluster.client().configMaps().withName("cfg").get()).isNotNull();
        }
    }
}
