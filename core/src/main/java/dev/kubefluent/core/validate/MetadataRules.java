package dev.kubefluent.core.validate;

import static dev.kubefluent.core.validate.Util.map;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Rules for {@code metadata}: names by kind, namespace, labels and annotations. */
final class MetadataRules {

    /** How a kind's objects must be named. */
    enum NameForm {
        SUBDOMAIN("must be a DNS-1123 subdomain (lower-case alphanumerics, '-' and '.', at most 253 characters)"),
        DNS1035_LABEL("must be a DNS-1035 label (lower-case alphanumerics and '-', starting with a letter, "
                + "at most 63 characters)"),
        DNS1123_LABEL("must be a DNS-1123 label (lower-case alphanumerics and '-', at most 63 characters)"),
        PATH_SEGMENT("must be a valid path segment (not '.' or '..', without '/' or '%')");

        final String text;

        NameForm(String text) {
            this.text = text;
        }

        boolean accepts(String name) {
            return switch (this) {
                case SUBDOMAIN -> Formats.isDns1123Subdomain(name);
                case DNS1035_LABEL -> Formats.isDns1035Label(name);
                case DNS1123_LABEL -> Formats.isDns1123Label(name);
                case PATH_SEGMENT -> isPathSegment(name);
            };
        }
    }

    private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

    private MetadataRules() {
    }

    static boolean isPathSegment(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..")
                && name.indexOf('/') < 0 && name.indexOf('%') < 0;
    }

    static void check(Findings f, ObjectMeta meta, NameForm form, boolean namespaced) {
        if (meta == null) {
            f.add(Rule.METADATA_NAME_REQUIRED, "metadata.name", "is required", null);
            return;
        }
        String name = meta.getName();
        if (name == null || name.isEmpty()) {
            if (Util.isBlank(meta.getGenerateName())) {
                f.add(Rule.METADATA_NAME_REQUIRED, "metadata.name", "is required", name);
            }
        } else if (!form.accepts(name)) {
            f.add(Rule.METADATA_NAME_INVALID, "metadata.name", form.text, name);
        }
        String ns = meta.getNamespace();
        if (namespaced && ns != null && !ns.isEmpty() && !Formats.isDns1123Label(ns)) {
            f.add(Rule.METADATA_NAMESPACE_INVALID, "metadata.namespace",
                    "must be a DNS-1123 label (lower-case alphanumerics and '-', at most 63 characters)", ns);
        }
        labels(f, meta.getLabels(), "metadata.labels");
        annotations(f, meta.getAnnotations(), "metadata.annotations");
    }

    /** Label keys and values of an object, a template, a selector or a nodeSelector. */
    static void labels(Findings f, Map<String, String> labels, String path) {
        for (Map.Entry<String, String> e : map(labels).entrySet()) {
            String key = e.getKey();
            if (!Formats.isQualifiedName(key)) {
                f.add(Rule.LABEL_KEY_INVALID, path, "key must be a qualified name ([prefix/]name)", key);
            } else if (!Formats.isLabelValue(e.getValue())) {
                f.add(Rule.LABEL_VALUE_INVALID, path + "[" + key + "]",
                        "must be a valid label value (at most 63 alphanumerics, '-', '_' or '.')", e.getValue());
            }
        }
    }

    static void annotations(Findings f, Map<String, String> annotations, String path) {
        if (annotations == null || annotations.isEmpty()) {
            return;
        }
        long size = 0;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            String key = e.getKey();
            if (!Formats.isQualifiedName(key.toLowerCase(java.util.Locale.ROOT))) {
                f.add(Rule.ANNOTATION_KEY_INVALID, path, "key must be a qualified name ([prefix/]name)", key);
            }
            size += key.getBytes(StandardCharsets.UTF_8).length;
            if (e.getValue() != null) {
                size += e.getValue().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        if (size > MAX_ANNOTATIONS_BYTES) {
            f.addShown(Rule.ANNOTATIONS_TOO_LARGE, path, "must have at most 262144 bytes in total",
                    size + " bytes");
        }
    }
}
