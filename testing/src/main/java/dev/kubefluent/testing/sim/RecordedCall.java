package dev.kubefluent.testing.sim;

import java.util.Objects;

/**
 * One request the simulated cluster received, recorded before it was answered (faulted requests included).
 *
 * <p>{@code toString()} reads like an access log line:
 * {@code PATCH /api/v1/namespaces/default/configmaps/cfg?fieldManager=fabric8 [application/apply-patch+yaml] {...}}.
 * The body of a request about Secrets is printed as {@code <redacted>}; {@link #body()} still returns it.
 *
 * @param verb the Kubernetes verb
 * @param method the HTTP method
 * @param path the URL path, without the query
 * @param query the raw query string, empty when there is none
 * @param contentType the {@code Content-Type} header, empty when absent
 * @param body the request body as text, empty when there is none
 * @param resource the resource plural ({@code deployments}), empty for paths that are not resources
 * @param namespace the namespace in the path, empty when none
 * @param name the object name in the path, empty when none
 * @since 0.1
 */
public record RecordedCall(Verb verb, String method, String path, String query, String contentType, String body,
        String resource, String namespace, String name) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException when a component is {@code null}
     */
    public RecordedCall {
        for (Object o : new Object[] {verb, method, path, query, contentType, body, resource, namespace, name}) {
            if (o == null) {
                throw new IllegalArgumentException("RecordedCall components must not be null");
            }
        }
    }

    /**
     * The value of a query parameter, URL-decoded.
     *
     * @param parameter the parameter name, must not be {@code null}
     * @return the first value, or {@code null} when the parameter is absent
     */
    public String queryParameter(String parameter) {
        Objects.requireNonNull(parameter, "parameter must not be null");
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq),
                    java.nio.charset.StandardCharsets.UTF_8);
            if (key.equals(parameter)) {
                return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(method).append(' ').append(path);
        if (!query.isEmpty()) {
            sb.append('?').append(query);
        }
        if (!contentType.isEmpty()) {
            sb.append(" [").append(contentType).append(']');
        }
        if (!body.isEmpty()) {
            sb.append(' ').append(resource.equals("secrets") ? "<redacted>" : body);
        }
        return sb.toString();
    }
}
