package dev.kubefluent.core.render.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The one quoting rule of Kubefluent's YAML writer, and the YAML 1.1 look-alikes the strict reader warns about.
 *
 * <p>A string is written plain only if every reader we care about reads it back as that same string: a YAML 1.2
 * core-schema reader (snakeyaml-engine, fabric8) and a YAML 1.1 reader (kubectl's {@code sigs.k8s.io/yaml}, PyYAML,
 * Helm). Anything a YAML 1.1 reader would turn into a boolean, null, number or timestamp is double-quoted, as is
 * anything that is not syntactically safe as a plain scalar. Multi-line text becomes a literal block ({@code |}).
 *
 * <p>Not API: the package {@code dev.kubefluent.core.render.internal} may change at any time.
 */
public final class YamlScalars {

    /** How a string scalar is written. */
    public enum Style {
        /** Unquoted. */
        PLAIN,
        /** In double quotes, with escapes. */
        DOUBLE_QUOTED,
        /** A literal block scalar ({@code |}, {@code |-} or {@code |+}). */
        LITERAL
    }

    /** Booleans of YAML 1.1 (and 1.2, which has a subset of them). */
    private static final Set<String> BOOLEANS_1_1 = Set.of(
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "true", "True", "TRUE", "false", "False", "FALSE",
            "on", "On", "ON", "off", "Off", "OFF");

