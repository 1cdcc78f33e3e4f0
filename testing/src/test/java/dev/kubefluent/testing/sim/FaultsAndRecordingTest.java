package dev.kubefluent.testing.sim;

import static dev.kubefluent.testing.sim.SimulatedClusterLifecycleTest.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SimulatedCluster faults and recorded requests")
class FaultsAndRecordingTest {

    static SimulatedCluster cluster;
    static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = SimulatedCluster.start();
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @BeforeEach
    void reset() {
        cluster.faults().clear();
        client.configMaps().delete();
        client.secrets().delete();
        cluster.runUntilIdle();
        cluster.clearRequests();
    }

    @Test
    @DisplayName("records verb, path, query, content type and body of every request, with a readable toString")
    void records_requests() {
        client.configMaps().resource(configMap("cfg")).create();
        client.configMaps().withName("cfg").get();
        client.configMaps().withLabel("app", "web").list();
        client.configMaps().resource(configMap("cfg")).fieldManager("me").serverSideApply();

        List<RecordedCall> calls = cluster.requests();
        assertThat(calls).extracting(RecordedCall::verb).containsExactly(Verb.CREATE, Verb.GET, Verb.LIST,
                Verb.PATCH);
        RecordedCall create = calls.get(0);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.path()).isEqualTo("/api/v1/namespaces/default/configmaps");
        assertThat(create.contentType()).startsWith("application/json");
        assertThat(create.body()).contains("\"name\":\"cfg\"");
        assertThat(create.resource()).isEqualTo("configmaps");
        assertThat(calls.get(1).name()).isEqualTo("cfg");
        assertThat(calls.get(2).queryParameter("labelSelector")).isEqualTo("app=web");
        RecordedCall apply = calls.get(3);
        assertThat(apply.queryParameter("fieldManager")).isEqualTo("me");
        assertThat(apply.toString()).startsWith("PATCH /api/v1/namespaces/default/configmaps/cfg?")
                .contains("fieldManager=me").contains("[application/apply-patch+yaml]").contains("\"k\":\"v\"");
        assertThat(cluster.requests(Verb.CREATE, "configmaps")).containsExactly(create);
    }

    @Test
    @DisplayName("never prints the body of a Secret request")
    void redacts_secrets() {
        Secret secret = new SecretBuilder().withNewMetadata().withName("db").endMetadata()
                .addToStringData("password", "hunter2").build();
        client.secrets().resource(secret).create();
        RecordedCall call = cluster.requests(Verb.CREATE, "secrets").get(0);
        assertThat(call.body()).contains("hunter2");
        assertThat(call.toString()).doesNotContain("hunter2").contains("<redacted>");
    }

    @Test
    @DisplayName("fails matching requests with an injected status, a given number of times, without retries")
    void status_fault() {
        Fault fault = cluster.faults().on(Verb.CREATE, "configmaps").times(1).respondWith(500, "etcd is down");
        assertThatThrownBy(() -> client.configMaps().resource(configMap("cfg")).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("etcd is down");
                });
        assertThat(cluster.requests(Verb.CREATE, "configmaps")).hasSize(1);
        assertThat(client.configMaps().withName("cfg").get()).isNull();
        client.configMaps().resource(configMap("cfg")).create();
        assertThat(fault.hits()).isEqualTo(1);
        assertThat(fault.toString()).contains("CREATE configmaps").contains("respond 500").contains("1 of 1 hits");
    }

    @Test
    @DisplayName("limits faults by name and namespace, and removes them again")
    void fault_by_name() {
        Fault fault = cluster.faults().on(Verb.GET, "configmaps").named("b").inNamespace("default").respondWith(503);
        client.configMaps().resource(configMap("a")).create();
        client.configMaps().resource(configMap("b")).create();
        assertThat(client.configMaps().withName("a").get()).isNotNull();
        assertThatThrownBy(() -> client.configMaps().withName("b").get())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                        .isEqualTo(503));
        fault.remove();
        assertThat(client.configMaps().withName("b").get()).isNotNull();
        assertThat(cluster.faults().active()).isEmpty();
    }

    @Test
    @DisplayName("answers 409 Conflict on demand")
    void conflict_fault() {
        client.configMaps().resource(configMap("cfg")).create();
        cluster.faults().on(Verb.UPDATE, "configmaps").conflict();
        ConfigMap changed = client.configMaps().withName("cfg").get();
        changed.getData().put("k", "w");
        assertThatThrownBy(() -> client.configMaps().resource(changed).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                        .isEqualTo(409));
        assertThat(client.configMaps().withName("cfg").get().getData()).containsEntry("k", "v");
    }

    @Test
    @DisplayName("adds latency to matching responses")
    void latency_fault() {
        client.configMaps().resource(configMap("cfg")).create();
        cluster.faults().onAnyVerb("configmaps").times(1).delay(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(client.configMaps().withName("cfg").get()).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    @DisplayName("drops watch connections; the client reconnects and keeps receiving events")
    void drops_watches() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch second = new CountDownLatch(1);
        try (Watch watch = client.configMaps().watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + ":" + resource.getMetadata().getName());
                if (resource.getMetadata().getName().equals("after")) {
                    second.countDown();
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            client.configMaps().resource(configMap("before")).create();
            awaitWatches(1);
            assertThat(cluster.faults().dropWatches("configmaps")).isEqualTo(1);
            awaitWatches(2);
            client.configMaps().resource(configMap("after")).create();
            assertThat(second.await(10, TimeUnit.SECONDS)).as("event after reconnect").isTrue();
        }
        assertThat(events).contains("ADDED:before", "ADDED:after");
        assertThat(cluster.requests().stream().filter(c -> c.verb() == Verb.WATCH).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("drops a watch right after it opens when a dropWatch fault matches")
    void drop_watch_fault() throws Exception {
        Fault fault = cluster.faults().on(Verb.WATCH, "configmaps").times(1).dropWatch();
        CountDownLatch added = new CountDownLatch(1);
        try (Watch watch = client.configMaps().watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                added.countDown();
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            awaitWatches(2);
            client.configMaps().resource(configMap("x")).create();
            assertThat(added.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(fault.hits()).isEqualTo(1);
    }

    private static void awaitWatches(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (cluster.requests().stream().filter(c -> c.verb() == Verb.WATCH).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " watch requests within 10s but saw: "
                        + cluster.requests());
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        cluster.runUntilIdle();
    }
}
