package dev.kubefluent.dsl;

/**
 * A Service's {@code spec.sessionAffinity}.
 *
 * @since 0.1.0
 */
public enum SessionAffinity {
    /** No affinity (the Kubernetes default). */
    NONE("None"),
    /** Requests from one client IP go to the same Pod. */
    CLIENT_IP("ClientIP");

    private final String value;

    SessionAffinity(String value) {
        this.value = value;
    }

    /** @return the value as written in a manifest, e.g. {@code ClientIP} */
    public String value() {
        return value;
    }
}
