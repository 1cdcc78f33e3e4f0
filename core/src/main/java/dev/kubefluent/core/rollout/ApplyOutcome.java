package dev.kubefluent.core.rollout;

/**
 * What server-side apply did to one object, as {@code kubectl apply} prints it.
 *
 * @since 0.1.0
 */
public enum ApplyOutcome {
    /** The object did not exist and was created. */
    CREATED,
    /** The object existed and was changed (its {@code resourceVersion} moved). */
    CONFIGURED,
    /** The object existed and the apply changed nothing. */
    UNCHANGED;

    /** @return the word kubectl prints: {@code created}, {@code configured} or {@code unchanged} */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
