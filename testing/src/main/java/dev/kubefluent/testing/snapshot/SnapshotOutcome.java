package dev.kubefluent.testing.snapshot;

/**
 * What a successful snapshot check did.
 *
 * @since 0.1.0
 */
public enum SnapshotOutcome {
    /** The snapshot file existed and matched byte for byte. */
    MATCHED,
    /** The snapshot file did not exist and was written (never in CI unless updating). */
    CREATED,
    /** The snapshot file differed and was rewritten, because updating was asked for. */
    UPDATED
}
