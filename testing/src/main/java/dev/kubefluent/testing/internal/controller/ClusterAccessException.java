package dev.kubefluent.testing.internal.controller;

/** Thrown by {@link ClusterAccess} writes that the API server refuses. */
public class ClusterAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    /**
     * Creates the exception for a refused write.
     *
     * @param code the HTTP status code the API server would answer (409 conflict or already exists, 422 invalid)
     * @param message the API server's message, e.g. {@code Operation cannot be fulfilled on deployments.apps "web":
     *     the object has been modified; please apply your changes to the latest version and try again}
     */
    public ClusterAccessException(int code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * The HTTP status code of the refusal.
     *
     * @return the status code, e.g. 409
     */
    public int code() {
        return code;
    }
}
