package dev.kubefluent.testing.internal.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Discovery documents ({@code /version}, {@code /api}, {@code /apis}, resource lists) built from the registry. */
final class Discovery {

    private Discovery() {
    }

    /** The answer to a discovery path, or null when the path is not a discovery path. */
    static ApiServer.Response answer(String path, String gitVersion) {
        switch (path) {
            case "/version" -> {
                String[] parts = gitVersion.substring(1).split("\\.");
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("major", parts[0]);
                v.put("minor", parts[1]);
                v.put("gitVersion", gitVersion);
                v.put("platform", "simulated/kubefluent");
                return ApiServer.Response.json(200, v);
            }
            case "/healthz", "/readyz", "/livez" -> {
                return new ApiServer.Response(200, "text/plain", "ok");
            }
            case "/api" -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("kind", "APIVersions");
                v.put("versions", List.of("v1"));
                return ApiServer.Response.json(200, v);
            }
            case "/apis" -> {
                Map<String, Object> list = new LinkedHashMap<>();
                list.put("kind", "APIGroupList");
                list.put("apiVersion", "v1");
                List<Object> groups = new ArrayList<>();
                for (String g : groups()) {
                    groups.add(group(g));
                }
                list.put("groups", groups);
                return ApiServer.Response.json(200, list);
            }
            case "/api/v1" -> {
                return ApiServer.Response.json(200, resources("v1"));
            }
            default -> {
            }
        }
        if (path.startsWith("/openapi")) {
            throw new ApiException(404, "NotFound", "not simulated: OpenAPI documents");
        }
        String[] p = path.split("/");
        if (p.length == 3 && p[1].equals("apis") && groups().contains(p[2])) {
            return ApiServer.Response.json(200, group(p[2]));
        }
        if (p.length == 4 && p[1].equals("apis") && groups().contains(p[2])) {
            return ApiServer.Response.json(200, resources(p[2] + "/" + p[3]));
        }
        return null;
    }

    private static Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        for (ResourceType t : ResourceType.all()) {
            if (!t.group().isEmpty()) {
                groups.add(t.group());
            }
        }
        return groups;
    }

    private static Map<String, Object> group(String group) {
        String version = ResourceType.all().stream().filter(t -> t.group().equals(group)).findFirst().orElseThrow()
                .version();
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("kind", "APIGroup");
        g.put("apiVersion", "v1");
        g.put("name", group);
        Map<String, Object> gv = new LinkedHashMap<>();
        gv.put("groupVersion", group + "/" + version);
        gv.put("version", version);
        g.put("versions", List.of(gv));
        g.put("preferredVersion", gv);
        return g;
    }

    private static Map<String, Object> resources(String groupVersion) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("kind", "APIResourceList");
        list.put("apiVersion", "v1");
        list.put("groupVersion", groupVersion);
        List<Object> resources = new ArrayList<>();
        for (ResourceType t : ResourceType.all()) {
            if (!t.apiVersion().equals(groupVersion)) {
                continue;
            }
            resources.add(resource(t.plural(), t, List.of("create", "delete", "deletecollection", "get", "list",
                    "patch", "update", "watch")));
            if (t.statusSubresource()) {
                resources.add(resource(t.plural() + "/status", t, List.of("get", "patch", "update")));
            }
            if (t.scaleSubresource()) {
                Map<String, Object> scale = resource(t.plural() + "/scale", t, List.of("get", "patch", "update"));
                scale.put("kind", "Scale");
                scale.put("group", "autoscaling");
                scale.put("version", "v1");
                resources.add(scale);
            }
        }
        list.put("resources", resources);
        return list;
    }

    private static Map<String, Object> resource(String name, ResourceType t, List<String> verbs) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("singularName", name.contains("/") ? "" : t.kind().toLowerCase());
        r.put("namespaced", t.namespaced());
        r.put("kind", t.kind());
        r.put("verbs", verbs);
        return r;
    }
}
