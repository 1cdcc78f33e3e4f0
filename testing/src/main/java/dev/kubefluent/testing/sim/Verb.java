package dev.kubefluent.testing.sim;

/**
 * The Kubernetes API verb of a request, as RBAC and audit logs name it.
 *
 * <p>A {@code GET} of one object is {@link #GET}, of a collection {@link #LIST}, and with {@code watch=true}
 * {@link #WATCH}. Requests to paths that are not resources ({@code /version}, discovery) are {@link #GET}.
 *
 * @since 0.1
 */
public enum Verb {
    /** Reads one object ({@code GET .../configmaps/cfg}). */
    GET,
    /** Reads a collection ({@code GET .../configmaps}). */
    LIST,
    /** Watches a collection ({@code GET .../configmaps?watch=true}). */
    WATCH,
    /** Creates an object ({@code POST}). */
    CREATE,
    /** Replaces an object ({@code PUT}). */
    UPDATE,
    /** Patches an object ({@code PATCH}), server-side apply included. */
    PATCH,
    /** Deletes one object ({@code DELETE .../configmaps/cfg}). */
    DELETE,
    /** Deletes a collection ({@code DELETE .../configmaps}). */
    DELETE_COLLECTION
}
