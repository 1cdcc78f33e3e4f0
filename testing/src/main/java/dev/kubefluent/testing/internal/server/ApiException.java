package dev.kubefluent.testing.internal.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request the simulated API server refuses, rendered as a Kubernetes {@code Status}. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One entry of {@code details.causes}: a field path and what is wrong with it. */
    public record Cause(String reason, String message, String field) {
    }

    private final int code;
    private final String reason;
    private final String detailName;
    private final String detailKind;
    private final String detailGroup;
    private final transient List<Cause> causes;
    private String listContinue;

    public ApiException(int code, String reason, String message) {
        this(code, reason, message, null, null, null, List.of());
    }

    public ApiException(int code, String reason, String message, String detailName, String detailKind,
            String detailGroup, List<Cause> causes) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.detailName = detailName;
        this.detailKind = detailKind;
        this.detailGroup = detailGroup;
        this.causes = List.copyOf(causes);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequest", message);
    }

    public static ApiException notFound(ResourceType type, String name) {
        return new ApiException(404, "NotFound", type.qualifiedPlural() + " \"" + name + "\" not found", name,
                type.plural(), type.group(), List.of());
    }

    public static ApiException alreadyExists(ResourceType type, String name) {
        return new ApiException(409, "AlreadyExists", type.qualifiedPlural() + " \"" + name + "\" already exists",
                name, type.plural(), type.group(), List.of());
    }

    public static ApiException conflict(ResourceType type, String name, String message) {
        return new ApiException(409, "Conflict", message, name, type.plural(), type.group(), List.of());
    }

    public static ApiException invalid(ResourceType type, String name, List<Cause> causes) {
        List<String> parts = new ArrayList<>();
        for (Cause c : causes) {
            parts.add(c.field() + ": " + c.message());
        }
        String joined = parts.size() == 1 ? parts.get(0) : parts.toString();
        return new ApiException(422, "Invalid",
                type.kind() + (type.group().isEmpty() ? "" : "." + type.group()) + " \"" + name + "\" is invalid: "
                        + joined,
                name, type.kind(), type.group(), causes);
    }

    /**
     * 410 Gone with reason {@code Expired} for a list continue token older than the retained history; the Status
     * carries a token that continues the list inconsistently, at the current state, as the API server's does.
     */
    public static ApiException expiredContinue(String inconsistentContinue) {
        ApiException e = new ApiException(410, "Expired", "The provided continue parameter is too old to display a"
                + " consistent list result. You can start a new list without the continue parameter, or use the"
                + " continue token in this response to retrieve the remainder of the results. Continuing with the"
                + " provided token results in an inconsistent list - objects that were created, modified, or deleted"
                + " between the time the first chunk was returned and now may show up in the list.");
        e.listContinue = inconsistentContinue;
        return e;
    }

    /** A 503 {@code Status} tree with this message. */
    public static Map<String, Object> status503(String message) {
        return status(503, "ServiceUnavailable", message, null, null, null, List.of());
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public List<Cause> causes() {
        return causes;
    }

    /** This refusal as the JSON tree of a {@code v1 Status}. */
    public Map<String, Object> toStatus() {
        Map<String, Object> status = status(code, reason, getMessage(), detailName, detailKind, detailGroup, causes);
        if (listContinue != null) {
            status.put("metadata", new LinkedHashMap<>(Map.of("continue", listContinue)));
        }
        return status;
    }

    static Map<String, Object> status(int code, String reason, String message, String name, String kind, String group,
            List<Cause> causes) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.put("metadata", new LinkedHashMap<>());
        status.put("status", code < 400 ? "Success" : "Failure");
        status.put("message", message);
        status.put("reason", reason);
        if (name != null || kind != null || !causes.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            if (name != null) {
                details.put("name", name);
            }
            if (group != null && !group.isEmpty()) {
                details.put("group", group);
            }
            if (kind != null) {
                details.put("kind", kind);
            }
            if (!causes.isEmpty()) {
                List<Object> list = new ArrayList<>();
                for (Cause c : causes) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("reason", c.reason());
                    m.put("message", c.message());
                    m.put("field", c.field());
                    list.add(m);
                }
                details.put("causes", list);
            }
            status.put("details", details);
        }
        status.put("code", code);
        return status;
    }
}
