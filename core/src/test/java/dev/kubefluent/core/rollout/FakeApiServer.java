package dev.kubefluent.core.rollout;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * fabric8's CRUD mock API server with a crude server-side apply (create when missing; otherwise top-level fields of
 * the apply body replace the stored ones, labels and annotations merged), a request log and injectable faults. The
 * client it hands out has fabric8's own retries off, so every attempt the engine makes is visible in the log.
 *
 * <p>Watches are closed off the Vert.x event loop. fabric8 8.0.0's {@code WatchEventsListener.onClosed} runs on the
 * event loop and waits (up to a minute) for its send executor, whose pending send waits (up to 30 s) for that same
 * event loop to write the frame. So a client closing a watch while an event for it is in flight froze every
 * connection on that event loop for 30 s: requests timed out, the engine's retries ran out (ROLLBACK_FAILED), and
 * {@code MockWebServer.shutdown} reported "Unable to close MockWebServer". The engine closes its watches when its wait
 * ends, which is exactly when the controller's last status write is being sent to it. Compare
 * fabric8io/kubernetes-client#7857 (pending sends racing a client-initiated close in the same listener). A closing
 * watch also leaves the mock's set of watches before anything else happens to it ({@code Dispatcher.forget}).
 */
final class FakeApiServer implements AutoCloseable {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private record Fault(Predicate<RecordedRequest> matches, AtomicInteger remaining, int code, String body) {
    }

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Dispatcher dispatcher;
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final ExecutorService closer = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-api-server-watch-closer");
        t.setDaemon(true);
        return t;
    });

    FakeApiServer() {
        dispatcher = new Dispatcher();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        client = server.createClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).withNamespace("shop").endConfig());
    }

    KubernetesClient client() {
        return client;
    }

    /** @return "METHOD path" of every request so far, in order */
    List<String> requests() {
        return List.copyOf(requests);
    }

    long count(String method, String pathPart) {
        return requests.stream().filter(r -> r.startsWith(method + " ") && r.contains(pathPart)).count();
    }

    /** Answers the next {@code times} requests with this method whose path contains {@code pathPart} with an error. */
    void fail(String method, String pathPart, int times, int code, String message) {
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" + code
                + ",\"reason\":\"" + (code == 409 ? "Conflict" : "InternalError") + "\",\"message\":\"" + message + "\"}";
        faults.add(new Fault(r -> r.getMethod().equals(method) && r.getPath().contains(pathPart), new AtomicInteger(times),
                code, body));
    }

    /** Answers server-side applies to paths containing {@code pathPart} with a field conflict naming {@code manager}. */
    void conflict(String pathPart, String manager) {
        String message = "Apply failed with 1 conflict: conflict with \\\"" + manager + "\\\" using apps/v1: .spec.replicas";
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":409,\"reason\":\"Conflict\","
                + "\"message\":\"" + message + "\",\"details\":{\"causes\":[{\"reason\":\"FieldManagerConflict\","
                + "\"message\":\"conflict with \\\"" + manager + "\\\" using apps/v1\",\"field\":\".spec.replicas\"}]}}";
        faults.add(new Fault(r -> r.getMethod().equals("PATCH") && r.getPath().contains(pathPart)
                && !r.getPath().contains("force=true") && isApply(r), new AtomicInteger(Integer.MAX_VALUE), 409, body));
    }

    private static boolean isApply(RecordedRequest r) {
        String type = r.getHeader("Content-Type");
        return type != null && type.startsWith("application/apply-patch");
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
        closer.shutdown();
    }

    /** Hands the mock's blocking close callbacks to another thread, so they never block the event loop. */
    private final class ClosesOffTheEventLoop extends WebSocketListener {
        private final WebSocketListener watch;

        ClosesOffTheEventLoop(WebSocketListener watch) {
            this.watch = watch;
        }

        @Override
        public void onBeforeAccept(WebSocket webSocket, Response response) {
            watch.onBeforeAccept(webSocket, response);
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            watch.onOpen(webSocket, response);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            watch.onMessage(webSocket, text);
        }

        @Override
        public void onMessage(WebSocket webSocket, byte[] bytes) {
            watch.onMessage(webSocket, bytes);
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            watch.onMessage(webSocket, bytes);
        }

        @Override
        public void onPing(WebSocket webSocket, byte[] payload) {
            watch.onPing(webSocket, payload);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            watch.onClosing(webSocket, code, reason);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            dispatcher.forget(watch);
            closer.execute(() -> watch.onClosed(webSocket, code, reason));
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            dispatcher.forget(watch);
            closer.execute(() -> watch.onFailure(webSocket, t, response));
        }
    }

    private final class Dispatcher extends KubernetesCrudDispatcher {

        /** The mock's own set of open watches, which {@code processEvent} sends every change to. */
        private final Set<?> watches;

        @SuppressWarnings("unchecked")
        Dispatcher() {
            try {
                Field field = KubernetesCrudDispatcher.class.getDeclaredField("watchEventListeners");
                field.setAccessible(true);
                watches = (Set<?>) field.get(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("fabric8's KubernetesCrudDispatcher has no watchEventListeners set", e);
            }
        }

        /**
         * Stops sending changes to a closing watch at once. The mock's {@code WatchEventsListener.onClosed} shuts its
         * send executor down, waits for it, and only then leaves the set: a write in that window threw
         * {@code RejectedExecutionException} out of {@code processEvent}, so the writer got no response at all and
         * timed out after 10 s, and the watches after it in the set missed the event.
         */
        void forget(WebSocketListener watch) {
            watches.remove(watch);
        }

        @Override
        public MockResponse handleWatch(String path) {
            MockResponse upgrade = super.handleWatch(path);
            return upgrade.withWebSocketUpgrade(new ClosesOffTheEventLoop(upgrade.getWebSocketListener()));
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            requests.add(request.getMethod() + " " + request.getPath());
            for (Fault f : faults) {
                if (f.matches().test(request) && f.remaining().getAndDecrement() > 0) {
                    return new MockResponse().setResponseCode(f.code()).setBody(f.body());
                }
            }
            if ("PATCH".equals(request.getMethod()) && isApply(request)) {
                return apply(request);
            }
            return super.dispatch(request);
        }

        @SuppressWarnings("unchecked")
        private MockResponse apply(RecordedRequest request) {
            String path = request.getPath();
            String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            String body = new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
            Map<String, Object> applied = JSON.unmarshal(body, Map.class);
            applied.remove("status");
            MockResponse existing = handleGet(plain);
            Headers json = Headers.builder().add("Content-Type", "application/json").build();
            if (existing.code() == 404) {
                String collection = plain.substring(0, plain.lastIndexOf('/'));
                return handleCreate(new RecordedRequest("HTTP/1.1", HttpMethod.POST, collection, json,
                        new Buffer(JSON.asJson(applied).getBytes(StandardCharsets.UTF_8))));
            }
            Map<String, Object> stored = JSON.unmarshal(existing.getBody().readUtf8(), Map.class);
            Map<String, Object> merged = new LinkedHashMap<>(stored);
            for (Map.Entry<String, Object> e : applied.entrySet()) {
                if (e.getKey().equals("metadata")) {
                    Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) stored.get("metadata"));
                    Map<String, Object> newMeta = (Map<String, Object>) e.getValue();
                    for (String key : List.of("labels", "annotations")) {
                        Map<String, Object> m = new LinkedHashMap<>(meta.get(key) == null ? Map.of() : (Map<String, Object>) meta.get(key));
                        if (newMeta.get(key) != null) {
                            m.putAll((Map<String, Object>) newMeta.get(key));
                        }
                        meta.put(key, m);
                    }
                    merged.put("metadata", meta);
                } else {
                    merged.put(e.getKey(), e.getValue());
                }
            }
            return handleUpdate(new RecordedRequest("HTTP/1.1", HttpMethod.PUT, plain, json,
                    new Buffer(JSON.asJson(merged).getBytes(StandardCharsets.UTF_8))));
        }
    }
}
