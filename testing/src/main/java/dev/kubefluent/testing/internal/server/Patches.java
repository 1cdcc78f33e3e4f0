package dev.kubefluent.testing.internal.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** JSON Patch (RFC 6902), JSON merge patch (RFC 7386) and strategic merge patch over plain JSON trees. */
public final class Patches {

    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");
    private static final Set<String> PRIMITIVE_MERGE_LISTS = Set.of("finalizers");

    private Patches() {
    }

    /**
     * The merge keys of a list field, as declared by {@code patchMergeKey} in the Kubernetes types, or null for an
     * atomic list. {@code names} are the field names from the object root to the list (list indexes left out).
     */
    public static List<String> mergeKeys(String kind, List<String> names) {
        if (names.isEmpty()) {
            return null;
        }
        String last = names.get(names.size() - 1);
        String parent = names.size() > 1 ? names.get(names.size() - 2) : "";
        return switch (last) {
            case "containers", "initContainers", "ephemeralContainers", "env", "volumes", "imagePullSecrets",
                    "resourceClaims" -> List.of("name");
            case "ports" -> {
                if (CONTAINER_LISTS.contains(parent)) {
                    yield List.of("containerPort", "protocol");
                }
                if ("Service".equals(kind) && names.equals(List.of("spec", "ports"))) {
                    yield List.of("port", "protocol");
                }
                yield null;
            }
            case "volumeMounts" -> List.of("mountPath");
            case "volumeDevices" -> List.of("devicePath");
            case "hostAliases" -> List.of("ip");
            case "conditions" -> List.of("type");
            case "ownerReferences" -> List.of("uid");
            case "topologySpreadConstraints" -> List.of("topologyKey", "whenUnsatisfiable");
            default -> null;
        };
    }

