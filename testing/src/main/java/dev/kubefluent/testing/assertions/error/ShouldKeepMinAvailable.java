package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a rollout whose available pods fell below {@code spec.replicas - maxUnavailable}.
 *
 * @since 0.1.0
 */
public class ShouldKeepMinAvailable extends BasicErrorMessageFactory {

    private ShouldKeepMinAvailable(ResourceRef deployment, int replicas, int maxUnavailable, String sample) {
        super("%nExpecting the rollout of %s:%n  available pods%nto stay at or above:%n  %s (spec.replicas %s -"
                        + " maxUnavailable %s)%nbut was below at:%n  %s",
                unquotedString(deployment.toString()), replicas - maxUnavailable, replicas, maxUnavailable,
                unquotedString(sample));
    }

    /**
     * Creates the message for availability below the bound.
     *
     * @param deployment     the Deployment; must not be {@code null}
     * @param replicas       its {@code spec.replicas}
     * @param maxUnavailable its maxUnavailable, resolved as the controller resolves it
     * @param sample         the first moment below the bound; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldKeepMinAvailable(ResourceRef deployment, int replicas, int maxUnavailable,
            String sample) {
        return new ShouldKeepMinAvailable(deployment, replicas, maxUnavailable, sample);
    }
}
