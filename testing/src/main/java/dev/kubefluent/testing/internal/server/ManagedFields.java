package dev.kubefluent.testing.internal.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Field ownership for server-side apply: field sets per manager, stored in {@code metadata.managedFields} in the
 * FieldsV1 format, the apply merge and the conflict check.
 */
public final class ManagedFields {

    /** One step of a field path: a map key, or the item of a keyed list that has these key values. */
    public record Seg(String field, Map<String, Object> key) {
        static Seg field(String name) {
            return new Seg(name, null);
        }

        @Override
        public String toString() {
            if (field != null) {
                return "." + field;
            }
            StringBuilder sb = new StringBuilder("[");
            key.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append(k).append('=')
                    .append(v instanceof String ? "\"" + v + "\"" : v));
            return sb.append(']').toString();
        }
    }

    /** One manager's entry of {@code metadata.managedFields}. */
    public record Entry(String manager, String operation, String apiVersion, String time, Set<List<Seg>> fields,
            String subresource) {
    }

    private static final Set<String> SERVER_METADATA = Set.of("name", "namespace", "uid", "resourceVersion",
            "generation", "creationTimestamp", "managedFields", "deletionTimestamp", "deletionGracePeriodSeconds",
            "selfLink");

    private ManagedFields() {
    }

    public static String pathString(List<Seg> path) {
        StringBuilder sb = new StringBuilder();
        path.forEach(sb::append);
        return sb.toString();
    }

    /** The leaf field paths a tree sets (keyed list items count as paths of their own), skipping identity fields. */
    public static Set<List<Seg>> paths(String kind, Map<String, Object> tree, boolean includeStatus) {
        Set<List<Seg>> out = new LinkedHashSet<>();
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            String k = e.getKey();
            if (k.equals("apiVersion") || k.equals("kind") || (k.equals("status") && !includeStatus)) {
                continue;
            }
            if (k.equals("metadata") && e.getValue() instanceof Map<?, ?> meta) {
                for (Map.Entry<String, Object> m : Json.asMap(meta).entrySet()) {
                    if (!SERVER_METADATA.contains(m.getKey())) {
                        collect(kind, m.getValue(), List.of(Seg.field("metadata"), Seg.field(m.getKey())),
                                List.of("metadata", m.getKey()), out);
                    }
                }
                continue;
            }
            collect(kind, e.getValue(), List.of(Seg.field(k)), List.of(k), out);
        }
        return out;
    }

    private static void collect(String kind, Object node, List<Seg> prefix, List<String> names, Set<List<Seg>> out) {
        if (node instanceof Map<?, ?> m && !m.isEmpty()) {
            for (Map.Entry<String, Object> e : Json.asMap(m).entrySet()) {
                collect(kind, e.getValue(), append(prefix, Seg.field(e.getKey())), appendName(names, e.getKey()),
                        out);
            }
            return;
        }
        List<String> keys = node instanceof List<?> l && !l.isEmpty() ? Patches.mergeKeys(kind, names) : null;
        if (keys != null && ((List<?>) node).stream().allMatch(i -> i instanceof Map)) {
            for (Object item : (List<?>) node) {
                Map<String, Object> itemMap = Json.asMap(item);
                List<Seg> itemPath = append(prefix, new Seg(null, keyOf(itemMap, keys)));
                out.add(itemPath);
                for (Map.Entry<String, Object> e : itemMap.entrySet()) {
                    collect(kind, e.getValue(), append(itemPath, Seg.field(e.getKey())), appendName(names,
                            e.getKey()), out);
                }
            }
            return;
        }
        out.add(prefix);
    }

    private static Map<String, Object> keyOf(Map<String, Object> item, List<String> keys) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (String k : keys) {
            Object v = item.get(k);
            if (v == null && k.equals("protocol")) {
                v = "TCP";
            }
            if (v != null) {
                key.put(k, v);
            }
        }
        return key;
    }

    private static List<Seg> append(List<Seg> path, Seg seg) {
        List<Seg> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(seg);
        return List.copyOf(out);
    }

    private static List<String> appendName(List<String> names, String name) {
        List<String> out = new ArrayList<>(names);
        out.add(name);
        return out;
    }

    /** Sentinel for a path that does not exist in a tree. */
    public static final Object ABSENT = new Object();

    /** The value at a path, or {@link #ABSENT}. */
    public static Object valueAt(Map<String, Object> tree, List<Seg> path) {
        Object current = tree;
        for (Seg s : path) {
            if (s.field() != null) {
                if (!(current instanceof Map<?, ?> m) || !m.containsKey(s.field())) {
                    return ABSENT;
                }
                current = m.get(s.field());
            } else {
                if (!(current instanceof List<?> l)) {
                    return ABSENT;
                }
                current = findItem(Json.asList(l), s.key());
                if (current == null) {
                    return ABSENT;
                }
            }
        }
        return current;
    }

    private static Map<String, Object> findItem(List<Object> list, Map<String, Object> key) {
        for (Object item : list) {
            if (item instanceof Map<?, ?> m && matches(Json.asMap(m), key)) {
                return Json.asMap(m);
            }
        }
        return null;
    }

    private static boolean matches(Map<String, Object> item, Map<String, Object> key) {
        for (Map.Entry<String, Object> e : key.entrySet()) {
            Object v = item.get(e.getKey());
            if (v == null && e.getKey().equals("protocol")) {
                v = "TCP";
            }
            if (!Objects.equals(String.valueOf(v), String.valueOf(e.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /** Removes the field or list item at a path; empty maps left behind are pruned. */
    public static void removeAt(Map<String, Object> tree, List<Seg> path) {
        List<Object> nodes = new ArrayList<>();
        Object current = tree;
        nodes.add(current);
        for (int i = 0; i < path.size() - 1; i++) {
            Seg s = path.get(i);
            if (s.field() != null) {
                current = current instanceof Map<?, ?> m ? m.get(s.field()) : null;
            } else {
                current = current instanceof List<?> l ? findItem(Json.asList(l), s.key()) : null;
            }
            if (current == null) {
                return;
            }
            nodes.add(current);
        }
        Seg last = path.get(path.size() - 1);
        if (last.field() != null && current instanceof Map<?, ?> m) {
            m.remove(last.field());
        } else if (last.field() == null && current instanceof List<?> l) {
            Json.asList(l).removeIf(item -> item instanceof Map<?, ?> im && matches(Json.asMap(im), last.key()));
        }
        for (int j = nodes.size() - 1; j >= 1; j--) {
            Seg via = path.get(j - 1);
            boolean empty = nodes.get(j) instanceof Map<?, ?> m ? m.isEmpty()
                    : nodes.get(j) instanceof List<?> l && l.isEmpty();
            if (!empty || via.field() == null || !(nodes.get(j - 1) instanceof Map<?, ?> parent)) {
                break;
            }
            parent.remove(via.field());
        }
    }

    /** Merges an applied configuration into the live object: maps and keyed lists merge, the rest replaces. */
    public static Map<String, Object> merge(String kind, Map<String, Object> live, Map<String, Object> config) {
        return Json.asMap(mergeValue(kind, live, config, new ArrayList<>()));
    }

    private static Object mergeValue(String kind, Object live, Object config, List<String> names) {
        if (config instanceof Map<?, ?> cm) {
            Map<String, Object> result = live instanceof Map ? Json.copy(Json.asMap(live)) : new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : Json.asMap(cm).entrySet()) {
                names.add(e.getKey());
                result.put(e.getKey(), mergeValue(kind, result.get(e.getKey()), e.getValue(), names));
                names.remove(names.size() - 1);
            }
            return result;
        }
        if (config instanceof List<?> cl && live instanceof List<?> ll) {
            List<String> keys = Patches.mergeKeys(kind, names);
            if (keys != null && cl.stream().allMatch(i -> i instanceof Map)
                    && ll.stream().allMatch(i -> i instanceof Map)) {
                List<Object> result = new ArrayList<>();
                ll.forEach(i -> result.add(Json.deepCopy(i)));
                for (Object item : cl) {
                    Map<String, Object> key = keyOf(Json.asMap(item), keys);
                    Map<String, Object> existing = findItem(result, key);
                    if (existing == null) {
                        result.add(Json.deepCopy(item));
                    } else {
                        result.set(result.indexOf(existing), mergeValue(kind, existing, item, names));
                    }
                }
                return result;
            }
        }
        return Json.deepCopy(config);
    }

    /** Reads {@code metadata.managedFields} back into entries. */
    public static List<Entry> read(Map<String, Object> object) {
        List<Object> raw = Json.list(Json.map(object, "metadata"), "managedFields");
        List<Entry> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (Object o : raw) {
            if (!(o instanceof Map)) {
                continue;
            }
            Map<String, Object> m = Json.asMap(o);
            Set<List<Seg>> fields = new LinkedHashSet<>();
            Map<String, Object> v1 = Json.map(m, "fieldsV1");
            if (v1 != null) {
                decode(v1, List.of(), fields);
            }
            out.add(new Entry(Json.string(m, "manager"), Json.string(m, "operation"), Json.string(m, "apiVersion"),
                    Json.string(m, "time"), fields, Json.string(m, "subresource")));
        }
        return out;
    }

    private static void decode(Map<String, Object> node, List<Seg> prefix, Set<List<Seg>> out) {
        for (Map.Entry<String, Object> e : node.entrySet()) {
            String k = e.getKey();
            Map<String, Object> child = e.getValue() instanceof Map ? Json.asMap(e.getValue()) : Map.of();
            if (k.equals(".")) {
                out.add(prefix);
                continue;
            }
            List<Seg> path;
            if (k.startsWith("f:")) {
                path = append(prefix, Seg.field(k.substring(2)));
            } else if (k.startsWith("k:")) {
                path = append(prefix, new Seg(null, Json.asMap(Json.parse(k.substring(2)))));
            } else {
                continue;
            }
            if (child.isEmpty()) {
                out.add(path);
            } else {
                decode(child, path, out);
            }
        }
    }

    /** Writes entries (empty ones dropped) into {@code metadata.managedFields}. */
    public static void write(Map<String, Object> object, List<Entry> entries) {
        List<Object> raw = new ArrayList<>();
        for (Entry e : entries) {
            if (e.fields().isEmpty()) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("manager", e.manager());
            m.put("operation", e.operation());
            m.put("apiVersion", e.apiVersion());
            m.put("time", e.time());
            m.put("fieldsType", "FieldsV1");
            m.put("fieldsV1", encode(e.fields()));
            if (e.subresource() != null) {
                m.put("subresource", e.subresource());
            }
            raw.add(m);
        }
        Map<String, Object> meta = Json.metadata(object);
        if (raw.isEmpty()) {
            meta.remove("managedFields");
        } else {
            meta.put("managedFields", raw);
        }
    }

    private static Map<String, Object> encode(Set<List<Seg>> fields) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (List<Seg> path : fields) {
            Map<String, Object> node = root;
            for (Seg s : path) {
                String k = s.field() != null ? "f:" + s.field() : "k:" + Json.write(s.key());
                node = Json.mapOrCreate(node, k);
            }
            if (!path.isEmpty() && path.get(path.size() - 1).field() == null) {
                node.put(".", new LinkedHashMap<>());
            }
        }
        return root;
    }
}