    /** Applies an RFC 7386 JSON merge patch: null removes a key, anything that is not an object replaces. */
    public static Object mergePatch(Object target, Object patch) {
        if (!(patch instanceof Map)) {
            return Json.deepCopy(patch);
        }
        Map<String, Object> result = target instanceof Map ? Json.copy(Json.asMap(target)) : new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : Json.asMap(patch).entrySet()) {
            if (e.getValue() == null) {
                result.remove(e.getKey());
            } else {
                result.put(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }

    /** Applies a strategic merge patch: lists with merge keys are merged item by item, directives honoured. */
    public static Map<String, Object> strategicMerge(String kind, Map<String, Object> original,
            Map<String, Object> patch) {
        Object result = smpMap(kind, original, patch, new ArrayList<>());
        return Json.asMap(result);
    }

    private static final Object DELETE = new Object();

    private static Object smpMap(String kind, Object original, Map<String, Object> patch, List<String> names) {
        Object directive = patch.get("$patch");
        if ("replace".equals(directive)) {
            Map<String, Object> copy = Json.copy(patch);
            copy.remove("$patch");
            return stripDirectives(copy);
        }
        if ("delete".equals(directive)) {
            return DELETE;
        }
        Map<String, Object> result = original instanceof Map ? Json.copy(Json.asMap(original)) : new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String key = e.getKey();
            if (key.equals("$patch") || key.equals("$retainKeys") || key.startsWith("$setElementOrder/")) {
                continue;
            }
            if (key.startsWith("$deleteFromPrimitiveList/")) {
                String field = key.substring("$deleteFromPrimitiveList/".length());
                List<Object> values = Json.list(result, field);
                if (values != null && e.getValue() instanceof List<?> remove) {
                    values.removeIf(remove::contains);
                }
                continue;
            }
            if (e.getValue() == null) {
                result.remove(key);
                continue;
            }
            names.add(key);
            Object merged = smpValue(kind, result.get(key), e.getValue(), names);
            names.remove(names.size() - 1);
            if (merged == DELETE) {
                result.remove(key);
            } else {
                result.put(key, merged);
            }
        }
        if (patch.get("$retainKeys") instanceof List<?> retain) {
            result.keySet().removeIf(k -> !retain.contains(k));
        }
        return result;
    }

    private static Object smpValue(String kind, Object original, Object patch, List<String> names) {
        if (patch instanceof Map) {
            return smpMap(kind, original, Json.asMap(patch), names);
        }
        if (patch instanceof List<?> patchList) {
            List<String> keys = mergeKeys(kind, names);
            String last = names.get(names.size() - 1);
            if (keys != null && original instanceof List<?> originalList) {
                return smpList(kind, originalList, patchList, keys.subList(0, 1), names);
            }
            if (PRIMITIVE_MERGE_LISTS.contains(last) && original instanceof List<?> originalList) {
                List<Object> union = new ArrayList<>(originalList);
                for (Object v : patchList) {
                    if (!union.contains(v)) {
                        union.add(v);
                    }
                }
                return union;
            }
            List<Object> copy = new ArrayList<>();
            for (Object item : patchList) {
                if (!(item instanceof Map<?, ?> m && "delete".equals(m.get("$patch")))) {
                    copy.add(stripDirectives(Json.deepCopy(item)));
                }
            }
            return copy;
        }
        return patch;
    }

    private static Object smpList(String kind, List<?> original, List<?> patch, List<String> keys,
            List<String> names) {
        for (Object item : patch) {
            if (item instanceof Map<?, ?> m && "replace".equals(m.get("$patch"))) {
                List<Object> replaced = new ArrayList<>();
                for (Object other : patch) {
                    if (other != item) {
                        replaced.add(stripDirectives(Json.deepCopy(other)));
                    }
                }
                return replaced;
            }
        }
        List<Object> result = new ArrayList<>();
        original.forEach(o -> result.add(Json.deepCopy(o)));
        for (Object item : patch) {
            if (!(item instanceof Map)) {
                throw new ApiException(422, "Invalid", "strategic merge patch: list " + String.join(".", names)
                        + " must hold objects with merge key " + keys.get(0));
            }
            Map<String, Object> patchItem = Json.asMap(item);
            Object keyValue = patchItem.get(keys.get(0));
            int index = indexOf(result, keys.get(0), keyValue);
            if ("delete".equals(patchItem.get("$patch"))) {
                if (index >= 0) {
                    result.remove(index);
                }
                continue;
            }
            if (index >= 0) {
                result.set(index, smpMap(kind, result.get(index), patchItem, names));
            } else {
                result.add(smpMap(kind, null, patchItem, names));
            }
        }
        return result;
    }

    private static int indexOf(List<Object> list, String key, Object value) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> m && Objects.equals(String.valueOf(m.get(key)),
                    String.valueOf(value))) {
                return i;
            }
        }
        return -1;
    }

    private static Object stripDirectives(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> map = Json.asMap(m);
            map.keySet().removeIf(k -> k.startsWith("$"));
            map.values().forEach(Patches::stripDirectives);
        } else if (value instanceof List<?> l) {
            l.forEach(Patches::stripDirectives);
        }
        return value;
    }

    /** Applies an RFC 6902 JSON Patch; a malformed patch is a 400, an operation that fails (test included) a 422. */
    public static Object jsonPatch(Object document, Object patch) {
        if (!(patch instanceof List<?> ops)) {
            throw ApiException.badRequest("a JSON patch must be a JSON array of operations");
        }
        Object doc = Json.deepCopy(document);
        for (Object o : ops) {
            if (!(o instanceof Map)) {
                throw ApiException.badRequest("a JSON patch operation must be an object but was: " + o);
            }
            Map<String, Object> op = Json.asMap(o);
            String name = Json.string(op, "op");
            String path = Json.string(op, "path");
            if (name == null || path == null) {
                throw ApiException.badRequest("a JSON patch operation needs \"op\" and \"path\": " + Json.write(op));
            }
            switch (name) {
                case "add" -> doc = add(doc, pointer(path), requireValue(op));
                case "remove" -> doc = remove(doc, pointer(path), path);
                case "replace" -> {
                    get(doc, pointer(path), path);
                    doc = remove(doc, pointer(path), path);
                    doc = add(doc, pointer(path), requireValue(op));
                }
                case "move" -> {
                    String from = requireFrom(op);
                    Object value = get(doc, pointer(from), from);
                    doc = remove(doc, pointer(from), from);
                    doc = add(doc, pointer(path), value);
                }
                case "copy" -> {
                    String from = requireFrom(op);
                    doc = add(doc, pointer(path), Json.deepCopy(get(doc, pointer(from), from)));
                }
                case "test" -> {
                    Object actual = get(doc, pointer(path), path);
                    Object expected = Json.normalize(op.get("value"));
                    if (!Objects.equals(actual, expected)) {
                        throw new ApiException(422, "Invalid", "testing value " + path + " failed: expected "
                                + Json.write(expected) + " but was: " + Json.write(actual));
                    }
                }
                default -> throw ApiException.badRequest("unexpected JSON patch operation \"" + name + "\"");
            }
        }
        return doc;
    }

    private static Object requireValue(Map<String, Object> op) {
        if (!op.containsKey("value")) {
            throw ApiException.badRequest("JSON patch operation \"" + op.get("op") + "\" on " + op.get("path")
                    + " has no value");
        }
        return Json.deepCopy(op.get("value"));
    }

    private static String requireFrom(Map<String, Object> op) {
        String from = Json.string(op, "from");
        if (from == null) {
            throw ApiException.badRequest("JSON patch operation \"" + op.get("op") + "\" has no \"from\"");
        }
        return from;
    }

    private static List<String> pointer(String path) {
        if (path.isEmpty()) {
            return List.of();
        }
        if (!path.startsWith("/")) {
            throw ApiException.badRequest("JSON pointer must start with '/' but was: " + path);
        }
        List<String> parts = new ArrayList<>();
        for (String p : path.substring(1).split("/", -1)) {
            parts.add(p.replace("~1", "/").replace("~0", "~"));
        }
        return parts;
    }

    private static Object get(Object doc, List<String> parts, String path) {
        Object current = doc;
        for (String p : parts) {
            if (current instanceof Map<?, ?> m && m.containsKey(p)) {
                current = m.get(p);
            } else if (current instanceof List<?> l && isIndex(p, l.size() - 1)) {
                current = l.get(Integer.parseInt(p));
            } else {
                throw new ApiException(422, "Invalid", "the JSON patch path " + path + " does not exist");
            }
        }
        return current;
    }

    private static boolean isIndex(String p, int max) {
        if (p.isEmpty() || !p.chars().allMatch(Character::isDigit) || p.length() > 9) {
            return false;
        }
        int i = Integer.parseInt(p);
        return i >= 0 && i <= max;
    }

    private static Object add(Object doc, List<String> parts, Object value) {
        if (parts.isEmpty()) {
            return value;
        }
        Object parent = get(doc, parts.subList(0, parts.size() - 1), "/" + String.join("/", parts));
        String last = parts.get(parts.size() - 1);
        if (parent instanceof Map) {
            Json.asMap(parent).put(last, value);
        } else if (parent instanceof List) {
            List<Object> list = Json.asList(parent);
            if (last.equals("-")) {
                list.add(value);
            } else if (isIndex(last, list.size())) {
                list.add(Integer.parseInt(last), value);
            } else {
                throw new ApiException(422, "Invalid", "the JSON patch index " + last + " is out of range in /"
                        + String.join("/", parts));
            }
        } else {
            throw new ApiException(422, "Invalid", "the JSON patch path /" + String.join("/", parts)
                    + " does not exist");
        }
        return doc;
    }

    private static Object remove(Object doc, List<String> parts, String path) {
        if (parts.isEmpty()) {
            throw new ApiException(422, "Invalid", "the JSON patch cannot remove the whole document");
        }
        Object parent = get(doc, parts.subList(0, parts.size() - 1), path);
        String last = parts.get(parts.size() - 1);
        if (parent instanceof Map<?, ?> m && m.containsKey(last)) {
            m.remove(last);
        } else if (parent instanceof List<?> l && isIndex(last, l.size() - 1)) {
            l.remove(Integer.parseInt(last));
        } else {
            throw new ApiException(422, "Invalid", "the JSON patch path " + path + " does not exist");
        }
        return doc;
    }

    /** Removes every key holding null, recursively (what the API server's decoding does with nulls). */
    public static void dropNulls(Object value) {
        if (value instanceof Map<?, ?> m) {
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                if (e.getValue() == null) {
                    it.remove();
                } else {
                    dropNulls(e.getValue());
                }
            }
        } else if (value instanceof List<?> l) {
            l.forEach(Patches::dropNulls);
        }
    }
}
