package dev.kubefluent.core.render.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes canonical trees (see {@link Canonicalizer}) as pretty-printed JSON with two-space indentation: one
 * {@code v1 List} whose {@code items} are the manifests, in the given order, and a newline at the end.
 *
 * <p>Not API.
 */
public final class JsonEmitter {

    private JsonEmitter() {
    }

    /**
     * Writes the documents as the items of a {@code List}.
     *
     * @param documents canonical manifests
     * @return the JSON text
     */
    public static String writeList(Collection<Map<String, Object>> documents) {
        StringBuilder out = new StringBuilder(2048 * Math.max(1, documents.size()));
        out.append("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": ");
        writeValue(out, List.copyOf(documents), 2);
        out.append("\n}\n");
        return out.toString();
    }

    private static void newline(StringBuilder out, int indent) {
        out.append('\n');
        for (int i = 0; i < indent; i++) {
            out.append(' ');
        }
    }

    private static void writeValue(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                newline(out, indent + 2);
                writeString(out, String.valueOf(e.getKey()));
                out.append(": ");
                writeValue(out, e.getValue(), indent + 2);
            }
            newline(out, indent);
            out.append('}');
        } else if (value instanceof List<?> l) {
            if (l.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (Object item : l) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                newline(out, indent + 2);
                writeValue(out, item, indent + 2);
            }
            newline(out, indent);
            out.append(']');
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(out, s);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                writeString(out, String.valueOf(d));
            } else {
                out.append(YamlEmitter.formatFloating(d));
            }
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            writeString(out, String.valueOf(value));
        }
    }

    /** YAML's double-quoted escapes are a subset of JSON's, so one writer serves both. */
    private static void writeString(StringBuilder out, String s) {
        YamlScalars.appendDoubleQuoted(out, s);
    }
}
