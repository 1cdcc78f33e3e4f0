package dev.kubefluent.testing.sim;

import static dev.kubefluent.testing.sim.Fixtures.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@DisplayName("SimulatedCluster selectors, lists and watches")
class SelectorsAndWatchesTest extends SharedClusterTest {


    private static ConfigMap labelled(String name, String env) {
        ConfigMap cm = configMap(name, Map.of("k", "v"));
        if (env != null) {
            cm.getMetadata().setLabels(Map.of("env", env));
        }
        return cm;
    }

    private static List<String> names(ConfigMapList list) {
        return list.getItems().stream().map(c -> c.getMetadata().getName()).toList();
    }

    @Test
    @DisplayName("set-based label selectors: in, notin, exists and does-not-exist")
    void set_based_labels(TestInfo info) {
        var cms = client.configMaps().inNamespace(ns(info));
        cms.resource(labelled("a", "prod")).create();
        cms.resource(labelled("b", "dev")).create();
        cms.resource(labelled("c", "test")).create();
        cms.resource(labelled("d", null)).create();
        assertThat(names(cms.withLabelIn("env", "prod", "dev").list())).containsExactly("a", "b");
        assertThat(names(cms.withLabelNotIn("env", "prod", "dev").list())).containsExactly("c", "d");
        assertThat(names(cms.withLabel("env").list())).containsExactly("a", "b", "c");
        assertThat(names(cms.withoutLabel("env").list())).containsExactly("d");
        assertThat(names(cms.withLabel("env", "test").list())).containsExactly("c");
        assertThat(names(cms.withoutLabel("env", "test").list())).containsExactly("a", "b", "d");
    }

