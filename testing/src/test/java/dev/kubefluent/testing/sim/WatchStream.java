package dev.kubefluent.testing.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A watch over plain HTTP streaming, as kubectl and client-go open it: a {@code java.net.http.HttpClient} GET with
 * {@code watch=true} whose response body is read line by line, each line one JSON {@code WatchEvent}.
 */
final class WatchStream implements AutoCloseable {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String END = "\u0000end";
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread reader;

    private WatchStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(() -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (RuntimeException e) {
                // the stream was closed
            } finally {
                lines.add(END);
            }
        }, "watch-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream over HTTP/1.1: returns once the status line and headers arrived. */
    static WatchStream open(SimulatedCluster cluster, String pathAndQuery) throws Exception {
        return open(cluster, pathAndQuery, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(DEADLINE).build());
    }

    /** Opens the stream with this client: returns once the status line and headers arrived. */
    static WatchStream open(SimulatedCluster cluster, String pathAndQuery, HttpClient http) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.url() + pathAndQuery)).GET()
                .header("Accept", "application/json").build();
        return new WatchStream(http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
    }

    HttpResponse<Stream<String>> response() {
        return response;
    }

    /** The next event, waiting up to 10 s for it. */
    WatchEvent next() throws InterruptedException {
        String line = lines.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("no watch event within " + DEADLINE + "; seen so far: " + seen);
        }
        if (line.equals(END)) {
            lines.add(END);
            throw new AssertionError("the watch stream ended; seen so far: " + seen);
        }
        seen.add(line);
        return SERIALIZATION.unmarshal(line, WatchEvent.class);
    }

    /** The next event as {@code TYPE:name@resourceVersion} ({@code TYPE:@rv} for a bookmark). */
    String nextSummary() throws InterruptedException {
        return summary(next());
    }

    static String summary(WatchEvent event) {
        if (event.getObject() instanceof Status status) {
            return event.getType() + ":" + status.getCode() + " " + status.getReason();
        }
        HasMetadata object = (HasMetadata) event.getObject();
        String name = object.getMetadata().getName() == null ? "" : object.getMetadata().getName();
        return event.getType() + ":" + name + "@" + object.getMetadata().getResourceVersion();
    }

    /** Whether nothing but the end of the stream is left (waiting up to 10 s for the end); false when an event came. */
    boolean ended() throws InterruptedException {
        String line = lines.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            return false;
        }
        if (!line.equals(END)) {
            seen.add(line);
            return false;
        }
        lines.add(END);
        return true;
    }

    @Override
    public void close() {
        reader.interrupt();
        response.body().close();
    }
}
