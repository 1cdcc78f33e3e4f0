package dev.kubefluent.core.render.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes canonical trees (see {@link Canonicalizer}) as block-style YAML: two-space indentation, sequences at the
 * indentation of their key (as {@code kubectl get -o yaml} writes them), {@code ---} before each document, a newline
 * after every line. Strings follow the one rule of {@link YamlScalars}.
 *
 * <p>Not API.
 */
public final class YamlEmitter {

    private YamlEmitter() {
    }

    /**
     * Writes documents, each preceded by {@code ---}.
     *
     * @param documents canonical manifests
     * @return the YAML stream; empty for no documents
     */
    public static String write(Collection<Map<String, Object>> documents) {
        StringBuilder out = new StringBuilder(2048 * Math.max(1, documents.size()));
        for (Map<String, Object> doc : documents) {
            out.append("---\n");
            if (doc.isEmpty()) {
                out.append("{}\n");
            } else {
                writeMap(out, doc, 0, false);
            }
        }
        return out.toString();
    }

    /** {@code INDENTS[n]} is {@code n} spaces. */
    private static final String[] INDENTS = new String[64];

    static {
        for (int i = 0; i < INDENTS.length; i++) {
            INDENTS[i] = " ".repeat(i);
        }
    }

    private static void indent(StringBuilder out, int n) {
        int left = n;
        while (left >= INDENTS.length) {
            out.append(INDENTS[INDENTS.length - 1]);
            left -= INDENTS.length - 1;
        }
        out.append(INDENTS[left]);
    }

    /** Writes a non-empty mapping; if {@code inline}, the first key goes where the cursor already is. */
    private static void writeMap(StringBuilder out, Map<String, Object> map, int indent, boolean inline) {
        boolean first = true;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (!(first && inline)) {
                indent(out, indent);
            }
            first = false;
            String key = e.getKey();
            if (YamlScalars.styleOf(key) == YamlScalars.Style.PLAIN) {
                out.append(key);
            } else {
                YamlScalars.appendDoubleQuoted(out, key);
            }
            out.append(':');
            writeValueAfterKey(out, e.getValue(), indent);
        }
    }

    @SuppressWarnings("unchecked")
    private static void writeValueAfterKey(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append(" {}\n");
            } else {
                out.append('\n');
                writeMap(out, (Map<String, Object>) m, indent + 2, false);
            }
        } else if (value instanceof List<?> l) {
            if (l.isEmpty()) {
                out.append(" []\n");
            } else {
                out.append('\n');
                writeList(out, l, indent, false);
            }
        } else {
            out.append(' ');
            writeScalar(out, value, indent);
            out.append('\n');
        }
    }

    @SuppressWarnings("unchecked")
    private static void writeList(StringBuilder out, List<?> list, int indent, boolean inline) {
        boolean first = true;
        for (Object item : list) {
            if (!(first && inline)) {
                indent(out, indent);
            }
            first = false;
            out.append("- ");
            if (item instanceof Map<?, ?> m) {
                if (m.isEmpty()) {
                    out.append("{}\n");
                } else {
                    writeMap(out, (Map<String, Object>) m, indent + 2, true);
                }
            } else if (item instanceof List<?> l) {
                if (l.isEmpty()) {
                    out.append("[]\n");
                } else {
                    writeList(out, l, indent + 2, true);
                }
            } else {
                writeScalar(out, item, indent);
                out.append('\n');
            }
        }
    }

    private static void writeScalar(StringBuilder out, Object value, int indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(out, s, indent);
        } else if (value instanceof Double || value instanceof Float) {
            out.append(formatFloating(((Number) value).doubleValue()));
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            writeString(out, String.valueOf(value), indent);
        }
    }

    /** Writes a string as a key or value; a literal block's lines are indented two more than {@code indent}. */
    private static void writeString(StringBuilder out, String s, int indent) {
        switch (YamlScalars.styleOf(s)) {
            case PLAIN -> out.append(s);
            case DOUBLE_QUOTED -> YamlScalars.appendDoubleQuoted(out, s);
            case LITERAL -> writeLiteral(out, s, indent + 2);
            default -> throw new IllegalStateException("unknown style");
        }
    }

    private static void writeLiteral(StringBuilder out, String s, int indent) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        int trailing = s.length() - end;
        out.append(trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+");
        int start = 0;
        while (start <= end) {
            int nl = s.indexOf('\n', start);
            if (nl < 0 || nl > end) {
                nl = end;
            }
            out.append('\n');
            if (nl > start) {
                indent(out, indent);
                out.append(s, start, nl);
            }
            start = nl + 1;
        }
        // the extra line breaks a |+ block keeps; the caller ends the last line
        for (int i = 1; i < trailing; i++) {
            out.append('\n');
        }
    }

    /**
     * Formats a floating-point number so that YAML 1.1 and 1.2 readers both take it for a number: no exponent
     * without a sign, no {@code NaN}.
     */
    static String formatFloating(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.isNaN(d) ? ".nan" : d > 0 ? ".inf" : "-.inf";
        }
        String s = Double.toString(d);
        if (s.indexOf('E') < 0) {
            return s;
        }
        return BigDecimal.valueOf(d).toPlainString();
    }
}
