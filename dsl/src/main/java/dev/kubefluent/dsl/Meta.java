package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;

/** Metadata helpers and the recommended labels. */
final class Meta {

    /** The recommended label naming the application; the selector is derived from it. */
    static final String NAME = "app.kubernetes.io/name";
    /** The recommended label naming the tool that manages the object. */
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String KUBEFLUENT = "kubefluent";

    private Meta() {
        throw new UnsupportedOperationException("no instances");
    }

    static ObjectMeta named(String name) {
        ObjectMeta m = new ObjectMeta();
        m.setName(name);
        return m;
    }

    static Map<String, String> labels(ObjectMeta m) {
        if (m.getLabels() == null) {
            m.setLabels(new LinkedHashMap<>());
        }
        return m.getLabels();
    }

    static Map<String, String> annotations(ObjectMeta m) {
        if (m.getAnnotations() == null) {
            m.setAnnotations(new LinkedHashMap<>());
        }
        return m.getAnnotations();
    }

    /** Adds {@code app.kubernetes.io/name=<name>} and {@code app.kubernetes.io/managed-by=kubefluent} unless set. */
    static void recommendedLabels(ObjectMeta m, String name) {
        Map<String, String> labels = labels(m);
        if (name != null) {
            labels.putIfAbsent(NAME, name);
        }
        labels.putIfAbsent(MANAGED_BY, KUBEFLUENT);
    }
}
