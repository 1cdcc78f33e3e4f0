package dev.kubefluent.core.rollout;

import dev.kubefluent.core.KubefluentException;
import java.util.List;

/**
 * Thrown by the engine's imperative operations ({@code undo}, {@code pause}, {@code scale}, ...) and for API failures
 * that are not retried: the message is kubectl's, or the API server's, never a Secret's value.
 *
 * @since 0.1.0
 */
public class RolloutException extends KubefluentException {

    private static final long serialVersionUID = 1L;

    private final List<String> conflictingManagers;

    /**
     * Creates the exception.
     *
     * @param message what went wrong; must not be {@code null}
     */
    public RolloutException(String message) {
        this(message, null, List.of());
    }

    /**
     * Creates the exception with its cause and, for a server-side apply conflict, the other field managers.
     *
     * @param message             what went wrong; must not be {@code null}
     * @param cause               the underlying failure; may be {@code null}
     * @param conflictingManagers the field managers named by a conflict; must not be {@code null}
     */
    public RolloutException(String message, Throwable cause, List<String> conflictingManagers) {
        super(message, cause);
        this.conflictingManagers = List.copyOf(conflictingManagers);
    }

    /** @return the other field managers that own the conflicting fields; empty unless this is an apply conflict */
    public List<String> conflictingManagers() {
        return conflictingManagers;
    }
}
