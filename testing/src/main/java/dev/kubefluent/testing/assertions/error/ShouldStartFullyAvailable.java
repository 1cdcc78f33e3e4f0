package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a rollout trace that did not start with every replica available, so that its availability
 * bound says nothing.
 *
 * @since 0.1.0
 */
public class ShouldStartFullyAvailable extends BasicErrorMessageFactory {

    private ShouldStartFullyAvailable(ResourceRef deployment, int replicas, String sample) {
        super("%nExpecting the rollout of %s:%n  available pods%nto start at:%n  %s (spec.replicas)%nbut started at:%n"
                        + "  %s%nStart recording when the Deployment is fully available.",
                unquotedString(deployment.toString()), replicas, unquotedString(sample));
    }

    /**
     * Creates the message for a trace that started below full availability.
     *
     * @param deployment the Deployment; must not be {@code null}
     * @param replicas   its {@code spec.replicas}
     * @param sample     the first sample; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldStartFullyAvailable(ResourceRef deployment, int replicas, String sample) {
        return new ShouldStartFullyAvailable(deployment, replicas, sample);
    }
}
