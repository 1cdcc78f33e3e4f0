package dev.kubefluent.testing.internal.server;

import dev.kubefluent.core.validate.ValidationReport;
import dev.kubefluent.core.validate.Validator;
import dev.kubefluent.core.validate.Violation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The simulated API server's request handling: routing, the per-kind strategies (defaulting, validation,
 * status/spec separation, generation), patches, server-side apply, deletion with finalizers and garbage collection.
 * Every method runs on the control-plane thread.
 */
public final class ApiServer {

    /** An HTTP request as the server sees it. */
    public record Request(String method, String path, String rawQuery, Map<String, List<String>> query,
            String contentType, String body, String userAgent) {

        public String param(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** An HTTP response. */
    public record Response(int code, String contentType, String body) {
        static Response json(int code, Object tree) {
            return new Response(code, "application/json", Json.write(tree));
        }
    }

    /** Where a request points: a resource type and maybe a namespace, a name and a subresource. */
    public record Target(ResourceType type, String namespace, String name, String subresource) {
    }

    /** Supplies the log lines of a pod's container; the pod behaviours fill it. */
    public interface PodLogSource {
        /** The container's log lines, or null when nothing is defined (an empty log). */
        List<String> lines(Map<String, Object> pod, String container);
    }

    /** How often a watch that allows bookmarks gets one, as the API server's watch cache sends them. */
    public static final Duration BOOKMARK_FREQUENCY = Duration.ofMinutes(1);

    private static final String GC_MANAGER = "garbage-collector";
    private static final char[] NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789".toCharArray();
    private static final Set<String> PROTECTED_NAMESPACES = Set.of("default", "kube-system", "kube-public");
    private static final ResourceType NAMESPACES = ResourceType.find("v1", "namespaces").orElseThrow();

    private final Store store;
    private final ControlPlane controlPlane;
    private final Random random;
    private final boolean createNamespacesOnDemand;
    private final Validator validator;
    private final KubernetesSerialization serialization;
    private final String gitVersion;
    private final Set<String> allocatedIps = new HashSet<>();
    private final Set<Integer> allocatedNodePorts = new HashSet<>();
    private volatile PodLogSource podLogs = (pod, container) -> null;
    private boolean gcScheduled;

    public ApiServer(Store store, ControlPlane controlPlane, Random random, boolean createNamespacesOnDemand,
            Validator validator, KubernetesSerialization serialization) {
        this.store = store;
        this.controlPlane = controlPlane;
        this.random = random;
        this.createNamespacesOnDemand = createNamespacesOnDemand;
        this.validator = validator;
        this.serialization = serialization;
        this.gitVersion = "v" + validator.targetVersion().major() + "." + validator.targetVersion().minor() + ".0";
    }

    public Store store() {
        return store;
    }

    public KubernetesSerialization serialization() {
        return serialization;
    }

    /** Sets the source of {@code pods/log} lines. */
    public void podLogs(PodLogSource source) {
        this.podLogs = Objects.requireNonNull(source, "source must not be null");
    }

    // ------------------------------------------------------------------------------------------------ routing

    /** Answers one request; never throws. */
    public Response handle(Request r) {
        try {
            return route(r);
        } catch (ApiException e) {
            return Response.json(e.code(), e.toStatus());
        } catch (RuntimeException e) {
            return Response.json(500, ApiException.status(500, "InternalError",
                    "the simulated API server failed: " + e, null, null, null, List.of()));
        }
    }

    private Response route(Request r) {
        String path = r.path();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Response discovery = Discovery.answer(path, gitVersion);
        if (discovery != null) {
            return discovery;
        }
        Target t = parseTarget(path);
        if (t == null) {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource (" + r.method()
                    + " " + path + ")");
        }
        return switch (r.method()) {
            case "GET" -> t.name() == null ? list(t, r) : get(t, r);
            case "POST" -> {
                if (t.name() != null) {
                    if (t.subresource() != null) {
                        throw notSimulated(t.subresource());
                    }
                    throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the"
                            + " requested resource (POST " + path + ")");
                }
                yield create(t, r);
            }
            case "PUT" -> update(t, r);
            case "PATCH" -> patch(t, r);
            case "DELETE" -> t.name() == null ? deleteCollection(t, r) : delete(t, r);
            default -> throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the"
                    + " requested resource (" + r.method() + " " + path + ")");
        };
    }

