package dev.kubefluent.testing.internal.server;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON trees as plain {@code Map}/{@code List} values: parsing, printing, copying and navigation. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** Parses a JSON object; a malformed body is a 400. */
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw ApiException.badRequest("the request body must be a JSON object");
        }
        return asMap(value);
    }

    /** Parses any JSON value; a malformed body is a 400. */
    public static Object parse(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("the request body is empty");
        }
        try {
            return normalize(MAPPER.readValue(text, Object.class));
        } catch (JacksonException e) {
            throw ApiException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Parses YAML (or JSON, which is YAML) into a tree; a malformed body is a 400. */
    public static Map<String, Object> parseYamlObject(String text) {
        String trimmed = text == null ? "" : text.stripLeading();
        if (trimmed.startsWith("{")) {
            return parseObject(text);
        }
        Object value;
        try {
            value = new Load(LoadSettings.builder().build()).loadFromString(text);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("the request body is not valid YAML: " + e.getMessage());
        }
        if (!(value instanceof Map)) {
            throw ApiException.badRequest("the request body must be a YAML or JSON object");
        }
        return asMap(normalize(value));
    }

    public static String write(Object tree) {
        return MAPPER.writeValueAsString(tree);
    }

    /** Integral numbers become Integer when they fit (else Long), decimals Double; maps keep their order. */
    public static Object normalize(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(normalize(v)));
            return out;
        }
        if (value instanceof Long || value instanceof BigInteger || value instanceof Short || value instanceof Byte) {
            long n = ((Number) value).longValue();
            return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? Integer.valueOf((int) n) : Long.valueOf(n);
        }
        if (value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        return value;
    }

    public static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, deepCopy(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(deepCopy(v)));
            return out;
        }
        return value;
    }

    public static Map<String, Object> copy(Map<String, Object> map) {
        return asMap(deepCopy(map));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object value) {
        return (List<Object>) value;
    }

    /** The map under key, or null when absent or not a map. */
    public static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        return v instanceof Map ? asMap(v) : null;
    }

    /** The map under key, created when absent. */
    public static Map<String, Object> mapOrCreate(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        if (v instanceof Map) {
            return asMap(v);
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    public static List<Object> list(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        return v instanceof List ? asList(v) : null;
    }

    public static String string(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        return v == null ? null : String.valueOf(v);
    }

    /** Follows a dotted path of map keys; null when any step is missing. */
    public static Object at(Map<String, Object> root, String dottedPath) {
        Object current = root;
        for (String part : dottedPath.split("\\.")) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = asMap(current).get(part);
        }
        return current;
    }

    public static Map<String, Object> metadata(Map<String, Object> object) {
        return mapOrCreate(object, "metadata");
    }

    public static String name(Map<String, Object> object) {
        return string(map(object, "metadata"), "name");
    }

    public static String namespace(Map<String, Object> object) {
        return string(map(object, "metadata"), "namespace");
    }

    public static Map<String, String> labels(Map<String, Object> object) {
        Map<String, Object> labels = map(map(object, "metadata"), "labels");
        Map<String, String> out = new LinkedHashMap<>();
        if (labels != null) {
            labels.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
        }
        return out;
    }
}
