package dev.kubefluent.core.internal;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts API failures into the ones worth retrying and the ones that must fail at once, and extracts the API server's
 * own words from them.
 *
 * <p>Not API.
 */
public final class ApiErrors {

    /** What kind of failure an exception is. */
    public enum Kind {
        /** 5xx, 429, or an I/O failure such as a reset connection: retry with backoff. */
        TRANSIENT,
        /** 409 "the object has been modified": re-read and retry. */
        OPTIMISTIC_LOCK,
        /** 409 from server-side apply whose causes name other field managers: fail, naming them. */
        FIELD_CONFLICT,
        /** Anything else (400, 401, 403, 404, 410, 422, ...): fail with the server's message. */
        PERMANENT
    }

    private static final Pattern MANAGER = Pattern.compile("conflict with \"([^\"]+)\"");

    private ApiErrors() {
        throw new UnsupportedOperationException("no instances");
    }

    /**
     * Classifies a failure.
     *
     * @param t the failure; must not be {@code null}
     * @return its kind
     */
    public static Kind classify(Throwable t) {
        KubernetesClientException kce = find(t, KubernetesClientException.class);
        if (kce != null && kce.getCode() > 0) {
            int code = kce.getCode();
            if (code == 429 || code >= 500) {
                return Kind.TRANSIENT;
            }
            if (code == 409) {
                if (isFieldConflict(kce)) {
                    return Kind.FIELD_CONFLICT;
                }
                String reason = kce.getStatus() == null ? null : kce.getStatus().getReason();
                String message = message(kce);
                if ("AlreadyExists".equals(reason)) {
                    return Kind.PERMANENT;
                }
                return message.contains("the object has been modified") || "Conflict".equals(reason)
                        ? Kind.OPTIMISTIC_LOCK : Kind.PERMANENT;
            }
            return Kind.PERMANENT;
        }
        return find(t, IOException.class) != null ? Kind.TRANSIENT : Kind.PERMANENT;
    }

    /**
     * Returns the HTTP status code of a failure, or 0 when there was no HTTP response.
     *
     * @param t the failure; must not be {@code null}
     * @return the code
     */
    public static int code(Throwable t) {
        KubernetesClientException kce = find(t, KubernetesClientException.class);
        return kce == null ? 0 : Math.max(0, kce.getCode());
    }

    /**
     * Returns the API server's message ({@code Status.message}) when there is one, else the exception's message.
     *
     * @param t the failure; must not be {@code null}
     * @return the message, never {@code null}
     */
    public static String message(Throwable t) {
        KubernetesClientException kce = find(t, KubernetesClientException.class);
        if (kce != null && kce.getStatus() != null && kce.getStatus().getMessage() != null
                && !kce.getStatus().getMessage().isBlank()) {
            return kce.getStatus().getMessage();
        }
        Throwable shown = kce != null ? kce : t;
        String m = shown.getMessage();
        if (m == null || m.isBlank()) {
            Throwable cause = shown.getCause();
            return cause != null && cause != shown ? shown.getClass().getSimpleName() + ": " + message(cause)
                    : shown.getClass().getSimpleName();
        }
        return m;
    }

    /**
     * Returns the other field managers a server-side apply conflict names, in order, without duplicates.
     *
     * @param t the failure; must not be {@code null}
     * @return the managers, empty if the failure is not a conflict or names none
     */
    public static List<String> conflictingManagers(Throwable t) {
        KubernetesClientException kce = find(t, KubernetesClientException.class);
        Set<String> managers = new LinkedHashSet<>();
        if (kce == null) {
            return List.of();
        }
        Status status = kce.getStatus();
        if (status != null && status.getDetails() != null && status.getDetails().getCauses() != null) {
            for (StatusCause c : status.getDetails().getCauses()) {
                collect(c.getMessage(), managers);
            }
        }
        collect(message(kce), managers);
        return new ArrayList<>(managers);
    }

    private static boolean isFieldConflict(KubernetesClientException kce) {
        Status status = kce.getStatus();
        if (status != null && status.getDetails() != null && status.getDetails().getCauses() != null) {
            for (StatusCause c : status.getDetails().getCauses()) {
                if ("FieldManagerConflict".equals(c.getReason())) {
                    return true;
                }
            }
        }
        String m = message(kce);
        return m.startsWith("Apply failed with") || MANAGER.matcher(m).find();
    }

    private static void collect(String text, Set<String> into) {
        if (text == null) {
            return;
        }
        Matcher m = MANAGER.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        Set<Throwable> seen = new java.util.HashSet<>();
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