    /** Parses a resource path; null for a path that names no known resource. */
    public static Target parseTarget(String path) {
        String[] p = path.split("/");
        int i;
        String apiVersion;
        if (p.length >= 3 && p[1].equals("api") && p[2].equals("v1")) {
            apiVersion = "v1";
            i = 3;
        } else if (p.length >= 4 && p[1].equals("apis")) {
            apiVersion = p[2] + "/" + p[3];
            i = 4;
        } else {
            return null;
        }
        List<String> rest = new ArrayList<>(List.of(p).subList(i, p.length));
        if (rest.isEmpty()) {
            return null;
        }
        String namespace = null;
        if (rest.get(0).equals("namespaces") && rest.size() >= 3 && apiVersion.equals("v1")
                && !(rest.size() == 3 && (rest.get(2).equals("status") || rest.get(2).equals("finalize")))) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        } else if (rest.get(0).equals("namespaces") && rest.size() >= 3 && !apiVersion.equals("v1")) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        ResourceType type = ResourceType.find(apiVersion, rest.get(0)).orElse(null);
        if (type == null || rest.size() > 3 || (type.namespaced() != (namespace != null) && rest.size() > 1
                && type.namespaced())) {
            return null;
        }
        if (!type.namespaced() && namespace != null) {
            return null;
        }
        return new Target(type, namespace, rest.size() > 1 ? rest.get(1) : null, rest.size() > 2 ? rest.get(2) : null);
    }

    private static ApiException notSimulated(String operation) {
        return new ApiException(501, "NotImplemented", "not simulated: " + operation
                + " (the simulated cluster has no container runtime)");
    }

    // ------------------------------------------------------------------------------------------------ reads

    private Response get(Target t, Request r) {
        Map<String, Object> o = require(t);
        if (t.subresource() == null || t.subresource().equals("status")) {
            return Response.json(200, o);
        }
        if (t.subresource().equals("scale") && t.type().scaleSubresource()) {
            return Response.json(200, scale(t.type(), o));
        }
        if (t.subresource().equals("log") && t.type().kind().equals("Pod")) {
            return new Response(200, "text/plain", podLog(o, r.param("container")));
        }
        throw notSimulated(t.subresource());
    }

    private Map<String, Object> require(Target t) {
        Map<String, Object> o = store.get(t.type(), t.namespace(), t.name());
        if (o == null) {
            throw ApiException.notFound(t.type(), t.name());
        }
        return o;
    }

    private String podLog(Map<String, Object> pod, String container) {
        List<String> names = new ArrayList<>();
        List<Object> containers = Json.list(Json.map(pod, "spec"), "containers");
        if (containers != null) {
            containers.forEach(c -> names.add(Json.string(Json.asMap(c), "name")));
        }
        if (container == null) {
            if (names.size() != 1) {
                throw ApiException.badRequest("a container name must be specified for pod " + Json.name(pod)
                        + ", choose one of: " + names);
            }
            container = names.get(0);
        } else if (!names.contains(container)) {
            throw ApiException.badRequest("container " + container + " is not valid for pod " + Json.name(pod));
        }
        List<String> lines = podLogs.lines(pod, container);
        if (lines == null || lines.isEmpty()) {
            return "";
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * A list, or one page of it. A continue token carries the resourceVersion of the first page and the last key
     * served, and later pages are served as of that resourceVersion (rolled back through the retained history), so
     * writes between pages neither add, move nor drop items. A token older than the history gets 410 Gone
     * ({@code Expired}) with a token that continues at the current state, as the API server answers after etcd
     * compaction; that inconsistent token carries resourceVersion -1.
     */
    private Response list(Target t, Request r) {
        Predicate<Map<String, Object>> selector = selector(t, r);
        String cont = r.param("continue");
        long listRv = store.resourceVersion();
        List<Map<String, Object>> candidates;
        if (cont != null && !cont.isEmpty()) {
            String decoded;
            long tokenRv;
            try {
                decoded = new String(Base64.getDecoder().decode(cont), StandardCharsets.UTF_8);
                tokenRv = Long.parseLong(decoded.substring(0, Math.max(0, decoded.indexOf('|'))));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("continue key is not valid: " + cont);
            }
            String afterKey = decoded.substring(decoded.indexOf('|') + 1);
            if (tokenRv == -1) {
                candidates = store.listAfter(t.type(), t.namespace(), afterKey);
            } else {
                candidates = store.listAt(t.type(), t.namespace(), tokenRv, afterKey);
                if (candidates == null) {
                    throw ApiException.expiredContinue(continueToken(-1, afterKey));
                }
                listRv = tokenRv;
            }
        } else {
            candidates = store.list(t.type(), t.namespace());
        }
        int limit = parseInt(r.param("limit"), 0, "limit");
        List<Object> items = new ArrayList<>();
        int remaining = 0;
        String next = null;
        for (Map<String, Object> o : candidates) {
            if (!selector.test(o)) {
                continue;
            }
            if (limit > 0 && items.size() == limit) {
                remaining++;
                continue;
            }
            items.add(o);
        }
        if (remaining > 0) {
            Map<String, Object> last = Json.asMap(items.get(items.size() - 1));
            next = continueToken(listRv, Store.continueKey(last));
        }
        Map<String, Object> listTree = new LinkedHashMap<>();
        listTree.put("kind", t.type().kind() + "List");
        listTree.put("apiVersion", t.type().apiVersion());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("resourceVersion", Long.toString(listRv));
        if (next != null) {
            meta.put("continue", next);
            meta.put("remainingItemCount", remaining);
        }
        listTree.put("metadata", meta);
        listTree.put("items", items);
        return Response.json(200, listTree);
    }

    private static String continueToken(long resourceVersion, String afterKey) {
        return Base64.getEncoder().encodeToString((resourceVersion + "|" + afterKey).getBytes(StandardCharsets.UTF_8));
    }

    private static int parseInt(String text, int fallback, String name) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer but was: " + text);
        }
    }

    /** The combined label, field and name selector of a list, watch or collection delete. */
    public Predicate<Map<String, Object>> selector(Target t, Request r) {
        Predicate<Map<String, Object>> labels = Selectors.labels(r.param("labelSelector"));
        Predicate<Map<String, Object>> fields = Selectors.fields(t.type(), r.param("fieldSelector"));
        return labels.and(fields);
    }

    /**
     * Checks a watch request's selectors and timeout before the watch starts, so that a bad one is answered with a
     * plain error response, as the API server does; safe on any thread.
     *
     * @throws ApiException 400 for an unsupported selector or a malformed {@code timeoutSeconds}
     */
    public void checkWatch(Target t, Request r) {
        selector(t, r);
        parseInt(r.param("timeoutSeconds"), 0, "timeoutSeconds");
    }

    /**
     * Opens a watch for a request; runs on the control-plane thread.
     *
     * <p>As the API server's watch cache does ({@code cacheWatcher.nextBookmarkTime}), a watch that allows bookmarks
     * gets a BOOKMARK with the current resourceVersion every {@link #BOOKMARK_FREQUENCY} of simulated time, and 2 s
     * before its {@code timeoutSeconds} deadline; at the deadline the server ends the watch.
     */
    public void openWatch(Target t, Request r, Store.WatchSink sink) {
        Predicate<Map<String, Object>> selector;
        long timeoutSeconds;
        try {
            selector = selector(t, r);
            timeoutSeconds = parseInt(r.param("timeoutSeconds"), 0, "timeoutSeconds");
        } catch (ApiException e) {
            Store.Watch w = new Store.Watch(t.type(), t.namespace(), o -> false, sink, false);
            w.send("ERROR", e.toStatus());
            w.close(1000, e.getMessage());
            return;
        }
        Store.Watch watch = new Store.Watch(t.type(), t.namespace(), selector, sink,
                "true".equals(r.param("allowWatchBookmarks")));
        store.watch(watch, r.param("resourceVersion"), "true".equals(r.param("sendInitialEvents")));
        if (watch.isClosed()) {
            return;
        }
        sink.started();
        Instant deadline = null;
        if (timeoutSeconds > 0) {
            deadline = controlPlane.now().plusSeconds(timeoutSeconds);
            controlPlane.schedule(Duration.ofSeconds(timeoutSeconds), () -> watch.close(1000, "watch timed out"));
        }
        if (watch.bookmarks) {
            scheduleBookmark(watch, deadline);
        }
    }

    private void scheduleBookmark(Store.Watch watch, Instant deadline) {
        Instant now = controlPlane.now();
        Instant next = now.plus(BOOKMARK_FREQUENCY);
        if (deadline != null && deadline.minusSeconds(2).isBefore(next)) {
            next = deadline.minusSeconds(2);
        }
        if (!next.isAfter(now)) {
            return; // the pre-timeout bookmark was the last one
        }
        controlPlane.schedule(Duration.between(now, next), () -> {
            if (!watch.isClosed()) {
                store.bookmark(watch);
                scheduleBookmark(watch, deadline);
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ create

    private Response create(Target t, Request r) {
        checkContentType(r, false);
        Map<String, Object> body = Json.parseObject(r.body());
        checkKind(t.type(), body);
        Map<String, Object> meta = Json.metadata(body);
        String bodyNs = Json.string(meta, "namespace");
        if (t.type().namespaced()) {
            if (bodyNs != null && !bodyNs.isEmpty() && !bodyNs.equals(t.namespace())) {
                throw ApiException.badRequest("the namespace of the provided object does not match the namespace"
                        + " sent on the request");
            }
            meta.put("namespace", t.namespace());
        }
        Map<String, Object> created = createObject(t.type(), body, manager(r), isDryRun(r));
        return Response.json(201, created);
    }

    /** The POST path: names, uid, timestamps, status reset, defaulting, validation, managed fields, storing. */
    public Map<String, Object> createObject(ResourceType type, Map<String, Object> body, String manager,
            boolean dryRun) {
        Map<String, Object> o = Json.copy(body);
        Patches.dropNulls(o);
        checkKind(type, o);
        Map<String, Object> meta = Json.metadata(o);
        if (meta.get("resourceVersion") != null && !"".equals(meta.get("resourceVersion"))) {
            throw ApiException.badRequest("resourceVersion should not be set on objects to be created");
        }
        String namespace = type.namespaced() ? Json.string(meta, "namespace") : null;
        if (type.namespaced()) {
            if (namespace == null || namespace.isEmpty()) {
                meta.put("namespace", "default");
                namespace = "default";
            }
            requireNamespace(namespace, dryRun);
        } else {
            meta.remove("namespace");
        }
        String name = Json.string(meta, "name");
        String generateName = Json.string(meta, "generateName");
        if ((name == null || name.isEmpty()) && generateName != null && !generateName.isEmpty()) {
            do {
                name = generateName + randomSuffix();
            } while (store.get(type, namespace, name) != null);
            meta.put("name", name);
        }
        if (name == null || name.isEmpty()) {
            throw ApiException.invalid(type, "", List.of(new ApiException.Cause("FieldValueRequired",
                    "Required value: name or generateName is required", "metadata.name")));
        }
        if (store.get(type, namespace, name) != null) {
            throw ApiException.alreadyExists(type, name);
        }
        Set<List<ManagedFields.Seg>> owned = ManagedFields.paths(type.kind(), o, false);
        meta.put("uid", uuid());
        meta.put("creationTimestamp", timestamp());
        meta.remove("deletionTimestamp");
        meta.remove("deletionGracePeriodSeconds");
        meta.remove("managedFields");
        if (type.tracksGeneration()) {
            meta.put("generation", 1);
        } else {
            meta.remove("generation");
        }
        resetStatusOnCreate(type, o);
        Defaults.apply(type, o, allocator());
        validate(type, o, null);
        ManagedFields.write(o, List.of(new ManagedFields.Entry(manager, "Update", type.apiVersion(), timestamp(),
                owned, null)));
        if (dryRun) {
            return o;
        }
        return store.put(type, o);
    }

    private void resetStatusOnCreate(ResourceType type, Map<String, Object> o) {
        if (!type.statusSubresource()) {
            return;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        switch (type.kind()) {
            case "Pod" -> {
                status.put("phase", "Pending");
                status.put("qosClass", qosClass(o));
            }
            case "Namespace" -> status.put("phase", "Active");
            case "Service" -> status.put("loadBalancer", new LinkedHashMap<>());
            case "Node", "PersistentVolume", "PersistentVolumeClaim" -> {
                Object given = o.get("status");
                if (given instanceof Map) {
                    status = Json.asMap(given);
                }
            }
            default -> {
            }
        }
        o.put("status", status);
    }

    private static String qosClass(Map<String, Object> pod) {
        List<Object> containers = Json.list(Json.map(pod, "spec"), "containers");
        boolean any = false;
        boolean guaranteed = containers != null && !containers.isEmpty();
        if (containers != null) {
            for (Object c : containers) {
                Map<String, Object> res = Json.map(Json.asMap(c), "resources");
                Map<String, Object> limits = Json.map(res, "limits");
                Map<String, Object> requests = Json.map(res, "requests");
                any |= (limits != null && !limits.isEmpty()) || (requests != null && !requests.isEmpty());
                boolean full = limits != null && limits.containsKey("cpu") && limits.containsKey("memory")
                        && (requests == null || (Objects.equals(requests.getOrDefault("cpu", limits.get("cpu")),
                                limits.get("cpu")) && Objects.equals(requests.getOrDefault("memory",
                                        limits.get("memory")), limits.get("memory"))));
                guaranteed &= full;
            }
        }
        return guaranteed ? "Guaranteed" : any ? "Burstable" : "BestEffort";
    }

    private void requireNamespace(String namespace, boolean dryRun) {
        Map<String, Object> ns = store.get(NAMESPACES, null, namespace);
        if (ns == null) {
            if (!createNamespacesOnDemand) {
                throw new ApiException(404, "NotFound", "namespaces \"" + namespace + "\" not found", namespace,
                        "namespaces", "", List.of());
            }
            if (!dryRun) {
                Map<String, Object> created = new LinkedHashMap<>();
                created.put("apiVersion", "v1");
                created.put("kind", "Namespace");
                created.put("metadata", new LinkedHashMap<>(Map.of("name", namespace)));
                createObject(NAMESPACES, created, "kube-apiserver", false);
            }
            return;
        }
        if ("Terminating".equals(Json.at(ns, "status.phase"))) {
            throw new ApiException(403, "Forbidden", "unable to create new content in namespace " + namespace
                    + " because it is being terminated");
        }
    }

    private String randomSuffix() {
        char[] out = new char[5];
        for (int i = 0; i < out.length; i++) {
            out[i] = NAME_CHARS[random.nextInt(NAME_CHARS.length)];
        }
        return new String(out);
    }

    private String uuid() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(msb, lsb).toString();
    }

    private String timestamp() {
        return DateTimeFormatter.ISO_INSTANT.format(controlPlane.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private Defaults.Allocator allocator() {
        return new Defaults.Allocator() {
            @Override
            public String clusterIp() {
                String ip;
                do {
                    int n = 10 + random.nextInt(0xFFFF0);
                    ip = "10." + (96 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
                } while (!allocatedIps.add(ip));
                return ip;
            }

            @Override
            public int nodePort() {
                int port;
                do {
                    port = 30000 + random.nextInt(2768);
                } while (!allocatedNodePorts.add(port));
                return port;
            }
        };
    }

    private static void checkKind(ResourceType type, Map<String, Object> o) {
        Object kind = o.get("kind");
        Object apiVersion = o.get("apiVersion");
        if (kind == null || "".equals(kind)) {
            throw ApiException.badRequest("Object 'Kind' is missing in '" + abbreviate(Json.write(o)) + "'");
        }
        if (!type.kind().equals(kind)) {
            throw ApiException.badRequest("the kind in the request body (" + kind + ") does not match the resource "
                    + type.qualifiedPlural() + " (kind " + type.kind() + ")");
        }
        if (apiVersion != null && !type.apiVersion().equals(apiVersion)) {
            throw ApiException.badRequest("the API version in the request body (" + apiVersion + ") does not match"
                    + " the resource " + type.qualifiedPlural() + " (" + type.apiVersion() + ")");
        }
        o.put("apiVersion", type.apiVersion());
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    private static void checkContentType(Request r, boolean patch) {
        String ct = r.contentType() == null ? "" : r.contentType().split(";")[0].trim().toLowerCase();
        Set<String> allowed = patch ? Set.of("application/json-patch+json", "application/merge-patch+json",
                "application/strategic-merge-patch+json", "application/apply-patch+yaml")
                : Set.of("application/json", "application/yaml", "application/x-yaml", "");
        if (!allowed.contains(ct)) {
            throw new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format"
                    + " - accepted media types include: " + String.join(", ", allowed.stream().filter(s -> !s
                            .isEmpty()).sorted().toList()));
        }
    }

    private static boolean isDryRun(Request r) {
        String dryRun = r.param("dryRun");
        if (dryRun == null) {
            return false;
        }
        if (!dryRun.equals("All")) {
            throw ApiException.badRequest("Invalid dryRun value: " + dryRun + "; the only supported value is All");
        }
        return true;
    }

    private static String manager(Request r) {
        String m = r.param("fieldManager");
        if (m != null && !m.isEmpty()) {
            return m;
        }
        String ua = r.userAgent();
        if (ua == null || ua.isEmpty()) {
            return "unknown";
        }
        int slash = ua.indexOf('/');
        return slash > 0 ? ua.substring(0, slash) : ua;
    }

    // ------------------------------------------------------------------------------------------------ update

    private Response update(Target t, Request r) {
        if (t.name() == null) {
            throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested"
                    + " resource (PUT " + r.path() + ")");
        }
        checkContentType(r, false);
        Map<String, Object> body = Json.parseObject(r.body());
        Map<String, Object> old = require(t);
        String manager = manager(r);
        boolean dryRun = isDryRun(r);
        if ("scale".equals(t.subresource())) {
            return Response.json(200, writeScale(t, old, body, manager, dryRun));
        }
        if (t.subresource() != null && !t.subresource().equals("status")) {
            throw notSimulated(t.subresource());
        }
        checkKind(t.type(), body);
        checkName(t, body);
        return Response.json(200, updateObject(t.type(), old, body, manager, t.subresource(), dryRun));
    }

    private static void checkName(Target t, Map<String, Object> body) {
        String name = Json.name(body);
        if (name != null && !name.equals(t.name())) {
            throw ApiException.badRequest("the name of the object (" + name + ") does not match the name on the URL ("
                    + t.name() + ")");
        }
        String ns = Json.namespace(body);
        if (t.type().namespaced() && ns != null && !ns.isEmpty() && !ns.equals(t.namespace())) {
            throw ApiException.badRequest("the namespace of the object (" + ns + ") does not match the namespace on"
                    + " the URL (" + t.namespace() + ")");
        }
    }

    /**
     * The PUT path: optimistic locking on a given resourceVersion, the strategy of the main resource or the
     * {@code status} subresource, then the common write path.
     */
    public Map<String, Object> updateObject(ResourceType type, Map<String, Object> old, Map<String, Object> body,
            String manager, String subresource, boolean dryRun) {
        Map<String, Object> candidate = Json.copy(body);
        Patches.dropNulls(candidate);
        checkKind(type, candidate);
        String rv = Json.string(Json.map(candidate, "metadata"), "resourceVersion");
        if (rv != null && !rv.isEmpty() && !rv.equals(Json.string(Json.map(old, "metadata"), "resourceVersion"))) {
            throw ApiException.conflict(type, Json.name(old), "Operation cannot be fulfilled on "
                    + type.qualifiedPlural() + " \"" + Json.name(old) + "\": the object has been modified; please"
                    + " apply your changes to the latest version and try again");
        }
        Map<String, Object> next = applyStrategy(type, old, candidate, subresource);
        List<ManagedFields.Entry> managed = ownershipForUpdate(type, old, next, manager, subresource);
        return commit(type, old, next, managed, subresource, dryRun);
    }

    /** Keeps what the main resource or the status subresource may not change. */
    private Map<String, Object> applyStrategy(ResourceType type, Map<String, Object> old, Map<String, Object> candidate,
            String subresource) {
        Map<String, Object> next;
        if ("status".equals(subresource)) {
            next = Json.copy(old);
            if (candidate.containsKey("status")) {
                next.put("status", candidate.get("status"));
            } else {
                next.remove("status");
            }
            Map<String, Object> annotations = Json.map(Json.map(candidate, "metadata"), "annotations");
            if (annotations != null && !annotations.isEmpty()) {
                Json.metadata(next).put("annotations", annotations);
            } else {
                Json.metadata(next).remove("annotations");
            }
        } else {
            next = candidate;
            if (type.statusSubresource()) {
                if (old.containsKey("status")) {
                    next.put("status", Json.deepCopy(old.get("status")));
                } else {
                    next.remove("status");
                }
            }
        }
        Map<String, Object> meta = Json.metadata(next);
        Map<String, Object> oldMeta = Json.map(old, "metadata");
        for (String keep : List.of("name", "namespace", "uid", "creationTimestamp", "generation", "deletionTimestamp",
                "deletionGracePeriodSeconds", "resourceVersion")) {
            if (oldMeta.containsKey(keep)) {
                meta.put(keep, oldMeta.get(keep));
            } else {
                meta.remove(keep);
            }
        }
        if (type.kind().equals("Service")) {
            Map<String, Object> spec = Json.map(next, "spec");
            Map<String, Object> oldSpec = Json.map(old, "spec");
            if (spec != null && oldSpec != null) {
                for (String f : List.of("clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy")) {
                    if (!spec.containsKey(f) || "".equals(spec.get(f))) {
                        if (oldSpec.containsKey(f)) {
                            spec.put(f, Json.deepCopy(oldSpec.get(f)));
                        }
                    }
                }
            }
        }
        return next;
    }

    private List<ManagedFields.Entry> ownershipForUpdate(ResourceType type, Map<String, Object> old,
            Map<String, Object> next, String manager, String subresource) {
        boolean status = "status".equals(subresource);
        Set<List<ManagedFields.Seg>> oldPaths = ManagedFields.paths(type.kind(), old, status);
        Set<List<ManagedFields.Seg>> newPaths = ManagedFields.paths(type.kind(), next, status);
        Set<List<ManagedFields.Seg>> changed = new LinkedHashSet<>();
        for (List<ManagedFields.Seg> p : newPaths) {
            if (!Objects.equals(ManagedFields.valueAt(old, p), ManagedFields.valueAt(next, p))) {
                changed.add(p);
            }
        }
        Set<List<ManagedFields.Seg>> removed = new LinkedHashSet<>(oldPaths);
        removed.removeAll(newPaths);
        List<ManagedFields.Entry> out = new ArrayList<>();
        boolean found = false;
        for (ManagedFields.Entry e : ManagedFields.read(old)) {
            Set<List<ManagedFields.Seg>> fields = new LinkedHashSet<>(e.fields());
            fields.removeAll(removed);
            boolean mine = e.manager().equals(manager) && e.operation().equals("Update")
                    && Objects.equals(e.subresource(), status ? "status" : null);
            if (mine) {
                fields.addAll(changed);
                found = true;
                out.add(new ManagedFields.Entry(manager, "Update", type.apiVersion(),
                        changed.isEmpty() ? e.time() : timestamp(), fields, e.subresource()));
            } else {
                fields.removeAll(changed);
                out.add(new ManagedFields.Entry(e.manager(), e.operation(), e.apiVersion(), e.time(), fields,
                        e.subresource()));
            }
        }
        if (!found && !changed.isEmpty()) {
            out.add(new ManagedFields.Entry(manager, "Update", type.apiVersion(), timestamp(), changed,
                    status ? "status" : null));
        }
        return out;
    }

    /** The common write path of updates, patches and applies. */
    private Map<String, Object> commit(ResourceType type, Map<String, Object> old, Map<String, Object> next,
            List<ManagedFields.Entry> managed, String subresource, boolean dryRun) {
        Defaults.apply(type, next, allocator());
        Map<String, Object> meta = Json.metadata(next);
        if (type.tracksGeneration() && subresource == null) {
            boolean specChanged = !Objects.equals(old.get("spec"), next.get("spec"));
            boolean annotationsChanged = type.kind().equals("Deployment") && !Objects.equals(
                    Json.map(Json.map(old, "metadata"), "annotations"), Json.map(meta, "annotations"));
            Object gen = Json.map(old, "metadata").get("generation");
            long generation = gen instanceof Number n ? n.longValue() : 1;
            if (specChanged || annotationsChanged) {
                generation++;
            }
            meta.put("generation", generation <= Integer.MAX_VALUE ? (Object) (int) generation : generation);
        }
        ManagedFields.write(next, managed);
        validate(type, next, old);
        if (equalsIgnoringManagedTimes(old, next)) {
            return old;
        }
        if (dryRun) {
            return next;
        }
        List<Object> finalizers = Json.list(meta, "finalizers");
        if (meta.get("deletionTimestamp") != null && (finalizers == null || finalizers.isEmpty())) {
            Map<String, Object> gone = store.remove(type, Json.namespace(next), Json.name(next));
            scheduleGc();
            return gone;
        }
        return store.put(type, next);
    }

    private static boolean equalsIgnoringManagedTimes(Map<String, Object> old, Map<String, Object> next) {
        Map<String, Object> a = Json.copy(old);
        Map<String, Object> b = Json.copy(next);
        for (Map<String, Object> m : List.of(a, b)) {
            List<Object> managed = Json.list(Json.map(m, "metadata"), "managedFields");
            if (managed != null) {
                managed.forEach(e -> Json.asMap(e).remove("time"));
            }
        }
        return a.equals(b);
    }

    private void validate(ResourceType type, Map<String, Object> o, Map<String, Object> old) {
        HasMetadata typed;
        try {
            typed = serialization.convertValue(o, type.modelClass());
        } catch (RuntimeException e) {
            throw ApiException.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as"
                    + " a " + type.kind() + ": " + e.getMessage());
        }
        // On update the validator also enforces the immutable fields (Validator.validateUpdate).
        ValidationReport report = old == null ? validator.validate(typed)
                : validator.validateUpdate(serialization.convertValue(old, type.modelClass()), typed);
        if (!report.hasErrors()) {
            return;
        }
        List<ApiException.Cause> causes = new ArrayList<>();
        for (Violation v : report.errors()) {
            causes.add(new ApiException.Cause("FieldValueInvalid", v.message(), v.path()));
        }
        throw ApiException.invalid(type, Json.name(o), causes);
    }

    // ------------------------------------------------------------------------------------------------ patch

    private Response patch(Target t, Request r) {
        if (t.name() == null) {
            throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested"
                    + " resource (PATCH " + r.path() + ")");
        }
        checkContentType(r, true);
        String ct = r.contentType().split(";")[0].trim().toLowerCase();
        String manager = manager(r);
        boolean dryRun = isDryRun(r);
        if (ct.equals("application/apply-patch+yaml")) {
            return apply(t, r, dryRun);
        }
        if (t.subresource() != null && !t.subresource().equals("status") && !t.subresource().equals("scale")) {
            throw notSimulated(t.subresource());
        }
        Object patch = Json.parse(r.body());
        Map<String, Object> old = require(t);
        Map<String, Object> document = "scale".equals(t.subresource()) ? scale(t.type(), old) : old;
        Object patched = switch (ct) {
            case "application/json-patch+json" -> Patches.jsonPatch(document, patch);
            case "application/merge-patch+json" -> Patches.mergePatch(document, patch);
            default -> {
                if (!(patch instanceof Map)) {
                    throw ApiException.badRequest("a strategic merge patch must be a JSON object");
                }
                yield Patches.strategicMerge("scale".equals(t.subresource()) ? "Scale" : t.type().kind(), document,
                        Json.asMap(patch));
            }
        };
        if (!(patched instanceof Map)) {
            throw new ApiException(422, "Invalid", "the patched object is not a JSON object");
        }
        Map<String, Object> result = Json.asMap(patched);
        if ("scale".equals(t.subresource())) {
            return Response.json(200, writeScale(t, old, result, manager, dryRun));
        }
        checkName(t, result);
        return Response.json(200, updateObject(t.type(), old, result, manager, t.subresource(), dryRun));
    }

    private Response apply(Target t, Request r, boolean dryRun) {
        String manager = r.param("fieldManager");
        if (manager == null || manager.isEmpty()) {
            throw ApiException.badRequest("PATCH requests with content type application/apply-patch+yaml must have"
                    + " the fieldManager query parameter set");
        }
        if (t.subresource() != null && !t.subresource().equals("status")) {
            throw notSimulated(t.subresource() + " with server-side apply");
        }
        boolean force = "true".equals(r.param("force"));
        Map<String, Object> config = Json.parseYamlObject(r.body());
        Patches.dropNulls(config);
        checkKind(t.type(), config);
        String name = Json.name(config);
        if (name == null || !name.equals(t.name())) {
            throw ApiException.badRequest("the name of the object (" + name + ") does not match the name on the URL ("
                    + t.name() + ")");
        }
        checkName(t, config);
        boolean status = "status".equals(t.subresource());
        Map<String, Object> old = store.get(t.type(), t.namespace(), t.name());
        Set<List<ManagedFields.Seg>> configPaths = ManagedFields.paths(t.type().kind(), config, status);
        if (old == null) {
            if (status) {
                throw ApiException.notFound(t.type(), t.name());
            }
            Map<String, Object> body = Json.copy(config);
            if (t.type().namespaced()) {
                Json.metadata(body).put("namespace", t.namespace());
            }
            Map<String, Object> created = createObject(t.type(), body, manager, dryRun);
            if (!dryRun) {
                Map<String, Object> withApply = Json.copy(created);
                ManagedFields.write(withApply, List.of(new ManagedFields.Entry(manager, "Apply",
                        t.type().apiVersion(), timestamp(), configPaths, null)));
                created = store.put(t.type(), withApply);
            }
            return Response.json(201, created);
        }
        List<ManagedFields.Entry> entries = ManagedFields.read(old);
        Map<String, List<String>> conflicts = new LinkedHashMap<>();
        Map<String, String> conflictVersions = new LinkedHashMap<>();
        List<ApiException.Cause> causes = new ArrayList<>();
        for (ManagedFields.Entry e : entries) {
            if (e.manager().equals(manager) && e.operation().equals("Apply")) {
                continue;
            }
            for (List<ManagedFields.Seg> p : configPaths) {
                if (!e.fields().contains(p) || p.get(p.size() - 1).field() == null) {
                    continue;
                }
                if (!Objects.equals(ManagedFields.valueAt(old, p), ManagedFields.valueAt(config, p))) {
                    String path = ManagedFields.pathString(p);
                    conflicts.computeIfAbsent(e.manager(), k -> new ArrayList<>()).add(path);
                    conflictVersions.put(e.manager(), e.apiVersion());
                    causes.add(new ApiException.Cause("FieldManagerConflict", "conflict with \"" + e.manager()
                            + "\" using " + e.apiVersion(), path));
                }
            }
        }
        if (!conflicts.isEmpty() && !force) {
            throw new ApiException(409, "Conflict", conflictMessage(conflicts, conflictVersions, causes.size()),
                    t.name(), t.type().plural(), t.type().group(), causes);
        }
        Set<List<ManagedFields.Seg>> othersOwn = new HashSet<>();
        Set<List<ManagedFields.Seg>> previous = Set.of();
        List<ManagedFields.Entry> next = new ArrayList<>();
        for (ManagedFields.Entry e : entries) {
            if (e.manager().equals(manager) && e.operation().equals("Apply")
                    && Objects.equals(e.subresource(), status ? "status" : null)) {
                previous = e.fields();
                continue;
            }
            Set<List<ManagedFields.Seg>> fields = new LinkedHashSet<>(e.fields());
            if (force) {
                fields.removeAll(configPaths);
            }
            othersOwn.addAll(fields);
            next.add(new ManagedFields.Entry(e.manager(), e.operation(), e.apiVersion(), e.time(), fields,
                    e.subresource()));
        }
        next.add(new ManagedFields.Entry(manager, "Apply", t.type().apiVersion(), timestamp(), configPaths,
                status ? "status" : null));
        Map<String, Object> live = Json.copy(old);
        List<List<ManagedFields.Seg>> removed = new ArrayList<>();
        for (List<ManagedFields.Seg> p : previous) {
            if (!configPaths.contains(p) && !othersOwn.contains(p) && !ownsBelow(othersOwn, p)) {
                removed.add(p);
            }
        }
        Set<List<ManagedFields.Seg>> removedSet = new HashSet<>(removed);
        removed.removeIf(p -> {
            for (int i = 1; i < p.size(); i++) {
                if (removedSet.contains(p.subList(0, i))) {
                    return true;
                }
            }
            return false;
        });
        removed.sort(Comparator.comparingInt(p -> -p.size()));
        removed.forEach(p -> ManagedFields.removeAt(live, p));
        Map<String, Object> merged = ManagedFields.merge(t.type().kind(), live, config);
        Map<String, Object> candidate = applyStrategy(t.type(), old, merged, t.subresource());
        return Response.json(200, commit(t.type(), old, candidate, next, t.subresource(), dryRun));
    }

    private static boolean ownsBelow(Set<List<ManagedFields.Seg>> owned, List<ManagedFields.Seg> prefix) {
        for (List<ManagedFields.Seg> p : owned) {
            if (p.size() > prefix.size() && p.subList(0, prefix.size()).equals(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String conflictMessage(Map<String, List<String>> conflicts, Map<String, String> versions,
            int count) {
        StringBuilder sb = new StringBuilder("Apply failed with ").append(count)
                .append(count == 1 ? " conflict: " : " conflicts: ");
        if (count == 1) {
            Map.Entry<String, List<String>> e = conflicts.entrySet().iterator().next();
            return sb.append("conflict with \"").append(e.getKey()).append("\" using ").append(versions.get(e.getKey()))
                    .append(": ").append(e.getValue().get(0)).toString();
        }
        boolean first = true;
        for (Map.Entry<String, List<String>> e : conflicts.entrySet()) {
            if (!first) {
                sb.append('\n');
            }
            first = false;
            sb.append("conflicts with \"").append(e.getKey()).append("\" using ").append(versions.get(e.getKey()))
                    .append(':');
            e.getValue().forEach(p -> sb.append("\n- ").append(p));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ scale

    private static Map<String, Object> scale(ResourceType type, Map<String, Object> o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", "Scale");
        s.put("apiVersion", "autoscaling/v1");
        Map<String, Object> meta = new LinkedHashMap<>();
        Map<String, Object> om = Json.map(o, "metadata");
        for (String k : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            if (om.containsKey(k)) {
                meta.put(k, om.get(k));
            }
        }
        s.put("metadata", meta);
        Object replicas = Json.at(o, "spec.replicas");
        s.put("spec", new LinkedHashMap<>(Map.of("replicas", replicas == null ? 1 : replicas)));
        Map<String, Object> status = new LinkedHashMap<>();
        Object current = Json.at(o, "status.replicas");
        status.put("replicas", current == null ? 0 : current);
        String selector = selectorString(Json.map(Json.map(o, "spec"), "selector"));
        if (selector != null) {
            status.put("selector", selector);
        }
        s.put("status", status);
        return s;
    }

    private static String selectorString(Map<String, Object> selector) {
        if (selector == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        Map<String, Object> match = Json.map(selector, "matchLabels");
        if (match != null) {
            match.forEach((k, v) -> parts.add(k + "=" + v));
        }
        List<Object> expressions = Json.list(selector, "matchExpressions");
        if (expressions != null) {
            for (Object e : expressions) {
                Map<String, Object> m = Json.asMap(e);
                String key = Json.string(m, "key");
                List<Object> values = Json.list(m, "values");
                String joined = values == null ? "" : String.join(",", values.stream().map(String::valueOf).toList());
                switch (String.valueOf(m.get("operator"))) {
                    case "In" -> parts.add(key + " in (" + joined + ")");
                    case "NotIn" -> parts.add(key + " notin (" + joined + ")");
                    case "Exists" -> parts.add(key);
                    case "DoesNotExist" -> parts.add("!" + key);
                    default -> {
                    }
                }
            }
        }
        return String.join(",", parts);
    }

    private Map<String, Object> writeScale(Target t, Map<String, Object> old, Map<String, Object> scale,
            String manager, boolean dryRun) {
        if (!t.type().scaleSubresource()) {
            throw notSimulated(t.subresource());
        }
        String rv = Json.string(Json.map(scale, "metadata"), "resourceVersion");
        if (rv != null && !rv.isEmpty() && !rv.equals(Json.string(Json.map(old, "metadata"), "resourceVersion"))) {
            throw ApiException.conflict(t.type(), t.name(), "Operation cannot be fulfilled on "
                    + t.type().qualifiedPlural() + " \"" + t.name() + "\": the object has been modified; please apply"
                    + " your changes to the latest version and try again");
        }
        Object replicas = Json.at(scale, "spec.replicas");
        if (!(replicas instanceof Number n) || n.intValue() < 0) {
            throw new ApiException(422, "Invalid", "Scale.autoscaling \"" + t.name() + "\" is invalid: spec.replicas:"
                    + " Invalid value: " + replicas + ": must be greater than or equal to 0", t.name(), "Scale",
                    "autoscaling", List.of(new ApiException.Cause("FieldValueInvalid", "Invalid value: " + replicas
                            + ": must be greater than or equal to 0", "spec.replicas")));
        }
        Map<String, Object> candidate = Json.copy(old);
        Json.mapOrCreate(candidate, "spec").put("replicas", n.intValue());
        Json.metadata(candidate).remove("resourceVersion");
        Map<String, Object> updated = updateObject(t.type(), old, candidate, manager, null, dryRun);
        return scale(t.type(), updated);
    }

    // ------------------------------------------------------------------------------------------------ delete

    private Response delete(Target t, Request r) {
        if (t.subresource() != null) {
            throw notSimulated(t.subresource());
        }
        Map<String, Object> options = r.body() == null || r.body().isBlank() ? Map.of() : Json.parseObject(r.body());
        String propagation = r.param("propagationPolicy");
        if (propagation == null) {
            propagation = Json.string(options, "propagationPolicy");
        }
        boolean dryRun = isDryRun(r) || (Json.list(options, "dryRun") != null
                && Json.list(options, "dryRun").contains("All"));
        Map<String, Object> o = require(t);
        Map<String, Object> preconditions = Json.map(options, "preconditions");
        if (preconditions != null) {
            String uid = Json.string(preconditions, "uid");
            String rv = Json.string(preconditions, "resourceVersion");
            Map<String, Object> meta = Json.map(o, "metadata");
            if ((uid != null && !uid.equals(meta.get("uid"))) || (rv != null && !rv.equals(meta.get(
                    "resourceVersion")))) {
                throw ApiException.conflict(t.type(), t.name(), "Operation cannot be fulfilled on "
                        + t.type().qualifiedPlural() + " \"" + t.name() + "\": the precondition does not hold");
            }
        }
        return Response.json(200, deleteObject(t.type(), o, propagation, dryRun));
    }

    private Response deleteCollection(Target t, Request r) {
        Predicate<Map<String, Object>> selector = selector(t, r);
        boolean dryRun = isDryRun(r);
        List<Object> items = new ArrayList<>();
        for (Map<String, Object> o : store.list(t.type(), t.namespace())) {
            if (selector.test(o)) {
                items.add(deleteObject(t.type(), o, r.param("propagationPolicy"), dryRun));
            }
        }
        Map<String, Object> listTree = new LinkedHashMap<>();
        listTree.put("kind", t.type().kind() + "List");
        listTree.put("apiVersion", t.type().apiVersion());
        listTree.put("metadata", new LinkedHashMap<>(Map.of("resourceVersion",
                Long.toString(store.resourceVersion()))));
        listTree.put("items", items);
        return Response.json(200, listTree);
    }

    /**
     * The DELETE path: finalizers keep the object (with a deletionTimestamp) until they are removed; foreground
     * propagation waits for the dependents; orphan propagation strips the owner references; background deletes now and
     * lets the garbage collector remove the dependents.
     */
    public Map<String, Object> deleteObject(ResourceType type, Map<String, Object> o, String propagation,
            boolean dryRun) {
        String name = Json.name(o);
        if (type.equals(NAMESPACES) && PROTECTED_NAMESPACES.contains(name)) {
            throw new ApiException(403, "Forbidden", "namespaces \"" + name + "\" is forbidden: this namespace may"
                    + " not be deleted", name, "namespaces", "", List.of());
        }
        if (propagation != null && !Set.of("Background", "Foreground", "Orphan").contains(propagation)) {
            throw ApiException.badRequest("propagationPolicy must be Background, Foreground or Orphan but was: "
                    + propagation);
        }
        if (dryRun) {
            return o;
        }
        Map<String, Object> meta = Json.map(o, "metadata");
        if (meta.get("deletionTimestamp") != null) {
            return o;
        }
        String uid = Json.string(meta, "uid");
        if ("Orphan".equals(propagation)) {
            orphanDependents(uid);
        }
        Map<String, Object> next = Json.copy(o);
        Map<String, Object> nextMeta = Json.metadata(next);
        List<Object> finalizers = Json.list(nextMeta, "finalizers");
        if ("Foreground".equals(propagation)) {
            if (finalizers == null) {
                finalizers = new ArrayList<>();
                nextMeta.put("finalizers", finalizers);
            }
            if (!finalizers.contains("foregroundDeletion")) {
                finalizers.add("foregroundDeletion");
            }
        }
        if (type.equals(NAMESPACES)) {
            Json.mapOrCreate(next, "status").put("phase", "Terminating");
        }
        boolean waits = (finalizers != null && !finalizers.isEmpty()) || type.equals(NAMESPACES);
        if (waits) {
            nextMeta.put("deletionTimestamp", timestamp());
            nextMeta.put("deletionGracePeriodSeconds", 0);
            Map<String, Object> stored = store.put(type, next);
            scheduleGc();
            return stored;
        }
        Map<String, Object> gone = store.remove(type, Json.namespace(o), name);
        scheduleGc();
        return gone;
    }

    private void orphanDependents(String uid) {
        for (Map.Entry<ResourceType, Map<String, Object>> e : store.all()) {
            List<Object> refs = Json.list(Json.map(e.getValue(), "metadata"), "ownerReferences");
            if (refs != null && refs.stream().anyMatch(ref -> uid.equals(Json.string(Json.asMap(ref), "uid")))) {
                Map<String, Object> next = Json.copy(e.getValue());
                List<Object> kept = new ArrayList<>(Json.list(Json.metadata(next), "ownerReferences"));
                kept.removeIf(ref -> uid.equals(Json.string(Json.asMap(ref), "uid")));
                if (kept.isEmpty()) {
                    Json.metadata(next).remove("ownerReferences");
                } else {
                    Json.metadata(next).put("ownerReferences", kept);
                }
                store.put(e.getKey(), next);
            }
        }
    }

    private void scheduleGc() {
        if (!gcScheduled) {
            gcScheduled = true;
            controlPlane.execute(() -> {
                gcScheduled = false;
                collectGarbage();
            });
        }
    }

    /** One garbage-collector pass until nothing changes: dependents of gone owners, foreground and namespaces. */
    public void collectGarbage() {
        boolean changed = true;
        int rounds = 0;
        while (changed && rounds++ < 1000) {
            changed = false;
            Set<String> uids = new HashSet<>();
            Map<String, List<Map.Entry<ResourceType, Map<String, Object>>>> dependents = new LinkedHashMap<>();
            List<Map.Entry<ResourceType, Map<String, Object>>> all = store.all();
            for (Map.Entry<ResourceType, Map<String, Object>> e : all) {
                uids.add(Json.string(Json.map(e.getValue(), "metadata"), "uid"));
                List<Object> refs = Json.list(Json.map(e.getValue(), "metadata"), "ownerReferences");
                if (refs != null) {
                    for (Object ref : refs) {
                        dependents.computeIfAbsent(Json.string(Json.asMap(ref), "uid"), k -> new ArrayList<>()).add(e);
                    }
                }
            }
            for (Map.Entry<ResourceType, Map<String, Object>> e : all) {
                ResourceType type = e.getKey();
                Map<String, Object> o = store.get(type, Json.namespace(e.getValue()), Json.name(e.getValue()));
                if (o == null) {
                    continue;
                }
                Map<String, Object> meta = Json.map(o, "metadata");
                List<Object> refs = Json.list(meta, "ownerReferences");
                if (refs != null && !refs.isEmpty() && meta.get("deletionTimestamp") == null
                        && refs.stream().noneMatch(ref -> uids.contains(Json.string(Json.asMap(ref), "uid")))) {
                    deleteObject(type, o, "Background", false);
                    changed = true;
                    continue;
                }
                if (meta.get("deletionTimestamp") == null) {
                    continue;
                }
                if (type.equals(NAMESPACES)) {
                    changed |= finishNamespace(o);
                    continue;
                }
                List<Object> finalizers = Json.list(meta, "finalizers");
                if (finalizers != null && finalizers.contains("foregroundDeletion")) {
                    List<Map.Entry<ResourceType, Map<String, Object>>> deps = dependents.getOrDefault(
                            Json.string(meta, "uid"), List.of());
                    boolean remaining = false;
                    for (Map.Entry<ResourceType, Map<String, Object>> d : deps) {
                        Map<String, Object> dep = store.get(d.getKey(), Json.namespace(d.getValue()),
                                Json.name(d.getValue()));
                        if (dep == null) {
                            continue;
                        }
                        remaining = true;
                        if (Json.map(dep, "metadata").get("deletionTimestamp") == null) {
                            deleteObject(d.getKey(), dep, "Foreground", false);
                            changed = true;
                        }
                    }
                    if (!remaining) {
                        Map<String, Object> next = Json.copy(o);
                        List<Object> left = new ArrayList<>(finalizers);
                        left.remove("foregroundDeletion");
                        if (left.isEmpty()) {
                            Json.metadata(next).remove("finalizers");
                            store.remove(type, Json.namespace(o), Json.name(o));
                        } else {
                            Json.metadata(next).put("finalizers", left);
                            store.put(type, next);
                        }
                        changed = true;
                    }
                }
            }
        }
    }

    private boolean finishNamespace(Map<String, Object> ns) {
        String name = Json.name(ns);
        boolean remaining = false;
        boolean changed = false;
        for (ResourceType type : ResourceType.all()) {
            if (!type.namespaced()) {
                continue;
            }
            for (Map<String, Object> o : store.list(type, name)) {
                remaining = true;
                if (Json.map(o, "metadata").get("deletionTimestamp") == null) {
                    deleteObject(type, o, "Background", false);
                    changed = true;
                }
            }
        }
        List<Object> finalizers = Json.list(Json.map(ns, "metadata"), "finalizers");
        if (!remaining && (finalizers == null || finalizers.isEmpty())) {
            store.remove(NAMESPACES, null, name);
            changed = true;
        }
        return changed;
    }

    /** The current instant of the virtual clock as an RFC 3339 timestamp. */
    public Instant now() {
        return controlPlane.now();
    }
}
