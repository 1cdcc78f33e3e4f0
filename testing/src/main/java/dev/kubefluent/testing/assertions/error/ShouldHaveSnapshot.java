package dev.kubefluent.testing.assertions.error;

import java.nio.file.Path;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a golden-file snapshot that is missing in CI, where snapshots are never created, with how
 * to create it.
 *
 * @since 0.1.0
 */
public class ShouldHaveSnapshot extends BasicErrorMessageFactory {

    private ShouldHaveSnapshot(String name, Path file) {
        super("%nExpecting snapshot %s:%n  %s%nto exist%nbut it is missing, and snapshots are never created in CI"
                        + " (CI=true).%nTo create it, run this test locally (or with"
                        + " -Dkubefluent.snapshots.update=true), review the new file and commit it.",
                name, unquotedString(file.toString()));
    }

    /**
     * Creates the message for a snapshot missing in CI.
     *
     * @param name the snapshot name; must not be {@code null}
     * @param file the file that should hold it; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveSnapshot(String name, Path file) {
        return new ShouldHaveSnapshot(name, file);
    }
}
