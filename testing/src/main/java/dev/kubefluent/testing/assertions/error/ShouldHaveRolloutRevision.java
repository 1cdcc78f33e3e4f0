package dev.kubefluent.testing.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a rollout that recorded another release revision than expected.
 *
 * @since 0.1.0
 */
public class ShouldHaveRolloutRevision extends BasicErrorMessageFactory {

    private ShouldHaveRolloutRevision(String rollout, int expected, int actual) {
        super("%nExpecting %s:%n  revision%nto be:%n  %s%nbut was:%n  %s", unquotedString(rollout), expected, actual);
    }

    /**
     * Creates the message for an unexpected release revision.
     *
     * @param rollout  the rollout as messages name it, e.g. {@code the rollout of release "shop"}; must not be
     *                 {@code null}
     * @param expected the expected revision
     * @param actual   the revision the rollout recorded
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveRolloutRevision(String rollout, int expected, int actual) {
        return new ShouldHaveRolloutRevision(rollout, expected, actual);
    }
}
