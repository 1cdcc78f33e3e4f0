/**
 * Golden-file snapshots: the rendered output of a test is stored in a file on the first run and compared byte for
 * byte afterwards, with a unified diff on mismatch.
 *
 * <p>{@link dev.kubefluent.testing.snapshot.Snapshots} holds the rules: where the files live
 * ({@code src/test/resources/__snapshots__} by default), whether a missing file may be created (never in CI,
 * {@code CI=true}), and whether files are rewritten ({@code -Dkubefluent.snapshots.update=true}). Most tests use it
 * through {@code assertThat(set).matchesSnapshot("shop")}. A diff never shows the values of a {@code Secret}: they
 * appear as {@code <redacted>}.
 */
package dev.kubefluent.testing.snapshot;
