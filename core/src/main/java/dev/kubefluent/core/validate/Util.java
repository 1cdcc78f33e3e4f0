package dev.kubefluent.core.validate;

import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;
import java.util.Map;

/** Null-safe access to fabric8's optional lists and maps. */
final class Util {

    private Util() {
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    static <K, V> Map<K, V> map(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static boolean isTrue(Boolean b) {
        return b != null && b;
    }

    static boolean oneOf(String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** An IntOrString that is set: a number, or a non-empty string. */
    static boolean isSet(IntOrString v) {
        return v != null && (v.getIntVal() != null || v.getStrVal() != null);
    }

    /** A relative path without {@code ..} elements (volume item paths, subPath). */
    static boolean isRelativeWithoutDotDot(String path) {
        if (path.startsWith("/")) {
            return false;
        }
        for (String part : path.split("[/\\\\]", -1)) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
