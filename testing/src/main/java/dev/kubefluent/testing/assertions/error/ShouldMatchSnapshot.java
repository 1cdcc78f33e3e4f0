package dev.kubefluent.testing.assertions.error;

import java.nio.file.Path;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for output that differs from its golden-file snapshot, with the unified diff and how to accept
 * the change.
 *
 * @since 0.1.0
 */
public class ShouldMatchSnapshot extends BasicErrorMessageFactory {

    private ShouldMatchSnapshot(String name, Path file, String diff) {
        super("%nExpecting the output to match snapshot %s:%n  %s%nbut it differs:%n%s%n"
                        + "If the change is intended, rerun with -Dkubefluent.snapshots.update=true and review the"
                        + " rewritten file.",
                name, unquotedString(file.toString()), unquotedString(diff));
    }

    /**
     * Creates the message for a snapshot mismatch.
     *
     * @param name the snapshot name; must not be {@code null}
     * @param file the snapshot file; must not be {@code null}
     * @param diff the unified diff from the file to the output, with Secret values already redacted; must not be
     *             {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldMatchSnapshot(String name, Path file, String diff) {
        return new ShouldMatchSnapshot(name, file, diff);
    }
}
