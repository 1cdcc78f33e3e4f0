package dev.kubefluent.core.rollout;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * fabric8's CRUD mock API server with a crude server-side apply (create when missing; otherwise top-level fields of
 * the apply body replace the stored ones, labels and annotations merged), a request log and injectable faults. The
 * client it hands out has fabric8's own retries off, so every attempt the engine makes is visible in the log.
 */
final class FakeApiServer implements AutoCloseable {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private record Fault(Predicate<RecordedRequest> matches, AtomicInteger remaining, int code, String body) {
    }

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    FakeApiServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new Dispatcher(), false);
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
    }

    private final class Dispatcher extends KubernetesCrudDispatcher {

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
