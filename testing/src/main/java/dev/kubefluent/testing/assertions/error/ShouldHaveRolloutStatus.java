package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.rollout.RolloutStatus;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a rollout that ended with another status than expected, with the rollout's own message
 * saying why.
 *
 * @since 0.1.0
 */
public class ShouldHaveRolloutStatus extends BasicErrorMessageFactory {

    private ShouldHaveRolloutStatus(String rollout, RolloutStatus expected, RolloutStatus actual, String message) {
        super("%nExpecting %s:%n  status%nto be:%n  %s%nbut was:%n  %s%nbecause:%n  %s", unquotedString(rollout),
                expected, actual, unquotedString(message.replace("\n", "\n  ")));
    }

    /**
     * Creates the message for an unexpected rollout status.
     *
     * @param rollout  the rollout as messages name it, e.g. {@code the rollout of release "shop" (revision 3)}; must
     *                 not be {@code null}
     * @param expected the expected status; must not be {@code null}
     * @param actual   the status the rollout ended with; must not be {@code null}
     * @param message  the rollout's message, which says why; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveRolloutStatus(String rollout, RolloutStatus expected,
            RolloutStatus actual, String message) {
        return new ShouldHaveRolloutStatus(rollout, expected, actual, message);
    }
}
