package dev.kubefluent.testing.sim;

import static dev.kubefluent.testing.sim.Fixtures.configMap;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Bookmarks every minute of simulated time and just before the watch's timeout, as the API server's watch cache
 * sends them; driven by the manual clock, so the test decides when time passes.
 */
@DisplayName("SimulatedCluster periodic watch bookmarks")
class PeriodicBookmarksTest {

    private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";

    private SimulatedCluster cluster;

    @BeforeEach
    void start() {
        cluster = SimulatedCluster.builder().manualClock().withoutControllers().start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private String create(String name) {
        ConfigMap created = cluster.client().configMaps().resource(configMap(name, Map.of("k", "v"))).create();
        return created.getMetadata().getResourceVersion();
    }

    @Test
    @DisplayName("a watch that allows bookmarks gets one every simulated minute, carrying the current resourceVersion")
    void every_minute() throws Exception {
        String first = create("a");
        try (WatchStream watch = WatchStream.open(cluster, CONFIGMAPS + "?watch=true&allowWatchBookmarks=true"
                + "&resourceVersion=" + first)) {
            cluster.clock().advance(Duration.ofSeconds(59));
            String second = create("b");
            // an event written before a bookmark would have arrived first: none came in the first 59 s
            assertThat(watch.nextSummary()).isEqualTo("ADDED:b@" + second);
            cluster.clock().advance(Duration.ofSeconds(1));
            assertThat(watch.nextSummary()).isEqualTo("BOOKMARK:@" + second);
            String third = create("c");
            assertThat(watch.nextSummary()).isEqualTo("ADDED:c@" + third);
            cluster.clock().advance(Duration.ofSeconds(60));
            assertThat(watch.nextSummary()).isEqualTo("BOOKMARK:@" + third);
            cluster.clock().advance(Duration.ofMinutes(2));
            assertThat(watch.nextSummary()).isEqualTo("BOOKMARK:@" + third);
            assertThat(watch.nextSummary()).isEqualTo("BOOKMARK:@" + third);
        }
    }

    @Test
    @DisplayName("a watch that does not allow bookmarks never gets one")
    void not_without_allow() throws Exception {
        String first = create("a");
        try (WatchStream watch = WatchStream.open(cluster, CONFIGMAPS + "?watch=true&resourceVersion=" + first)) {
            cluster.clock().advance(Duration.ofMinutes(5));
            String second = create("b");
            assertThat(watch.nextSummary()).isEqualTo("ADDED:b@" + second);
        }
    }

    @Test
    @DisplayName("with timeoutSeconds, a bookmark comes 2 s before the deadline and the server ends the watch at it")
    void before_the_timeout() throws Exception {
        String first = create("a");
        try (WatchStream watch = WatchStream.open(cluster, CONFIGMAPS + "?watch=true&allowWatchBookmarks=true"
                + "&timeoutSeconds=90&resourceVersion=" + first)) {
            cluster.clock().advance(Duration.ofSeconds(60));
            assertThat(watch.nextSummary()).isEqualTo("BOOKMARK:@" + first);
            cluster.clock().advance(Duration.ofSeconds(27));
            String second = create("b");
            assertThat(watch.nextSummary()).isEqualTo("ADDED:b@" + second);
            cluster.clock().advance(Duration.ofSeconds(1));
            assertThat(watch.nextSummary()).isEqualTo("BOOKMARK:@" + second);
            cluster.clock().advance(Duration.ofSeconds(2));
            assertThat(watch.ended()).isTrue();
        }
    }

    @Test
    @DisplayName("the fabric8 client's watch receives the periodic bookmarks over its WebSocket")
    void fabric8_websocket_watch() throws Exception {
        create("a");
        String rv = cluster.client().configMaps().list().getMetadata().getResourceVersion();
        List<String> events = new CopyOnWriteArrayList<>();
        String second;
        try (Watch watch = cluster.client().configMaps().watch(new ListOptionsBuilder().withResourceVersion(rv)
                .withAllowWatchBookmarks(true).build(), new Watcher<ConfigMap>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap resource) {
                        events.add(action + "@" + resource.getMetadata().getResourceVersion());
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                })) {
            // the WebSocket is open once the upgrade is answered; an event proves the watch is registered
            second = create("b");
            String added = "ADDED@" + second;
            SelectorsAndWatchesTest.await(() -> events.contains(added), events);
            cluster.clock().advance(Duration.ofMinutes(1));
            String bookmark = "BOOKMARK@" + second;
            SelectorsAndWatchesTest.await(() -> events.contains(bookmark), events);
            cluster.clock().advance(Duration.ofMinutes(1));
            SelectorsAndWatchesTest.await(() -> events.size() == 3, events);
        }
        assertThat(events).containsExactly("ADDED@" + second, "BOOKMARK@" + second, "BOOKMARK@" + second);
    }
}
