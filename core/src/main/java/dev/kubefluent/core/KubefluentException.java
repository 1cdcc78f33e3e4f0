package dev.kubefluent.core;

/**
 * The root of every exception Kubefluent throws on purpose.
 *
 * <p>It is unchecked: a bad manifest or a failed rollout is a programming or deployment error that callers rarely
 * recover from locally. Plain {@link IllegalArgumentException} is used instead for a bad argument to a single method
 * call, and {@link IllegalStateException} for calls made in the wrong order.
 *
 * <p>Messages never contain the values of a {@code Secret}.
 *
 * @since 0.1.0
 */
public class KubefluentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, in the house form; must not be {@code null}
     */
    public KubefluentException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the cause it wraps.
     *
     * @param message what went wrong, in the house form; must not be {@code null}
     * @param cause   the underlying failure, kept so that it is never lost; may be {@code null}
     */
    public KubefluentException(String message, Throwable cause) {
        super(message, cause);
    }
}
