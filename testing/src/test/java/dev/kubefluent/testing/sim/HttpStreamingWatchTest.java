package dev.kubefluent.testing.sim;

import static dev.kubefluent.testing.sim.Fixtures.configMap;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@DisplayName("SimulatedCluster watches over plain HTTP streaming")
class HttpStreamingWatchTest extends SharedClusterTest {

    private static ConfigMap labelled(String name, String env) {
        ConfigMap cm = configMap(name, Map.of("k", "v"));
        cm.getMetadata().setLabels(Map.of("env", env));
        return cm;
    }

    private static String path(TestInfo info) {
        return "/api/v1/namespaces/" + ns(info) + "/configmaps";
    }

    private String rv(TestInfo info) {
        return client.configMaps().inNamespace(ns(info)).list().getMetadata().getResourceVersion();
    }

    @Test
    @DisplayName("streams only the events after the resourceVersion as chunked newline-delimited JSON")
    void streams_events_after_the_resource_version(TestInfo info) throws Exception {
        var cms = client.configMaps().inNamespace(ns(info));
        cms.resource(labelled("before", "x")).create();
        String rv = rv(info);
        try (WatchStream watch = WatchStream.open(cluster, path(info) + "?watch=true&resourceVersion=" + rv)) {
            HttpResponse<?> response = watch.response();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
            ConfigMap after = cms.resource(labelled("after", "x")).create();
            ConfigMap edited = cms.withName("before").edit(c -> {
                c.getData().put("k", "changed");
                return c;
            });
            cms.withName("before").delete();
            assertThat(watch.nextSummary()).isEqualTo("ADDED:after@" + after.getMetadata().getResourceVersion());
            WatchEvent modified = watch.next();
            assertThat(WatchStream.summary(modified))
                    .isEqualTo("MODIFIED:before@" + edited.getMetadata().getResourceVersion());
            assertThat(((ConfigMap) modified.getObject()).getData()).containsEntry("k", "changed");
            assertThat(watch.nextSummary()).startsWith("DELETED:before@")
                    .isNotEqualTo("DELETED:before@" + edited.getMetadata().getResourceVersion());
        }
    }

    @Test
    @DisplayName("streams over HTTPS with HTTP/2, as kubectl watches a real cluster")
    void streams_over_https_and_http2() throws Exception {
        try (SimulatedCluster secure = SimulatedCluster.builder().https(true).withoutControllers().start()) {
            SSLContext trustAll = SSLContext.getInstance("TLS");
            trustAll.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(trustAll)
                    .build();
            try (WatchStream watch = WatchStream.open(secure, "/api/v1/namespaces/default/configmaps?watch=true",
                    http2)) {
                assertThat(watch.response().version()).isEqualTo(HttpClient.Version.HTTP_2);
                assertThat(watch.response().statusCode()).isEqualTo(200);
                ConfigMap created = secure.client().configMaps().resource(labelled("a", "x")).create();
                assertThat(watch.nextSummary()).isEqualTo("ADDED:a@" + created.getMetadata().getResourceVersion());
                secure.client().configMaps().withName("a").delete();
                assertThat(watch.nextSummary()).startsWith("DELETED:a@");
            }
        }
    }

    @Test
    @DisplayName("watch=1 without a resourceVersion replays the current objects, honouring label and field selectors")
    void replays_and_honours_selectors(TestInfo info) throws Exception {
        var cms = client.configMaps().inNamespace(ns(info));
        cms.resource(labelled("a", "prod")).create();
        cms.resource(labelled("b", "prod")).create();
        cms.resource(labelled("c", "dev")).create();
        try (WatchStream watch = WatchStream.open(cluster, path(info)
                + "?watch=1&labelSelector=env%20in%20(prod)&fieldSelector=metadata.name!%3Db")) {
            assertThat(watch.nextSummary()).startsWith("ADDED:a@");
            cms.withName("a").edit(c -> {
                c.getMetadata().getLabels().put("env", "dev");
                return c;
            });
            cms.withName("c").edit(c -> {
                c.getMetadata().getLabels().put("env", "prod");
                return c;
            });
            assertThat(watch.nextSummary()).startsWith("DELETED:a@");
            assertThat(watch.nextSummary()).startsWith("ADDED:c@");
        }
    }

