package dev.kubefluent.testing.internal.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Label selectors (equality- and set-based) and field selectors, parsed as the API server parses them. */
public final class Selectors {

    private Selectors() {
    }

    /** Everything: the selector of a request that names none. */
    public static final Predicate<Map<String, Object>> ALL = o -> true;

    /** Parses a {@code labelSelector} query value; a malformed one is a 400. */
    public static Predicate<Map<String, Object>> labels(String selector) {
        if (selector == null || selector.isBlank()) {
            return ALL;
        }
        List<Predicate<Map<String, String>>> requirements = new ArrayList<>();
        for (String part : splitTopLevel(selector)) {
            requirements.add(requirement(part.trim(), selector));
        }
        return object -> {
            Map<String, String> labels = Json.labels(object);
            for (Predicate<Map<String, String>> r : requirements) {
                if (!r.test(labels)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static List<String> splitTopLevel(String selector) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(selector.substring(start));
        return parts;
    }

    private static Predicate<Map<String, String>> requirement(String req, String whole) {
        if (req.isEmpty()) {
            throw ApiException.badRequest("unable to parse requirement: found '', expected: identifier in \"" + whole
                    + "\"");
        }
        java.util.regex.Matcher set = java.util.regex.Pattern
                .compile("^([^\\s!=(),]+)\\s+(in|notin)\\s*\\(([^)]*)\\)$").matcher(req);
        if (set.matches()) {
            String key = checkKey(set.group(1), whole);
            Set<String> values = new LinkedHashSet<>();
            for (String v : set.group(3).split(",")) {
                values.add(v.trim());
            }
            boolean in = set.group(2).equals("in");
            return labels -> in ? values.contains(labels.get(key))
                    : !labels.containsKey(key) || !values.contains(labels.get(key));
        }
        if (req.startsWith("!")) {
            String key = checkKey(req.substring(1).trim(), whole);
            return labels -> !labels.containsKey(key);
        }
        int ne = req.indexOf("!=");
        if (ne > 0) {
            String key = checkKey(req.substring(0, ne).trim(), whole);
            String value = req.substring(ne + 2).trim();
            return labels -> !value.equals(labels.get(key));
        }
        int eq = req.indexOf("==");
        int len = 2;
        if (eq < 0) {
            eq = req.indexOf('=');
            len = 1;
        }
        if (eq > 0) {
            String key = checkKey(req.substring(0, eq).trim(), whole);
            String value = req.substring(eq + len).trim();
            return labels -> value.equals(labels.get(key));
        }
        for (String op : new String[] {">", "<"}) {
            int i = req.indexOf(op);
            if (i > 0) {
                String key = checkKey(req.substring(0, i).trim(), whole);
                long bound = parseLong(req.substring(i + 1).trim(), whole);
                boolean gt = op.equals(">");
                return labels -> {
                    String v = labels.get(key);
                    try {
                        return v != null && (gt ? Long.parseLong(v) > bound : Long.parseLong(v) < bound);
                    } catch (NumberFormatException e) {
                        return false;
                    }
                };
            }
        }
        String key = checkKey(req, whole);
        return labels -> labels.containsKey(key);
    }

    private static long parseLong(String text, String whole) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("unable to parse requirement: for 'gt', 'lt' operators, the value must be an"
                    + " integer in \"" + whole + "\"");
        }
    }

    private static String checkKey(String key, String whole) {
        if (key.isEmpty() || key.contains(" ") || key.contains("(") || key.contains(")")) {
            throw ApiException.badRequest("unable to parse requirement: invalid label key \"" + key + "\" in \""
                    + whole + "\"");
        }
        return key;
    }

    /**
     * Parses a {@code fieldSelector} query value for a resource type. Fields the API server does not index for that
     * type are a 400 {@code field label not supported}, as on a real API server.
     */
    public static Predicate<Map<String, Object>> fields(ResourceType type, String selector) {
        if (selector == null || selector.isBlank()) {
            return ALL;
        }
        List<Predicate<Map<String, Object>>> requirements = new ArrayList<>();
        for (String part : selector.split(",")) {
            String req = part.trim();
            int ne = req.indexOf("!=");
            int eq = req.indexOf("==");
            int single = req.indexOf('=');
            String field;
            String value;
            boolean negate;
            if (ne > 0) {
                field = req.substring(0, ne).trim();
                value = req.substring(ne + 2).trim();
                negate = true;
            } else if (eq > 0) {
                field = req.substring(0, eq).trim();
                value = req.substring(eq + 2).trim();
                negate = false;
            } else if (single > 0) {
                field = req.substring(0, single).trim();
                value = req.substring(single + 1).trim();
                negate = false;
            } else {
                throw ApiException.badRequest("invalid selector: '" + selector + "'; can't understand '" + req + "'");
            }
            if (!supportedField(type, field)) {
                throw ApiException.badRequest("field label not supported: " + field);
            }
            String path = field;
            requirements.add(o -> {
                Object actual = Json.at(o, path);
                String text = actual == null ? "" : String.valueOf(actual);
                return negate != text.equals(value);
            });
        }
        return o -> {
            for (Predicate<Map<String, Object>> r : requirements) {
                if (!r.test(o)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static boolean supportedField(ResourceType type, String field) {
        if (field.equals("metadata.name") || (field.equals("metadata.namespace") && type.namespaced())) {
            return true;
        }
        return switch (type.kind()) {
            case "Pod" -> Set.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
                    "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP",
                    "status.nominatedNodeName").contains(field);
            case "Event" -> field.startsWith("involvedObject.") || Set.of("reason", "reportingComponent", "source",
                    "type").contains(field);
            case "Secret" -> field.equals("type");
            case "Namespace" -> field.equals("status.phase");
            case "Node" -> field.equals("spec.unschedulable");
            case "ReplicaSet", "ReplicationController" -> field.equals("status.replicas");
            case "Job" -> field.equals("status.successful");
            default -> false;
        };
    }
}