    /** The YAML 1.1 booleans that a YAML 1.2 core-schema reader takes for strings. */
    private static final Set<String> BOOLEANS_ONLY_1_1 = Set.of(
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF");

    private static final Set<String> NULLS = Set.of("~", "null", "Null", "NULL");

    /** Infinity and NaN spelt without the leading dot; some readers parse them as floats. */
    private static final Set<String> FLOAT_WORDS = Set.of("inf", "Inf", "INF", "nan", "NaN", "NAN", "infinity",
            "Infinity", "INFINITY", "+inf", "-inf", "+Inf", "-Inf", "+INF", "-INF", "+infinity", "-infinity",
            "+Infinity", "-Infinity", "+INFINITY", "-INFINITY");

    /** Styles of strings seen before; mapping keys and common values repeat a lot. Bounded. */
    private static final Map<String, Style> SEEN = new ConcurrentHashMap<>();
    private static final int SEEN_LIMIT = 4096;

    /**
     * Everything that a YAML 1.1 or 1.2 reader (PyYAML, go-yaml v2/v3, snakeyaml-engine) may take for a number:
     * binary, octal (0755 and 0o755), hex, decimal with underscores, sexagesimal (1:20), floats with or without
     * exponent, infinities and NaN.
     */
    private static final Pattern NUMBER_LIKE = Pattern.compile(
            "[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+"
                    + "|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
                    + "|\\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?"
                    + "|\\.?(?:inf|Inf|INF|nan|NaN|NAN|infinity|Infinity|INFINITY))");

    /** A YAML 1.1 timestamp starts with a date; go-yaml and PyYAML turn it into a time value. */
    private static final Pattern DATE_LIKE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt \\t].*)?");

    /** An octal-looking integer: a YAML 1.1 reader takes {@code 0755} for 493, a YAML 1.2 reader for 755. */
    private static final Pattern OCTAL_1_1 = Pattern.compile("[-+]?0[0-7_]+");

    private YamlScalars() {
    }

    /**
     * Decides how a string is written, as a mapping key or as a value.
     *
     * @param s the string
     * @return its style
     */
    public static Style styleOf(String s) {
        if (isPlainWord(s)) {
            return Style.PLAIN;
        }
        if (s.length() <= 32) {
            Style known = SEEN.get(s);
            if (known != null) {
                return known;
            }
            Style style = computeStyle(s);
            if (SEEN.size() < SEEN_LIMIT) {
                SEEN.put(s, style);
            }
            return style;
        }
        return computeStyle(s);
    }

    /**
     * The common case, decided without the cache: at least nine characters, a letter first, then only letters,
     * digits, {@code .}, {@code _}, {@code /} and {@code -} ({@code apiVersion}, {@code app.kubernetes.io/name}).
     * No YAML 1.1 boolean, null or float word is that long and starts with a letter, and such a string can be
     * neither a number, a date nor anything that needs quotes, so it is plain.
     */
    private static boolean isPlainWord(String s) {
        int n = s.length();
        if (n < 9) {
            return false;
        }
        char first = s.charAt(0);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '/' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static Style computeStyle(String s) {
        if (s.isEmpty()) {
            return Style.DOUBLE_QUOTED;
        }
        if (s.indexOf('\n') >= 0) {
            return isLiteralSafe(s) ? Style.LITERAL : Style.DOUBLE_QUOTED;
        }
        return isPlainSafe(s) ? Style.PLAIN : Style.DOUBLE_QUOTED;
    }

    /**
     * Tells whether a plain scalar is a boolean for YAML 1.1 readers but a string for YAML 1.2 ones
     * ({@code yes}, {@code no}, {@code on}, {@code off}, {@code y}, {@code n} and their capitalisations).
     *
     * @param plain the text of a plain (unquoted) scalar
     * @return {@code true} if readers disagree on it
     */
    public static boolean isYaml11OnlyBoolean(String plain) {
        return BOOLEANS_ONLY_1_1.contains(plain);
    }

    /**
     * Tells whether a plain scalar looks like a YAML 1.1 octal integer such as {@code 0755}.
     *
     * @param plain the text of a plain (unquoted) scalar
     * @return {@code true} if it does
     */
    public static boolean isYaml11Octal(String plain) {
        return OCTAL_1_1.matcher(plain).matches();
    }

    private static boolean isPlainSafe(String s) {
        if (BOOLEANS_1_1.contains(s) || NULLS.contains(s) || s.equals("<<") || s.equals("=")) {
            return false;
        }
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        if (first == ' ' || last == ' ' || last == ':') {
            return false;
        }
        switch (first) {
            case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
                return false;
            case '-':
                // "-" and "- x" start a sequence entry, "---" a document; "--all" and "-Xmx1g" are fine
                if (s.length() == 1 || s.charAt(1) == ' ' || s.startsWith("---")) {
                    return false;
                }
                break;
            default:
                break;
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                    || (c >= 0x80 && c <= 0x9F) || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                return false;
            }
            if (c == ':' && i + 1 < n && s.charAt(i + 1) == ' ') {
                return false;
            }
            if (c == '#' && s.charAt(i - 1) == ' ') {
                return false;
            }
        }
        if (FLOAT_WORDS.contains(s)) {
            return false;
        }
        if (first == '.' || first == '+' || first == '-' || (first >= '0' && first <= '9')) {
            if (NUMBER_LIKE.matcher(s).matches()) {
                return false;
            }
        }
        return !(first >= '0' && first <= '9' && DATE_LIKE.matcher(s).matches());
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /**
     * A literal block keeps text byte for byte, as long as it has no characters that need escapes, no line with
     * trailing blanks (editors strip them) and does not start with a blank (that would need an indentation
     * indicator).
     */
    private static boolean isLiteralSafe(String s) {
        char first = s.charAt(0);
        if (first == ' ' || first == '\t' || first == '\n') {
            return false;
        }
        boolean content = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                if (i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
                    return false;
                }
                continue;
            }
            if ((c < 0x20 && c != '\t') || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                    || (c >= 0x80 && c <= 0x9F) || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                return false;
            }
            content = true;
        }
        char last = s.charAt(s.length() - 1);
        return content && last != ' ' && last != '\t';
    }

    /**
     * Appends a string in double quotes, escaping what YAML (and JSON) require.
     *
     * @param out where to write
     * @param s   the string
     */
    public static void appendDoubleQuoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029
                            || c == 0xFEFF || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                        appendUnicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        for (int k = hex.length(); k < 4; k++) {
            out.append('0');
        }
        out.append(hex);
    }
}
