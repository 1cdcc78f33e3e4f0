package dev.kubefluent.core.render.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Puts the tree of one manifest (as produced by fabric8's serializer: maps, lists, strings, numbers, booleans) into
 * canonical form, the single source of every byte Kubefluent renders.
 *
 * <ul>
 *   <li>Key order: at the top {@code apiVersion, kind, metadata, spec}, the other keys alphabetically, {@code status}
 *       last; in any {@code metadata} mapping {@code name, namespace, labels, annotations}, then alphabetically; in
 *       every mapping that is a list item {@code name} first; everywhere else alphabetically. Label, annotation and
 *       data maps are therefore sorted too.</li>
 *   <li>Omitted: {@code null} values of mappings, empty lists, and a top-level {@code status} that is empty. Empty
 *       maps of the model (labels, data, ...) never reach this pass: fabric8 drops them ({@code NON_EMPTY}).</li>
 *   <li>Kept: empty objects ({@code emptyDir: {}}, {@code podSelector: {}}), which carry meaning.</li>
 * </ul>
 *
 * <p>The result is made of fresh {@link LinkedHashMap}s and {@link ArrayList}s that nobody else references.
 *
 * <p>Not API.
 */
public final class Canonicalizer {

    private static final KeyOrder ALPHABETICAL = KeyOrder.ALPHABETICAL;
    private static final KeyOrder ROOT = KeyOrder.ROOT;
    private static final KeyOrder METADATA = KeyOrder.METADATA;
    private static final KeyOrder LIST_ITEM = KeyOrder.LIST_ITEM;

    /** The key orders: a key's rank first, then alphabetical among keys of the same rank. */
    private enum KeyOrder implements Comparator<String> {
        /** {@code apiVersion, kind, metadata, spec}, the others, {@code status} last. */
        ROOT {
            @Override
            int rank(String key) {
                return switch (key) {
                    case "apiVersion" -> 0;
                    case "kind" -> 1;
                    case "metadata" -> 2;
                    case "spec" -> 3;
                    case "status" -> 5;
                    default -> 4;
                };
            }
        },
        /** {@code name, namespace, labels, annotations}, then the others. */
        METADATA {
            @Override
            int rank(String key) {
                return switch (key) {
                    case "name" -> 0;
                    case "namespace" -> 1;
                    case "labels" -> 2;
                    case "annotations" -> 3;
                    default -> 4;
                };
            }
        },
        /** {@code name}, then the others. */
        LIST_ITEM {
            @Override
            int rank(String key) {
                return key.equals("name") ? 0 : 1;
            }
        },
        /** Alphabetical. */
        ALPHABETICAL {
            @Override
            int rank(String key) {
                return 0;
            }
        };

        abstract int rank(String key);

        @Override
        public int compare(String a, String b) {
            int ra = rank(a);
            int rb = rank(b);
            return ra != rb ? Integer.compare(ra, rb) : a.compareTo(b);
        }
    }

    private Canonicalizer() {
    }

    /**
     * Canonicalizes a whole manifest.
     *
     * @param resource the manifest as maps and lists
     * @return a fresh canonical copy
     */
    public static Map<String, Object> canonicalResource(Map<?, ?> resource) {
        return canonicalResource(resource, null);
    }

    /**
     * Canonicalizes a whole manifest and notes whether a {@code null} value or an empty list was dropped from a
     * mapping. fabric8's serializer writes neither for a field of a model class, so such a drop means a map of the
     * object (labels, data, additionalProperties) held a {@code null} or an empty list that a decoded copy would not.
     *
     * @param resource the manifest as maps and lists
     * @param dropped  {@code [0]} is set to {@code true} on such a drop; may be {@code null}
     * @return a fresh canonical copy
     */
    public static Map<String, Object> canonicalResource(Map<?, ?> resource, boolean[] dropped) {
        return withoutEmptyStatus(canonicalMap(resource, ROOT, dropped));
    }

    /**
     * Reads a whole manifest from the tokens of fabric8's serializer and canonicalizes it in one pass: the same tree
     * as {@link #canonicalResource(Map, boolean[])} of the map that Jackson would read from these tokens (a repeated
     * key keeps its last value; numbers as Jackson's untyped reading gives them), without building that map first.
     *
     * @param p       a parser on the {@code START_OBJECT} of the manifest; left on its {@code END_OBJECT}
     * @param dropped {@code [0]} is set to {@code true} when a {@code null} value or an empty list is dropped from a
     *                mapping; may be {@code null}
     * @return a fresh canonical tree
     */
    public static Map<String, Object> canonicalResource(JsonParser p, boolean[] dropped) {
        return withoutEmptyStatus(readMap(p, ROOT, dropped));
    }

    /** Drops an empty {@code status}, which says nothing. */
    private static Map<String, Object> withoutEmptyStatus(Map<String, Object> result) {
        Object status = result.get("status");
        if (status instanceof Map<?, ?> m && m.isEmpty()) {
            result.remove("status");
        }
        return result;
    }

    /** The key order inside the mapping at {@code key}: metadata's own, alphabetical elsewhere. */
    private static KeyOrder childOrder(String key) {
        return "metadata".equals(key) ? METADATA : ALPHABETICAL;
    }

    private static Map<String, Object> readMap(JsonParser p, KeyOrder order, boolean[] dropped) {
        String[] keys = new String[8];
        Object[] values = new Object[8];
        int n = 0;
        for (String key = p.nextName(); key != null; key = p.nextName()) {
            p.nextToken();
            Object value = readValue(p, childOrder(key), dropped);
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            keys[n] = key;
            values[n] = value;
            n++;
        }
        sort(keys, values, n, order);
        Map<String, Object> result = new LinkedHashMap<>(Math.max(4, n * 4 / 3 + 1));
        for (int i = 0; i < n; i++) {
            String key = keys[i];
            if (i + 1 < n && keys[i + 1].equals(key)) {
                continue;   // the last of a repeated key wins, as in a map
            }
            Object v = values[i];
            if (!drops(v, dropped)) {
                result.put(key, v);
            }
        }
        return result;
    }

    /**
     * Sorts the first {@code n} keys, and their values alike, stably: a repeated key stays after its earlier
     * occurrences. Insertion sort for the few keys of most mappings, a merge sort for large ones (ConfigMap data).
     */
    private static void sort(String[] keys, Object[] values, int n, KeyOrder order) {
        if (n <= 32) {
            for (int j = 1; j < n; j++) {
                String key = keys[j];
                Object value = values[j];
                int i = j;
                while (i > 0 && order.compare(keys[i - 1], key) > 0) {
                    keys[i] = keys[i - 1];
                    values[i] = values[i - 1];
                    i--;
                }
                keys[i] = key;
                values[i] = value;
            }
            return;
        }
        Integer[] index = new Integer[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        String[] k = Arrays.copyOf(keys, n);
        Object[] v = Arrays.copyOf(values, n);
        Arrays.sort(index, (a, b) -> order.compare(k[a], k[b]));   // TimSort: stable
        for (int i = 0; i < n; i++) {
            keys[i] = k[index[i]];
            values[i] = v[index[i]];
        }
    }

    private static Object readValue(JsonParser p, KeyOrder mapOrder, boolean[] dropped) {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return readMap(p, mapOrder, dropped);
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(p, LIST_ITEM, dropped));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getString();
            case VALUE_NUMBER_INT:
                return canonicalNumber(p.getNumberValue());
            case VALUE_NUMBER_FLOAT:
                return canonicalNumber(floatingPoint(p));
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case VALUE_EMBEDDED_OBJECT:
                return canonicalValue(p.getEmbeddedObject(), mapOrder, dropped);
            default:
                throw new IllegalStateException("unexpected token " + t + " in the output of fabric8's serializer");
        }
    }

    /** As Jackson's untyped reading does with the default features. */
    private static Number floatingPoint(JsonParser p) {
        JsonParser.NumberTypeFP type = p.getNumberTypeFP();
        if (type == JsonParser.NumberTypeFP.BIG_DECIMAL) {
            return p.getDecimalValue();
        }
        if (type == JsonParser.NumberTypeFP.FLOAT32) {
            return p.getFloatValue();
        }
        return p.getDoubleValue();
    }

    /**
     * Tells whether a mapping drops a value: {@code null} and an empty list say nothing. Notes the drop in
     * {@code dropped[0]} when given.
     */
    private static boolean drops(Object value, boolean[] dropped) {
        if (value == null || value instanceof List<?> l && l.isEmpty()) {
            if (dropped != null) {
                dropped[0] = true;
            }
            return true;
        }
        return false;
    }

    private static Map<String, Object> canonicalMap(Map<?, ?> map, Comparator<String> order, boolean[] dropped) {
        String[] keys = new String[map.size()];
        int n = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!drops(e.getValue(), dropped)) {
                keys[n++] = String.valueOf(e.getKey());
            }
        }
        if (n > 1) {
            Arrays.sort(keys, 0, n, order);
        }
        Map<String, Object> result = new LinkedHashMap<>(Math.max(4, n * 4 / 3 + 1));
        for (int i = 0; i < n; i++) {
            String key = keys[i];
            Object value = map.get(key);
            result.put(key, canonicalValue(value, childOrder(key), dropped));
        }
        return result;
    }

    private static Object canonicalValue(Object value, Comparator<String> mapOrder, boolean[] dropped) {
        if (value instanceof Map<?, ?> m) {
            return canonicalMap(m, mapOrder, dropped);
        }
        if (value instanceof List<?> l) {
            List<Object> result = new ArrayList<>(l.size());
            for (Object item : l) {
                result.add(canonicalValue(item, LIST_ITEM, dropped));
            }
            return result;
        }
        if (value instanceof Number n) {
            return canonicalNumber(n);
        }
        return value;
    }

    /**
     * Integral numbers become an {@link Integer} when they fit and a {@link Long} otherwise, floats a {@link Double},
     * so that trees compare by value whatever Java type a number arrived in.
     */
    static Object canonicalNumber(Number n) {
        if (n instanceof Integer || n instanceof Double || n instanceof BigDecimal) {
            return n;
        }
        if (n instanceof Long || n instanceof Short || n instanceof Byte) {
            long l = n.longValue();
            return l == (int) l ? (Object) (int) l : (Object) l;
        }
        if (n instanceof BigInteger b) {
            return b.bitLength() < 32 ? (Object) b.intValue() : b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (n instanceof Float f) {
            return Double.valueOf(f.toString());
        }
        return n;
    }
}
