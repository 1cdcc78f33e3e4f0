package dev.kubefluent.testing.sim;

import dev.kubefluent.testing.internal.server.ApiException;
import dev.kubefluent.testing.internal.server.ApiServer;
import dev.kubefluent.testing.internal.server.ControlPlane;
import dev.kubefluent.testing.internal.server.Json;
import dev.kubefluent.testing.internal.server.Store;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of the simulated API server, on fabric8's MockWebServer: records each request, applies faults, and
 * hands the request to the control-plane thread (in arrival order), waiting only for its answer. Watches become
 * WebSockets fed by the store.
 */
final class ClusterDispatcher extends Dispatcher {

    private static final Duration CONTROL_PLANE_TIMEOUT = Duration.ofSeconds(30);

    private final ApiServer api;
    private final ControlPlane controlPlane;
    private final Faults faults;
    private final List<RecordedCall> recorded = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private ExecutorService watchSender;

    ClusterDispatcher(ApiServer api, ControlPlane controlPlane, Faults faults) {
        this.api = api;
        this.controlPlane = controlPlane;
        this.faults = faults;
    }

    List<RecordedCall> recorded() {
        return List.copyOf(recorded);
    }

    void clearRecorded() {
        recorded.clear();
    }

    void close() {
        closed = true;
        ExecutorService sender;
        synchronized (this) {
            sender = watchSender;
        }
        if (sender != null) {
            sender.shutdown();
            try {
                sender.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sender.shutdownNow();
        }
    }

    /**
     * Watch frames are written by one sender thread per cluster, in order: fabric8's WebSocket send waits for the
     * event loop, and the event loop may be waiting for the control plane, so the control plane must never write
     * frames itself.
     */
    private synchronized void sendLater(Runnable write) {
        if (watchSender == null) {
            watchSender = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, Thread.currentThread().getName() + "-watch-sender");
                t.setDaemon(true);
                return t;
            });
        }
        if (!watchSender.isShutdown()) {
            watchSender.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    // the connection is gone; the watch is closed by its listener
                }
            });
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest rr) {
        String uri = rr.getPath() == null ? "/" : rr.getPath();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? "" : uri.substring(q + 1);
        Map<String, List<String>> query = parseQuery(rawQuery);
        String method = rr.getMethod() == null ? "" : rr.getMethod().toUpperCase();
        byte[] bytes = rr.getBody() == null ? null : rr.getBody().getBytes();
        String body = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
        String contentType = rr.getHeader("Content-Type");
        ApiServer.Target target = ApiServer.parseTarget(path);
        boolean watch = "true".equals(first(query, "watch")) || "1".equals(first(query, "watch"));
        Verb verb = verb(method, target != null && target.name() != null, watch);
        String resource = target == null ? "" : target.type().plural();
        String namespace = target == null || target.namespace() == null ? "" : target.namespace();
        String name = target == null || target.name() == null ? "" : target.name();
        recorded.add(new RecordedCall(verb, method, path, rawQuery, contentType == null ? "" : contentType, body,
                resource, namespace, name));
        if (closed) {
            return json(503, ApiException.status503("the simulated cluster is closed"));
        }
        Fault fault = faults.match(verb, target == null ? null : resource, target == null ? null : namespace,
                target == null ? null : name);
        ApiServer.Request request = new ApiServer.Request(method, path, rawQuery, query, contentType, body,
                rr.getHeader("User-Agent"));
        if (fault != null && fault.action() == Fault.Action.STATUS) {
            return json(fault.code(), new ApiException(fault.code(), reason(fault.code()), fault.message())
                    .toStatus());
        }
        if (target != null && isUpgrade(rr) && target.type().kind().equals("Pod")
                && ("exec".equals(target.subresource()) || "attach".equals(target.subresource()))) {
            return new MockResponse().withWebSocketUpgrade(new NotSimulatedStream(target.subresource()));
        }
        if (verb == Verb.WATCH && target != null) {
            if (!isUpgrade(rr)) {
                return json(501, new ApiException(501, "NotImplemented", "not simulated: watch over an HTTP stream"
                        + " (use a WebSocket watch, as the fabric8 client does)").toStatus());
            }
            boolean drop = fault != null && fault.action() == Fault.Action.DROP_WATCH;
            return new MockResponse().withWebSocketUpgrade(new WatchListener(target, request, drop));
        }
        ApiServer.Response response;
        try {
            response = method.equals("GET") ? controlPlane.read(() -> api.handle(request))
                    : controlPlane.call(() -> api.handle(request), CONTROL_PLANE_TIMEOUT);
        } catch (IllegalStateException e) {
            return json(503, ApiException.status503(e.getMessage()));
        }
        MockResponse mock = new MockResponse().setResponseCode(response.code())
                .setHeader("Content-Type", response.contentType()).setBody(response.body());
        if (fault != null && fault.action() == Fault.Action.DELAY) {
            mock.setBodyDelay(fault.delay());
        }
        return mock;
    }

    private static boolean isUpgrade(RecordedRequest rr) {
        String upgrade = rr.getHeader("Upgrade");
        return upgrade != null && upgrade.toLowerCase().contains("websocket");
    }

    static Verb verb(String method, boolean named, boolean watch) {
        return switch (method) {
            case "POST" -> Verb.CREATE;
            case "PUT" -> Verb.UPDATE;
            case "PATCH" -> Verb.PATCH;
            case "DELETE" -> named ? Verb.DELETE : Verb.DELETE_COLLECTION;
            default -> watch ? Verb.WATCH : named ? Verb.GET : Verb.LIST;
        };
    }

    private static String reason(int code) {
        return switch (code) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 410 -> "Expired";
            case 422 -> "Invalid";
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            case 504 -> "Timeout";
            default -> code >= 500 ? "InternalError" : "BadRequest";
        };
    }

    private static MockResponse json(int code, Map<String, Object> status) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(Json.write(status));
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    /**
     * Answers an exec or attach stream at once: the message on stderr (channel 2), a failure {@code Status} on the
     * error channel (3), then close, as a container runtime's failure would arrive.
     */
    private final class NotSimulatedStream extends WebSocketListener {
        private final String operation;

        NotSimulatedStream(String operation) {
            this.operation = operation;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            String message = "not simulated: " + operation + " (the simulated cluster has no container runtime)";
            byte[] text = (message + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] status = Json.write(new ApiException(501, "NotImplemented", message).toStatus())
                    .getBytes(StandardCharsets.UTF_8);
            sendLater(() -> {
                webSocket.send(channel(2, text));
                webSocket.send(channel(3, status));
                webSocket.close(1000, message);
            });
        }

        private static byte[] channel(int channel, byte[] payload) {
            byte[] frame = new byte[payload.length + 1];
            frame[0] = (byte) channel;
            System.arraycopy(payload, 0, frame, 1, payload.length);
            return frame;
        }
    }

    /** Feeds one WebSocket watch from the store; opened and fed on the control-plane thread. */
    private final class WatchListener extends WebSocketListener implements Store.WatchSink {
        private final ApiServer.Target target;
        private final ApiServer.Request request;
        private final boolean drop;
        private volatile WebSocket socket;
        private volatile boolean open = true;

        WatchListener(ApiServer.Target target, ApiServer.Request request, boolean drop) {
            this.target = target;
            this.request = request;
            this.drop = drop;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            this.socket = webSocket;
            if (drop) {
                open = false;
                sendLater(() -> webSocket.close(1000, "watch dropped by fault injection"));
                return;
            }
            controlPlane.execute(() -> api.openWatch(target, request, this));
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            open = false;
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            open = false;
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            open = false;
        }

        @Override
        public boolean send(String text) {
            WebSocket s = socket;
            if (!open || s == null) {
                return false;
            }
            sendLater(() -> {
                if (open && !s.send(text)) {
                    open = false;
                }
            });
            return true;
        }

        @Override
        public void close(int code, String reason) {
            WebSocket s = socket;
            if (s != null) {
                sendLater(() -> {
                    open = false;
                    s.close(code, reason);
                });
            } else {
                open = false;
            }
        }
    }
}
