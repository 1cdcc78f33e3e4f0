package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import java.util.TreeSet;

/** Checks references to ConfigMap and Secret objects: the name, and that a key exists (keys only, never values). */
final class Refs {

    private Refs() {
        throw new UnsupportedOperationException("no instances");
    }

    static String name(HasMetadata object, String what) {
        Checks.notNull(object, what);
        String name = object.getMetadata() == null ? null : object.getMetadata().getName();
        if (name == null) {
            throw new IllegalArgumentException(what + " must have metadata.name but was: " + object.getKind()
                    + " without a name");
        }
        return name;
    }

    static TreeSet<String> keys(ConfigMap c) {
        TreeSet<String> keys = new TreeSet<>();
        addKeys(keys, c.getData());
        addKeys(keys, c.getBinaryData());
        return keys;
    }

    static TreeSet<String> keys(Secret s) {
        TreeSet<String> keys = new TreeSet<>();
        addKeys(keys, s.getData());
        addKeys(keys, s.getStringData());
        return keys;
    }

    private static void addKeys(TreeSet<String> keys, Map<String, String> map) {
        if (map != null) {
            keys.addAll(map.keySet());
        }
    }

    static String key(HasMetadata object, TreeSet<String> keys, String key) {
        return key(object.getKind() + " " + Checks.quoted(object.getMetadata().getName()), keys, key);
    }

    /** @param shown the object as in a message, e.g. {@code Secret "db"} */
    static String key(String shown, TreeSet<String> keys, String key) {
        Checks.notNull(key, "key");
        if (!keys.contains(key)) {
            throw new IllegalArgumentException("key must be one of the keys of " + shown + " " + keys + " but was: "
                    + Checks.quoted(key));
        }
        return key;
    }
}
