package dev.kubefluent.testing.sim;

import dev.kubefluent.core.validate.KubeVersion;
import dev.kubefluent.core.validate.Validator;
import dev.kubefluent.testing.internal.controller.ControllerSettings;
import dev.kubefluent.testing.internal.controller.Controllers;
import dev.kubefluent.testing.internal.server.ApiServer;
import dev.kubefluent.testing.internal.server.ControlPlane;
import dev.kubefluent.testing.internal.server.ResourceType;
import dev.kubefluent.testing.internal.server.Store;
import dev.kubefluent.testing.internal.server.StoreAccess;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A simulated Kubernetes cluster in the test's JVM: an API server with the real API's semantics (server-side apply,
 * strategic merge patch, selectors, watches from a resourceVersion over WebSockets or HTTP streams, subresources,
 * defaulting, validation, garbage collection) on a Vert.x HTTP server, plus fault injection and a record of every
 * request.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * try (SimulatedCluster cluster = SimulatedCluster.start()) {
 *     KubernetesClient client = cluster.client();
 *     client.configMaps().resource(configMap).serverSideApply();
 *     assertThat(cluster.requests()).extracting(RecordedCall::verb).containsExactly(Verb.PATCH);
 * }
 * SimulatedCluster cluster = SimulatedCluster.builder().seed(42).namespaces("shop").start();
 * Path kubeconfig = cluster.kubeconfig();   // for other fabric8-based clients
 * }</pre>
 *
 * <h2>Watches and lists</h2>
 * Watches are served as WebSockets (what the fabric8 client asks for) and as chunked HTTP streams of newline-delimited
 * JSON events (what kubectl and client-go ask for, and fabric8 with {@code Config.setOnlyHttpWatches(true)}), with
 * the same semantics: events after the requested resourceVersion, {@code 410 Gone} when it is older than the kept
 * history, label and field selectors, bookmarks, {@code timeoutSeconds}. Lists honour {@code limit} and
 * {@code continue}; later pages show the list as of the first page's resourceVersion.
 *
 * <h2>Repeatable</h2>
 * Generated names and uids come from one random source per cluster, seeded by {@link Builder#seed(long)} (a random
 * seed otherwise, shown by {@link #seed()} and {@link #toString()}); resourceVersions and other counters belong to the
 * cluster. Timestamps come from the cluster's {@link #clock() virtual clock}.
 *
 * <h2>Lifecycle</h2>
 * The cluster listens on loopback, on a free port, over plain HTTP unless built with {@link Builder#https(boolean)}.
 * {@link #close()} is idempotent; any other method called after it throws {@link IllegalStateException}.
 *
 * <h2>Its own HTTP server, not fabric8's MockWebServer</h2>
 * The cluster serves HTTP on its own Vert.x server (the Vert.x that fabric8's default HTTP client already brings),
 * not on fabric8's {@code KubernetesMockServer}/{@code MockWebServer}, for two reasons. Streaming watches: kubectl
 * and client-go watch over plain HTTP, a chunked response that stays open and carries each event as it happens;
 * MockWebServer serves watches only as WebSockets and fails such a request. One TLS key per JVM: MockWebServer
 * generates a new RSA key for every HTTPS server (up to seconds of CPU), where all clusters of a JVM share one
 * self-signed key and certificate, made once.
 *
 * @since 0.1
 */
public final class SimulatedCluster implements AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    static {
        // Jackson builds the (de)serializers of the large model classes lazily, which takes seconds on a loaded
        // machine; all clusters and clients share one serialization, warmed here once, off the test's thread.
        Thread warmUp = new Thread(() -> {
            for (ResourceType t : ResourceType.all()) {
                try {
                    Object typed = SERIALIZATION.convertValue(Map.of("apiVersion", t.apiVersion(), "kind", t.kind(),
                            "metadata", Map.of("name", "warm-up")), t.modelClass());
                    SERIALIZATION.asJson(typed);
                } catch (RuntimeException e) {
                    // only a warm-up
                }
            }
        }, "kubefluent-sim-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private final long seed;
    private final boolean https;
    private final ClusterServer server;
    private final ControlPlane controlPlane;
    private final ApiServer api;
    private final ClusterDispatcher dispatcher;
    private final Faults faults;
    private final SimulatedClock clock;
    private final String url;
    private final Pods pods;
    private KubernetesClient client;
    private Path kubeconfig;
    private volatile boolean closed;

    private SimulatedCluster(Builder b) {
        this.seed = b.seed != null ? b.seed : new SecureRandom().nextLong();
        this.https = b.https;
        this.controlPlane = new ControlPlane("kubefluent-sim-" + COUNT.incrementAndGet(), b.startTime, b.timeScale,
                b.manualClock);
        Store store = new Store(b.watchHistory);
        this.api = new ApiServer(store, controlPlane, new Random(seed), b.createNamespacesOnDemand,
                Validator.apiServer(b.kubernetesVersion), SERIALIZATION);
        this.faults = new Faults(this::dropWatches, this::checkOpen);
        this.clock = new SimulatedClock(controlPlane, this::checkOpen);
        this.dispatcher = new ClusterDispatcher(api, controlPlane, faults);
        Controllers controllers = null;
        if (b.controllers) {
            StoreAccess access = new StoreAccess(api, controlPlane);
            controllers = Controllers.create(access, new ControllerSettings(b.nodes, b.podStartDelay));
            access.register(controllers.all());
            Controllers podControllers = controllers;
            api.podLogs((pod, container) -> {
                String lines = podControllers.podBehaviors().logs(SERIALIZATION.convertValue(pod, Pod.class),
                        container);
                return lines.isEmpty() ? List.of() : List.of(lines.split("\n"));
            });
        }
        this.pods = controllers == null ? null : new Pods(controllers.podBehaviors());
        Controllers started = controllers;
        try {
            controlPlane.call(() -> {
                if (started != null) {
                    started.start();
                }
                for (String ns : b.namespaces) {
                    Map<String, Object> tree = new LinkedHashMap<>();
                    tree.put("apiVersion", "v1");
                    tree.put("kind", "Namespace");
                    tree.put("metadata", new LinkedHashMap<>(Map.of("name", ns)));
                    api.createObject(ResourceType.find("v1", "namespaces").orElseThrow(), tree, "kube-apiserver",
                            false);
                }
                return null;
            }, IDLE_TIMEOUT);
            controlPlane.start();
            this.server = ClusterServer.start(dispatcher, https);
        } catch (RuntimeException e) {
            controlPlane.close();
            throw e;
        }
        dispatcher.vertx(server.vertx());
        this.url = server.url();
    }

    /**
     * Starts a simulated cluster with default settings: plain HTTP, a random seed, namespaces {@code default},
     * {@code kube-system} and {@code kube-public}, time scale 1.
     *
     * @return the running cluster; close it when done
     */
    public static SimulatedCluster start() {
        return builder().start();
    }

    /**
     * A builder for a simulated cluster with chosen settings.
     *
     * <pre>{@code
     * SimulatedCluster cluster = SimulatedCluster.builder().seed(42).namespaces("shop").timeScale(100).start();
     * }</pre>
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The fabric8 client for this cluster (namespace {@code default}), created on first use and closed with the
     * cluster.
     *
     * <p>It is tuned for tests, so that a test sees exactly the faults it injected: no request retries
     * ({@code requestRetryBackoffLimit = 0}), a 5 s request timeout, a 2 s connection timeout and a 100 ms watch
     * reconnect interval. All clients of simulated clusters share one {@code KubernetesSerialization}.
     *
     * @return the shared client
     */
    public synchronized KubernetesClient client() {
        checkOpen();
        if (client == null) {
            client = newClient();
        }
        return client;
    }

    /**
     * A new fabric8 client for this cluster with the same test tuning as {@link #client()}; the caller closes it.
     *
     * @return a new client
     */
    public KubernetesClient newClient() {
        checkOpen();
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(url).withNamespace("default")
                .withTrustCerts(true).withRequestRetryBackoffLimit(0).withRequestTimeout(5_000)
                .withConnectionTimeout(2_000).withWatchReconnectInterval(100).withHttp2Disable(true).build();
        return new KubernetesClientBuilder().withConfig(config).withKubernetesSerialization(SERIALIZATION).build();
    }

    /**
     * A kubeconfig file for this cluster (context {@code simulated}, namespace {@code default}), written on first use
     * and deleted when the cluster closes.
     *
     * @return the path of the kubeconfig file
     */
    public synchronized Path kubeconfig() {
        checkOpen();
        if (kubeconfig == null) {
            try {
                Path file = Files.createTempFile("kubefluent-sim-", ".kubeconfig");
                Files.writeString(file, "apiVersion: v1\nkind: Config\nclusters:\n- name: simulated\n  cluster:\n"
                        + "    server: " + url + "\n" + (https ? "    insecure-skip-tls-verify: true\n" : "")
                        + "contexts:\n- name: simulated\n  context:\n    cluster: simulated\n    user: simulated\n"
                        + "    namespace: default\ncurrent-context: simulated\nusers:\n- name: simulated\n  user:\n"
                        + "    token: simulated\n");
                kubeconfig = file;
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the kubeconfig of " + this, e);
            }
        }
        return kubeconfig;
    }

    /**
     * The pod behaviours of this cluster's simulated kubelet and scheduler: failing image pulls, crash loops, slow
     * readiness, unschedulable pods, log lines.
     *
     * <pre>{@code
     * PodBehaviorRule rule = cluster.pods().withImage("ghcr.io/acme/web:2.0").failImagePull();
     * }</pre>
     *
     * @return the pod behaviours
     * @throws IllegalStateException when the cluster was built {@link Builder#withoutControllers() without
     *     controllers}
     */
    public Pods pods() {
        checkOpen();
        if (pods == null) {
            throw new IllegalStateException(this + " runs without controllers, so it has no pods to give behaviours:"
                    + " build it without calling withoutControllers()");
        }
        return pods;
    }

    /**
     * The URL of the simulated API server, e.g. {@code http://127.0.0.1:40123}.
     *
     * @return the base URL
     */
    public String url() {
        checkOpen();
        return url;
    }

    /**
     * The seed of the cluster's random source (generated names, uids, service IPs); pass it to
     * {@link Builder#seed(long)} to repeat a run exactly.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Fault injection for this cluster's requests.
     *
     * @return the faults of this cluster
     */
    public Faults faults() {
        checkOpen();
        return faults;
    }

    /**
     * Every request received so far, in arrival order (faulted ones included).
     *
     * @return an immutable snapshot
     */
    public List<RecordedCall> requests() {
        checkOpen();
        return dispatcher.recorded();
    }

    /**
     * The requests received so far with this verb and resource, in arrival order.
     *
     * @param verb the verb, must not be {@code null}
     * @param resource the resource plural ({@code "deployments"}), must not be {@code null}
     * @return an immutable list
     */
    public List<RecordedCall> requests(Verb verb, String resource) {
        if (verb == null || resource == null) {
            throw new IllegalArgumentException("verb and resource must not be null");
        }
        Predicate<RecordedCall> match = c -> c.verb() == verb && c.resource().equals(resource);
        return requests().stream().filter(match).toList();
    }

    /** Forgets the requests recorded so far. */
    public void clearRequests() {
        checkOpen();
        dispatcher.clearRecorded();
    }

    /**
     * The cluster's virtual clock.
     *
     * @return the clock
     */
    public SimulatedClock clock() {
        checkOpen();
        return clock;
    }

    /**
     * Waits until the cluster has nothing left to do at the current simulated instant: every request answered, every
     * change delivered, every task due now run. Simulated time does not move.
     *
     * @throws IllegalStateException when the cluster does not settle within 30 seconds
     */
    public void runUntilIdle() {
        checkOpen();
        controlPlane.runUntilIdle(IDLE_TIMEOUT);
    }

    /**
     * Forgets the watch event history, as etcd compaction does: a later watch from an earlier resourceVersion gets
     * {@code 410 Gone}, and so does a list {@code continue} token issued before a write that came before compaction.
     */
    public void compact() {
        checkOpen();
        controlPlane.call(() -> {
            api.store().compact();
            return null;
        }, IDLE_TIMEOUT);
    }

    /**
     * Sends a {@code BOOKMARK} event with the current resourceVersion to every watch that allows bookmarks, now. The
     * cluster also sends them by itself, as the API server's watch cache does: every minute of simulated time, and
     * 2 s before a watch's {@code timeoutSeconds} deadline (at which the server ends the watch).
     */
    public void sendBookmarks() {
        checkOpen();
        controlPlane.call(() -> {
            api.store().bookmarks();
            return null;
        }, IDLE_TIMEOUT);
    }

    private int dropWatches(String resource) {
        Set<ResourceType> types = new LinkedHashSet<>();
        for (ResourceType t : ResourceType.all()) {
            if (t.plural().equals(resource)) {
                types.add(t);
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("resource must be a resource the simulated cluster serves but was: "
                    + resource);
        }
        return controlPlane.call(() -> {
            int n = 0;
            for (ResourceType t : types) {
                n += api.store().dropWatches(t);
            }
            return n;
        }, IDLE_TIMEOUT);
    }

    ApiServer apiServer() {
        return api;
    }

    ControlPlane controlPlane() {
        return controlPlane;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed: start a new cluster instead of using it after"
                    + " close()");
        }
    }

    /**
     * Stops the cluster: closes the client, the watches and the server, and deletes the kubeconfig. Calling it again
     * does nothing.
     */
    @Override
    public void close() {
        KubernetesClient c;
        Path k;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            c = client;
            k = kubeconfig;
        }
        List<RuntimeException> failures = new ArrayList<>();
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        dispatcher.close();
        try {
            if (api.store().hasWatches()) {
                controlPlane.call(() -> api.store().dropWatches(null), Duration.ofSeconds(5));
            }
        } catch (RuntimeException e) {
            failures.add(e);
        }
        controlPlane.close();
        try {
            server.stop();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        if (k != null) {
            try {
                Files.deleteIfExists(k);
            } catch (IOException e) {
                failures.add(new UncheckedIOException(e));
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("closing " + this + " failed", failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    @Override
    public String toString() {
        return "SimulatedCluster[" + url + ", seed=" + seed + (closed ? ", closed" : "") + "]";
    }

    /**
     * Settings of a simulated cluster; {@link #start()} starts it.
     *
     * @since 0.1
     */
    public static final class Builder {
        private Long seed;
        private final Set<String> namespaces = new LinkedHashSet<>(List.of("default", "kube-system",
                "kube-public"));
        private boolean https;
        private boolean createNamespacesOnDemand;
        private double timeScale = 1;
        private boolean manualClock;
        private Instant startTime = Instant.parse("2025-01-01T00:00:00Z");
        private KubeVersion kubernetesVersion = KubeVersion.DEFAULT;
        private int watchHistory = 10_000;
        private boolean controllers = true;
        private int nodes = ControllerSettings.DEFAULTS.nodeCount();
        private Duration podStartDelay = ControllerSettings.DEFAULTS.podStartDelay();

        private Builder() {
        }

        /**
         * Seeds the cluster's random source, so generated names and uids repeat from run to run.
         *
         * @param value the seed
         * @return this builder for method chaining
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Namespaces that exist from the start, besides {@code default}, {@code kube-system} and {@code kube-public}.
         *
         * @param names namespace names, must not be {@code null}
         * @return this builder for method chaining
         */
        public Builder namespaces(String... names) {
            if (names == null) {
                throw new IllegalArgumentException("names must not be null");
            }
            for (String n : names) {
                if (n == null || n.isEmpty()) {
                    throw new IllegalArgumentException("namespace names must not be null or empty");
                }
                namespaces.add(n);
            }
            return this;
        }

        /**
         * Serves HTTPS with a self-signed certificate instead of plain HTTP (slower to start; the client trusts it).
         *
         * @param enabled whether to use HTTPS
         * @return this builder for method chaining
         */
        public Builder https(boolean enabled) {
            this.https = enabled;
            return this;
        }

        /**
         * Creates a missing namespace when an object is written into it, instead of answering 404 as a real API
         * server does.
         *
         * @param enabled whether to create namespaces on demand
         * @return this builder for method chaining
         */
        public Builder createNamespacesOnDemand(boolean enabled) {
            this.createNamespacesOnDemand = enabled;
            return this;
        }

        /**
         * How much faster than the wall clock simulated time runs while the cluster waits for its next scheduled
         * event; 100 makes a 600 s deadline pass in 6 s.
         *
         * @param factor the speed-up, must be positive
         * @return this builder for method chaining
         */
        public Builder timeScale(double factor) {
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("timeScale must be positive but was: " + factor);
            }
            this.timeScale = factor;
            return this;
        }

        /**
         * Freezes simulated time: it moves only through {@link SimulatedClock#advance(Duration)}.
         *
         * @return this builder for method chaining
         */
        public Builder manualClock() {
            this.manualClock = true;
            return this;
        }

        /**
         * The simulated instant the cluster starts at (default 2025-01-01T00:00:00Z).
         *
         * @param instant the start instant, must not be {@code null}
         * @return this builder for method chaining
         */
        public Builder startTime(Instant instant) {
            if (instant == null) {
                throw new IllegalArgumentException("startTime must not be null");
            }
            this.startTime = instant;
            return this;
        }

        /**
         * The Kubernetes version whose API-server validation rules apply to writes (default
         * {@link KubeVersion#DEFAULT}); also reported by {@code /version}.
         *
         * @param version the version, must not be {@code null}
         * @return this builder for method chaining
         */
        public Builder kubernetesVersion(KubeVersion version) {
            if (version == null) {
                throw new IllegalArgumentException("kubernetesVersion must not be null");
            }
            this.kubernetesVersion = version;
            return this;
        }

        /**
         * How many watch events the cluster keeps for watches from a resourceVersion and for list pages (default
         * 10000); a watch from before the oldest one gets {@code 410 Gone}, and so does a list {@code continue} token
         * whose first page is older ({@code reason: Expired}, as after etcd compaction).
         *
         * @param events the number of events kept, must be positive
         * @return this builder for method chaining
         */
        public Builder watchHistory(int events) {
            if (events <= 0) {
                throw new IllegalArgumentException("watchHistory must be positive but was: " + events);
            }
            this.watchHistory = events;
            return this;
        }

        /**
         * Runs only the API server: no Deployment, ReplicaSet, StatefulSet, DaemonSet or endpoint controllers, no
         * scheduler, no kubelet and no nodes, so objects keep exactly what clients write.
         *
         * @return this builder for method chaining
         */
        public Builder withoutControllers() {
            this.controllers = false;
            return this;
        }

        /**
         * The number of simulated nodes ({@code node-1} ... {@code node-N}; default 3).
         *
         * @param count the number of nodes, at least 1
         * @return this builder for method chaining
         */
        public Builder nodes(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("nodes must be at least 1 but was: " + count);
            }
            this.nodes = count;
            return this;
        }

        /**
         * The simulated time from a pod's scheduling to its containers running and (without a behaviour) ready;
         * default 10 ms.
         *
         * @param delay the delay, must not be {@code null} or negative
         * @return this builder for method chaining
         */
        public Builder podStartDelay(Duration delay) {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("podStartDelay must not be null or negative but was: " + delay);
            }
            this.podStartDelay = delay;
            return this;
        }

        /**
         * Starts the cluster.
         *
         * @return the running cluster; close it when done
         */
        public SimulatedCluster start() {
            return new SimulatedCluster(this);
        }
    }
}
