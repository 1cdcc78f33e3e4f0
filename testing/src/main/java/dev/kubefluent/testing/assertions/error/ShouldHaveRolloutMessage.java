package dev.kubefluent.testing.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a rollout whose message does not contain the expected text.
 *
 * @since 0.1.0
 */
public class ShouldHaveRolloutMessage extends BasicErrorMessageFactory {

    private ShouldHaveRolloutMessage(String rollout, String expected, String actual) {
        super("%nExpecting %s:%n  message%nto contain:%n  %s%nbut was:%n  %s", unquotedString(rollout), expected,
                actual);
    }

    /**
     * Creates the message for a rollout message without the expected text.
     *
     * @param rollout  the rollout as messages name it, e.g. {@code the rollout of release "shop" (revision 3)}; must
     *                 not be {@code null}
     * @param expected the text looked for; must not be {@code null}
     * @param actual   the rollout's message; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveRolloutMessage(String rollout, String expected, String actual) {
        return new ShouldHaveRolloutMessage(rollout, expected, actual);
    }
}