    @Test
    @DisplayName("a watch from a compacted resourceVersion gets an ERROR event with 410 Expired, then the stream ends")
    void too_old_resource_version(TestInfo info) throws Exception {
        var cms = client.configMaps().inNamespace(ns(info));
        cms.resource(labelled("a", "x")).create();
        String rv = rv(info);
        cms.resource(labelled("b", "x")).create();
        cluster.compact();
        try (WatchStream watch = WatchStream.open(cluster, path(info) + "?watch=true&resourceVersion=" + rv)) {
            assertThat(watch.response().statusCode()).isEqualTo(200);
            WatchEvent error = watch.next();
            assertThat(error.getType()).isEqualTo("ERROR");
            assertThat(error.getObject()).isInstanceOfSatisfying(Status.class, s -> {
                assertThat(s.getCode()).isEqualTo(410);
                assertThat(s.getReason()).isEqualTo("Expired");
                assertThat(s.getMessage()).contains("too old resource version");
            });
            assertThat(watch.ended()).isTrue();
        }
    }

    @Test
    @DisplayName("an unsupported field selector or a malformed timeout is a 400 before any event, as on a real API"
            + " server")
    void bad_selector_is_a_plain_400(TestInfo info) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(cluster.url() + path(info)
                        + "?watch=true&fieldSelector=spec.nodeName%3Dn1")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"kind\":\"Status\"").contains("spec.nodeName");
        HttpResponse<String> badTimeout = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(cluster.url() + path(info)
                        + "?watch=true&timeoutSeconds=soon")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badTimeout.statusCode()).isEqualTo(400);
        assertThat(badTimeout.body()).contains("timeoutSeconds must be an integer but was: soon");
    }

    @Test
    @DisplayName("sends the initial-events-end bookmark when asked, and bookmarks on request")
    void bookmarks(TestInfo info) throws Exception {
        var cms = client.configMaps().inNamespace(ns(info));
        cms.resource(labelled("a", "x")).create();
        try (WatchStream watch = WatchStream.open(cluster, path(info)
                + "?watch=true&allowWatchBookmarks=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan")) {
            assertThat(watch.nextSummary()).startsWith("ADDED:a@");
            WatchEvent end = watch.next();
            assertThat(end.getType()).isEqualTo("BOOKMARK");
            assertThat(((io.fabric8.kubernetes.api.model.HasMetadata) end.getObject()).getMetadata()
                    .getAnnotations()).containsEntry("k8s.io/initial-events-end", "true");
            cluster.sendBookmarks();
            assertThat(watch.nextSummary()).isEqualTo("BOOKMARK:@" + rv(info));
        }
    }

    @Test
    @DisplayName("a dropWatch fault ends the stream at once; dropWatches ends open streams")
    void faults_drop_streams(TestInfo info) throws Exception {
        try (SimulatedCluster own = SimulatedCluster.builder().withoutControllers().start()) {
            String path = "/api/v1/namespaces/default/configmaps?watch=true";
            Fault fault = own.faults().on(Verb.WATCH, "configmaps").times(1).dropWatch();
            try (WatchStream dropped = WatchStream.open(own, path)) {
                assertThat(dropped.response().statusCode()).isEqualTo(200);
                assertThat(dropped.ended()).isTrue();
            }
            assertThat(fault.hits()).isEqualTo(1);
            try (WatchStream open = WatchStream.open(own, path)) {
                own.client().configMaps().resource(labelled("a", "x")).create();
                assertThat(open.nextSummary()).startsWith("ADDED:a@");
                assertThat(own.faults().dropWatches("configmaps")).isEqualTo(1);
                assertThat(open.ended()).isTrue();
            }
        }
    }

    @Test
    @DisplayName("serves the fabric8 client told to use HTTP watches only, for a watch and an informer")
    void fabric8_http_watches(TestInfo info) throws Exception {
        Config config = Config.fromKubeconfig(cluster.kubeconfig().toFile());
        config.setOnlyHttpWatches(true);
        config.setNamespace(ns(info));
        try (KubernetesClient http = new KubernetesClientBuilder().withConfig(config).build()) {
            List<String> events = new CopyOnWriteArrayList<>();
            try (Watch watch = http.configMaps().watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, ConfigMap resource) {
                    events.add(action + ":" + resource.getMetadata().getName());
                }

                @Override
                public void onClose(WatcherException cause) {
                }
            }); var informer = http.configMaps().inform()) {
                assertThat(watch.getClass().getSimpleName()).isEqualTo("WatchHTTPManager");
                http.configMaps().resource(labelled("a", "x")).create();
                SelectorsAndWatchesTest.await(() -> events.contains("ADDED:a"), events);
                http.configMaps().withName("a").delete();
                SelectorsAndWatchesTest.await(() -> events.contains("DELETED:a"), events);
                http.configMaps().resource(labelled("b", "x")).create();
                SelectorsAndWatchesTest.await(() -> informer.getStore().list().size() == 1
                        && informer.getStore().list().get(0).getMetadata().getName().equals("b"), events);
            }
        }
    }
}
