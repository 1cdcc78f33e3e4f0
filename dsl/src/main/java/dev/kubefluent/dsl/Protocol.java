package dev.kubefluent.dsl;

/**
 * The transport protocol of a container or Service port ({@code protocol}); Kubernetes defaults to TCP.
 *
 * @since 0.1.0
 */
public enum Protocol {
    /** TCP. */
    TCP("TCP"),
    /** UDP. */
    UDP("UDP"),
    /** SCTP. */
    SCTP("SCTP");

    private final String value;

    Protocol(String value) {
        this.value = value;
    }

    /** @return the value as written in a manifest, e.g. {@code UDP} */
    public String value() {
        return value;
    }
}