    @Test
    @DisplayName("field selectors on metadata.name, status.phase and spec.nodeName; unsupported fields are a 400")
    void field_selectors(TestInfo info) {
        String ns = ns(info);
        client.pods().inNamespace(ns).resource(pod("p1", "n1")).create();
        client.pods().inNamespace(ns).resource(pod("p2", "n2")).create();
        assertThat(client.pods().inNamespace(ns).withField("spec.nodeName", "n2").list().getItems())
                .extracting(p -> p.getMetadata().getName()).containsExactly("p2");
        assertThat(client.pods().inNamespace(ns).withField("status.phase", "Pending").list().getItems())
                .hasSize(2);
        assertThat(client.pods().inNamespace(ns).withField("status.phase", "Running").list().getItems()).isEmpty();
        assertThat(client.pods().inNamespace(ns).withField("metadata.name", "p1").list().getItems()).hasSize(1);
        assertThat(client.pods().inNamespace(ns).withoutField("metadata.name", "p1").list().getItems())
                .extracting(p -> p.getMetadata().getName()).containsExactly("p2");
        assertThatThrownBy(() -> client.configMaps().inNamespace(ns).withField("data.k", "v").list())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("field label not supported: data.k");
                });
    }

    private static Pod pod(String name, String node) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().withNodeName(node)
                .addNewContainer().withName("app").withImage("nginx:1").endContainer().endSpec().build();
    }

    @Test
    @DisplayName("lists honour limit and continue")
    void limit_and_continue(TestInfo info) {
        var cms = client.configMaps().inNamespace(ns(info));
        for (String n : List.of("a", "b", "c", "d", "e")) {
            cms.resource(labelled(n, "x")).create();
        }
        ConfigMapList first = cms.list(new ListOptionsBuilder().withLimit(2L).build());
        assertThat(names(first)).containsExactly("a", "b");
        assertThat(first.getMetadata().getContinue()).isNotEmpty();
        assertThat(first.getMetadata().getRemainingItemCount()).isEqualTo(3L);
        ConfigMapList second = cms.list(new ListOptionsBuilder().withLimit(2L)
                .withContinue(first.getMetadata().getContinue()).build());
        assertThat(names(second)).containsExactly("c", "d");
        ConfigMapList third = cms.list(new ListOptionsBuilder().withLimit(2L)
                .withContinue(second.getMetadata().getContinue()).build());
        assertThat(names(third)).containsExactly("e");
        assertThat(third.getMetadata().getContinue()).isNull();
        assertThat(names(cms.withLabel("env", "x").list(new ListOptionsBuilder().withLimit(10L).build())))
                .hasSize(5);
    }

    @Test
    @DisplayName("a watch from a resourceVersion gets only later events, and a bookmark when asked")
    void watch_from_resource_version(TestInfo info) throws Exception {
        var cms = client.configMaps().inNamespace(ns(info));
        cms.resource(labelled("before", "x")).create();
        String rv = cms.list().getMetadata().getResourceVersion();
        cms.resource(labelled("after", "x")).create();
        List<String> events = new CopyOnWriteArrayList<>();
        try (Watch watch = cms.watch(new ListOptionsBuilder().withResourceVersion(rv).withAllowWatchBookmarks(true)
                .build(), recorder(events))) {
            await(() -> events.contains("ADDED:after"), events);
            cms.withName("before").edit(c -> {
                c.getData().put("k", "changed");
                return c;
            });
            cms.withName("before").delete();
            await(() -> events.contains("DELETED:before"), events);
            cluster.sendBookmarks();
            await(() -> events.contains("BOOKMARK:null"), events);
        }
        assertThat(events).containsExactly("ADDED:after", "MODIFIED:before", "DELETED:before", "BOOKMARK:null");
        assertThat(cluster.requests(Verb.WATCH, "configmaps")).last()
                .satisfies(c -> assertThat(c.queryParameter("allowWatchBookmarks")).isEqualTo("true"));
    }

    @Test
    @DisplayName("a watch without resourceVersion replays the current objects; one that leaves a selector is DELETED")
    void watch_replays_and_follows_selectors(TestInfo info) throws Exception {
        var cms = client.configMaps().inNamespace(ns(info));
        cms.resource(labelled("a", "prod")).create();
        List<String> events = new CopyOnWriteArrayList<>();
        try (Watch watch = cms.withLabel("env", "prod").watch(recorder(events))) {
            await(() -> events.contains("ADDED:a"), events);
            cms.withName("a").edit(c -> {
                c.getMetadata().getLabels().put("env", "dev");
                return c;
            });
            await(() -> events.contains("DELETED:a"), events);
        }
        assertThat(events).containsExactly("ADDED:a", "DELETED:a");
    }

    @Test
    @DisplayName("a watch from a compacted resourceVersion gets 410 Gone")
    void watch_too_old(TestInfo info) throws Exception {
        var cms = client.configMaps().inNamespace(ns(info));
        cms.resource(labelled("a", "x")).create();
        String rv = cms.list().getMetadata().getResourceVersion();
        cms.resource(labelled("b", "x")).create();
        cluster.compact();
        CompletableFuture<WatcherException> closed = new CompletableFuture<>();
        try (Watch watch = cms.watch(new ListOptionsBuilder().withResourceVersion(rv).build(), new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
            }

            @Override
            public void onClose(WatcherException cause) {
                closed.complete(cause);
            }
        })) {
            WatcherException cause = closed.get(10, TimeUnit.SECONDS);
            assertThat(cause.isHttpGone()).isTrue();
            assertThat(cause.getMessage()).contains("too old resource version");
        }
    }

    @Test
    @DisplayName("an informer lists and watches like against a real API server")
    void informer(TestInfo info) throws Exception {
        var cms = client.configMaps().inNamespace(ns(info));
        cms.resource(labelled("a", "x")).create();
        try (var informer = cms.inform()) {
            await(() -> informer.getStore().list().size() == 1, List.of());
            cms.resource(labelled("b", "x")).create();
            await(() -> informer.getStore().list().size() == 2, List.of());
        }
    }

    static <T extends io.fabric8.kubernetes.api.model.HasMetadata> Watcher<T> recorder(List<String> events) {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, T resource) {
                events.add(action + ":" + resource.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        };
    }

    static void await(BooleanSupplier condition, List<?> lastSeen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10s; last seen: " + new ArrayList<>(lastSeen));
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
