package dev.kubefluent.core.rollout;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field-level diff between what a rollout would apply and what is live, restricted to the fields the rollout sets
 * (fields the server or other managers added are not shown), plus the fields the previous release revision set that
 * the new one drops. Secret data is compared but never shown.
 */
final class ManifestDiff {

    static final String REDACTED = "<redacted>";
    private static final Set<String> IGNORED_METADATA = Set.of("metadata.resourceVersion", "metadata.uid",
            "metadata.creationTimestamp", "metadata.generation", "metadata.selfLink", "metadata.deletionTimestamp");

    private final KubernetesSerialization serialization;

    ManifestDiff(KubernetesSerialization serialization) {
        this.serialization = serialization;
    }

    List<FieldChange> diff(HasMetadata desired, HasMetadata live, HasMetadata previous) {
        boolean secret = desired instanceof Secret || "Secret".equals(desired.getKind());
        Map<String, Object> want = flatten(desired, secret);
        Map<String, Object> have = flatten(live, secret);
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<String, Object> e : want.entrySet()) {
            Object before = have.get(e.getKey());
            if (!equal(before, e.getValue())) {
                changes.add(new FieldChange(e.getKey(), show(e.getKey(), before, secret), show(e.getKey(), e.getValue(), secret)));
            }
        }
        if (previous != null) {
            for (String path : flatten(previous, secret).keySet()) {
                if (!want.containsKey(path) && have.containsKey(path)) {
                    changes.add(new FieldChange(path, show(path, have.get(path), secret), null));
                }
            }
        }
        return changes;
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.toString().equals(y.toString()) || x.doubleValue() == y.doubleValue();
        }
        return a == null ? b == null : a.equals(b);
    }

    private String show(String path, Object value, boolean secret) {
        if (value == null) {
            return null;
        }
        if (secret && (path.startsWith("data") || path.startsWith("stringData"))) {
            return REDACTED;
        }
        return value instanceof String s ? quote(s) : String.valueOf(value);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> flatten(HasMetadata object, boolean secret) {
        Map<String, Object> tree = serialization.convertValue(object, Map.class);
        tree.remove("status");
        if (secret) {
            Object stringData = tree.remove("stringData");
            if (stringData instanceof Map<?, ?> sd) {
                Map<String, Object> data = tree.get("data") instanceof Map<?, ?> d
                        ? new LinkedHashMap<>((Map<String, Object>) d) : new LinkedHashMap<>();
                sd.forEach((k, v) -> data.put(String.valueOf(k),
                        Base64.getEncoder().encodeToString(String.valueOf(v).getBytes(StandardCharsets.UTF_8))));
                tree.put("data", data);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        walk("", tree, out);
        out.keySet().removeIf(k -> IGNORED_METADATA.contains(k) || k.startsWith("metadata.managedFields"));
        return out;
    }

    private static void walk(String prefix, Object node, Map<String, Object> out) {
        if (node instanceof Map<?, ?> map) {
            if (map.isEmpty() && !prefix.isEmpty()) {
                out.put(prefix, "{}");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String path = key.matches("[A-Za-z0-9_-]+") ? (prefix.isEmpty() ? key : prefix + "." + key)
                        : prefix + "[" + quote(key) + "]";
                walk(path, e.getValue(), out);
            }
        } else if (node instanceof List<?> list) {
            if (list.isEmpty()) {
                out.put(prefix, "[]");
            }
            for (int i = 0; i < list.size(); i++) {
                walk(prefix + "[" + i + "]", list.get(i), out);
            }
        } else if (node != null) {
            out.put(prefix, node);
        }
    }
}
