package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a rollout that had more pods than {@code spec.replicas + maxSurge} at some moment.
 *
 * @since 0.1.0
 */
public class ShouldStayWithinMaxSurge extends BasicErrorMessageFactory {

    private ShouldStayWithinMaxSurge(ResourceRef deployment, int replicas, int maxSurge, String sample) {
        super("%nExpecting the rollout of %s:%n  pods not terminating%nto stay at or below:%n  %s (spec.replicas %s +"
                        + " maxSurge %s)%nbut was above at:%n  %s",
                unquotedString(deployment.toString()), replicas + maxSurge, replicas, maxSurge, unquotedString(sample));
    }

    /**
     * Creates the message for a surge above the bound.
     *
     * @param deployment the Deployment; must not be {@code null}
     * @param replicas   its {@code spec.replicas}
     * @param maxSurge   its maxSurge, resolved as the controller resolves it
     * @param sample     the first moment above the bound, e.g. {@code #5 ADDED Pod "web-2": 5 pods, 3 available};
     *                   must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldStayWithinMaxSurge(ResourceRef deployment, int replicas, int maxSurge,
            String sample) {
        return new ShouldStayWithinMaxSurge(deployment, replicas, maxSurge, sample);
    }
}
