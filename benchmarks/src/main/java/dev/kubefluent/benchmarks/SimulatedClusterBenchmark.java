package dev.kubefluent.benchmarks;

import dev.kubefluent.testing.sim.SimulatedCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The simulated cluster against fabric8's bare {@code KubernetesMockServer} (CRUD mode, plain HTTP), in the same run:
 * starting and stopping a server, and a ConfigMap create plus get through the fabric8 client.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SimulatedClusterBenchmark -wi 3 -i 5 -f 1}. Targets:
 * {@code crudSimulated <= 1.5 x crudBareMock}; {@code startStopSimulated <= 3 x startStopBareMock}. The simulated
 * cluster is measured as users start it, with its controllers and nodes. The HTTPS pair is informative (no target):
 * fabric8's mock server makes an RSA key and certificate per start, the simulated cluster one per JVM.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SimulatedClusterBenchmark {

    static {
        // the mock web server logs every request through java.util.logging; both servers would pay for it
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver.MockWebServer")
                .setLevel(java.util.logging.Level.WARNING);
    }

    static KubernetesMockServer bareMock() {
        return bareMock(false);
    }

    static KubernetesMockServer bareMock(boolean https) {
        return new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesMixedDispatcher(new HashMap<>()), https);
    }

    static ConfigMap configMap(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("k", "v").build();
    }

    /** A started simulated cluster and its client. */
    @State(Scope.Benchmark)
    public static class Simulated {
        SimulatedCluster cluster;
        KubernetesClient client;
        long counter;

        @Setup(Level.Trial)
        public void start() {
            cluster = SimulatedCluster.start();
            client = cluster.client();
        }

        @TearDown(Level.Iteration)
        public void clear() {
            client.configMaps().delete();
        }

        @TearDown(Level.Trial)
        public void stop() {
            cluster.close();
        }
    }

    /** A started bare fabric8 mock server (CRUD, http) and its client. */
    @State(Scope.Benchmark)
    public static class Bare {
        KubernetesMockServer server;
        KubernetesClient client;
        long counter;

        @Setup(Level.Trial)
        public void start() {
            server = bareMock();
            server.init();
            client = server.createClient();
        }

        @TearDown(Level.Iteration)
        public void clear() {
            client.configMaps().delete();
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
            server.destroy();
        }
    }

    @Benchmark
    public ConfigMap crudSimulated(Simulated s) {
        String name = "cfg-" + s.counter++;
        s.client.configMaps().resource(configMap(name)).create();
        return s.client.configMaps().withName(name).get();
    }

    @Benchmark
    public ConfigMap crudBareMock(Bare b) {
        String name = "cfg-" + b.counter++;
        b.client.configMaps().resource(configMap(name)).create();
        return b.client.configMaps().withName(name).get();
    }

    @Benchmark
    public String startStopSimulated() {
        try (SimulatedCluster cluster = SimulatedCluster.start()) {
            return cluster.url();
        }
    }

    @Benchmark
    public int startStopBareMock() {
        KubernetesMockServer server = bareMock();
        server.init();
        int port = server.getPort();
        server.destroy();
        return port;
    }

    @Benchmark
    public String startStopSimulatedHttps() {
        try (SimulatedCluster cluster = SimulatedCluster.builder().https(true).start()) {
            return cluster.url();
        }
    }

    @Benchmark
    public int startStopBareMockHttps() {
        KubernetesMockServer server = bareMock(true);
        server.init();
        int port = server.getPort();
        server.destroy();
        return port;
    }
}
