package dev.kubefluent.testing.sim;

import dev.kubefluent.testing.internal.server.ApiException;
import dev.kubefluent.testing.internal.server.ApiServer;
import dev.kubefluent.testing.internal.server.ControlPlane;
import dev.kubefluent.testing.internal.server.Json;
import dev.kubefluent.testing.internal.server.Store;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP side of the simulated API server, on a Vert.x HTTP server: records each request, applies faults, answers
 * reads on the event loop (under the control plane's task lock) and runs writes as control-plane tasks in arrival
 * order: on the event loop when the control plane is idle, otherwise queued for the control-plane thread, which
 * answers them when done, so the event loop never waits for queued work. A watch is served either as a
 * WebSocket (as the fabric8 client asks by default) or, as kubectl and client-go ask, as a chunked HTTP stream of
 * newline-delimited JSON {@code WatchEvent}s; both are fed by the store in the same way.
 */
final class ClusterDispatcher implements Handler<HttpServerRequest> {

    private final ApiServer api;
    private final ControlPlane controlPlane;
    private final Faults faults;
    private final List<RecordedCall> recorded = new ArrayList<>();
    private volatile Vertx vertx;
    private volatile boolean closed;

    ClusterDispatcher(ApiServer api, ControlPlane controlPlane, Faults faults) {
        this.api = api;
        this.controlPlane = controlPlane;
        this.faults = faults;
    }

    /** The Vert.x instance that runs the server, for timers (delay faults). */
    void vertx(Vertx value) {
        this.vertx = value;
    }

    List<RecordedCall> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    void clearRecorded() {
        synchronized (recorded) {
            recorded.clear();
        }
    }

    void close() {
        closed = true;
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (isUpgrade(request)) {
            // a WebSocket upgrade must be answered before the request is read; upgrade requests carry no body
            dispatch(request, null);
            return;
        }
        request.body().onSuccess(body -> dispatch(request, body))
                .onFailure(failure -> request.response().setStatusCode(400).end());
    }

    private void dispatch(HttpServerRequest rr, Buffer bytes) {
        String uri = rr.uri() == null ? "/" : rr.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? "" : uri.substring(q + 1);
        Map<String, List<String>> query = parseQuery(rawQuery);
        String method = rr.method().name().toUpperCase();
        String body = bytes == null ? "" : bytes.toString(StandardCharsets.UTF_8);
        String contentType = rr.getHeader("Content-Type");
        ApiServer.Target target = ApiServer.parseTarget(path);
        boolean watch = "true".equals(first(query, "watch")) || "1".equals(first(query, "watch"));
        Verb verb = verb(method, target != null && target.name() != null, watch);
        String resource = target == null ? "" : target.type().plural();
        String namespace = target == null || target.namespace() == null ? "" : target.namespace();
        String name = target == null || target.name() == null ? "" : target.name();
        RecordedCall call = new RecordedCall(verb, method, path, rawQuery, contentType == null ? "" : contentType,
                body, resource, namespace, name);
        synchronized (recorded) {
            recorded.add(call);
        }
        if (closed) {
            send(rr, json(503, ApiException.status503("the simulated cluster is closed")), null);
            return;
        }
        Fault fault = faults.match(verb, target == null ? null : resource, target == null ? null : namespace,
                target == null ? null : name);
        if (fault != null && fault.action() == Fault.Action.STATUS) {
            send(rr, json(fault.code(), new ApiException(fault.code(), reason(fault.code()), fault.message())
                    .toStatus()), null);
            return;
        }
        ApiServer.Request request = new ApiServer.Request(method, path, rawQuery, query, contentType, body,
                rr.getHeader("User-Agent"));
        if (target != null && isUpgrade(rr) && target.type().kind().equals("Pod")
                && ("exec".equals(target.subresource()) || "attach".equals(target.subresource()))) {
            rr.toWebSocket().onSuccess(ws -> notSimulated(ws, target.subresource()));
            return;
        }
        if (verb == Verb.WATCH && target != null) {
            watch(rr, target, request, fault != null && fault.action() == Fault.Action.DROP_WATCH);
            return;
        }
        Fault delay = fault != null && fault.action() == Fault.Action.DELAY ? fault : null;
        if (method.equals("GET")) {
            send(rr, controlPlane.read(() -> api.handle(request)), delay);
        } else if (!controlPlane.runNow(() -> send(rr, api.handle(request), delay))) {
            send(rr, json(503, ApiException.status503("the simulated cluster is closed")), null);
        }
    }

    /**
     * Opens a watch: over a WebSocket when the client asks for the upgrade, otherwise as a chunked HTTP response
     * whose lines are watch events. Selector errors are answered with a plain error response before the watch
     * starts, as a real API server does; a drop fault ends the connection right after it opened.
     */
    private void watch(HttpServerRequest rr, ApiServer.Target target, ApiServer.Request request, boolean drop) {
        try {
            api.checkWatch(target, request);
        } catch (ApiException e) {
            send(rr, json(e.code(), e.toStatus()), null);
            return;
        }
        if (isUpgrade(rr)) {
            rr.toWebSocket().onSuccess(ws -> {
                WebSocketSink sink = new WebSocketSink(ws);
                if (drop) {
                    sink.close(1000, "watch dropped by fault injection");
                } else if (!controlPlane.execute(() -> api.openWatch(target, request, sink))) {
                    sink.close(1001, "the simulated cluster is closed");
                }
            });
            return;
        }
        StreamSink sink = new StreamSink(rr.response());
        if (drop) {
            sink.close(1000, "watch dropped by fault injection");
        } else if (!controlPlane.execute(() -> api.openWatch(target, request, sink))) {
            sink.close(1001, "the simulated cluster is closed");
        }
    }

    /** Answers from any thread; Vert.x hands the write to the connection's event loop. */
    private void send(HttpServerRequest rr, ApiServer.Response response, Fault delay) {
        HttpServerResponse out = rr.response();
        Vertx v = vertx;
        if (delay != null && v != null) {
            v.setTimer(Math.max(1, delay.delay().toMillis()), id -> send(rr, response, null));
            return;
        }
        try {
            out.setStatusCode(response.code()).putHeader("Content-Type", response.contentType());
            out.end(response.body());
        } catch (IllegalStateException e) {
            // the client went away before the answer
        }
    }

    private static boolean isUpgrade(HttpServerRequest rr) {
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

    private static ApiServer.Response json(int code, Map<String, Object> status) {
        return new ApiServer.Response(code, "application/json", Json.write(status));
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
    private static void notSimulated(ServerWebSocket ws, String operation) {
        String message = "not simulated: " + operation + " (the simulated cluster has no container runtime)";
        byte[] text = (message + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] status = Json.write(new ApiException(501, "NotImplemented", message).toStatus())
                .getBytes(StandardCharsets.UTF_8);
        ws.writeBinaryMessage(channel(2, text));
        ws.writeBinaryMessage(channel(3, status));
        ws.close((short) 1000, message);
    }

    private static Buffer channel(int channel, byte[] payload) {
        return Buffer.buffer(payload.length + 1).appendByte((byte) channel).appendBytes(payload);
    }

    /** Feeds one WebSocket watch: one text message per event. */
    private static final class WebSocketSink implements Store.WatchSink {
        private final ServerWebSocket socket;
        private volatile boolean open = true;

        WebSocketSink(ServerWebSocket socket) {
            this.socket = socket;
            socket.closeHandler(v -> open = false);
            socket.exceptionHandler(t -> open = false);
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public boolean send(String text) {
            if (!open) {
                return false;
            }
            socket.writeTextMessage(text);
            return true;
        }

        @Override
        public void close(int code, String reason) {
            if (open) {
                open = false;
                socket.close((short) code, reason);
            }
        }
    }

    /**
     * Feeds one HTTP-streaming watch: status 200 and the headers once the watch is registered (or with its first
     * event), then one JSON event and a newline per event in a chunked body, which ends when the watch closes.
     */
    private static final class StreamSink implements Store.WatchSink {
        private final HttpServerResponse response;
        private volatile boolean open = true;

        StreamSink(HttpServerResponse response) {
            this.response = response;
            response.closeHandler(v -> open = false);
            response.exceptionHandler(t -> open = false);
            response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "application/json");
        }

        @Override
        public void started() {
            try {
                if (open && !response.headWritten()) {
                    response.writeHead();
                }
            } catch (IllegalStateException e) {
                open = false;
            }
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public boolean send(String text) {
            if (!open) {
                return false;
            }
            try {
                response.write(text + "\n");
                return true;
            } catch (IllegalStateException e) {
                open = false;
                return false;
            }
        }

        @Override
        public void close(int code, String reason) {
            if (open) {
                open = false;
                try {
                    response.end();
                } catch (IllegalStateException e) {
                    // already ended by the client going away
                }
            }
        }
    }
}
