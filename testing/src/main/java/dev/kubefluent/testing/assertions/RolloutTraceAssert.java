package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.error.ShouldExistInCluster.shouldExistInCluster;
import static dev.kubefluent.testing.assertions.error.ShouldKeepMinAvailable.shouldKeepMinAvailable;
import static dev.kubefluent.testing.assertions.error.ShouldStartFullyAvailable.shouldStartFullyAvailable;
import static dev.kubefluent.testing.assertions.error.ShouldStayWithinMaxSurge.shouldStayWithinMaxSurge;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.testing.internal.controller.Fenceposts;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;

/**
 * Assertions on a recorded rollout: the rolling-update bounds of the Deployment, with {@code maxSurge} and
 * {@code maxUnavailable} resolved as the Deployment controller resolves them (percentages of {@code spec.replicas},
 * surge rounded up, unavailability rounded down, and 1 unavailable when both come to 0).
 *
 * <pre>{@code
 * assertThat(trace).neverExceededMaxSurge().neverFellBelowMinAvailable();
 * }</pre>
 *
 * The bounds come from the Deployment as the cluster holds it when the assertion runs, i.e. the spec the rollout
 * rolled out.
 *
 * @since 0.1.0
 */
public class RolloutTraceAssert extends AbstractKubeAssert<RolloutTraceAssert, RolloutTrace> {

    /**
     * Creates an assertion; prefer {@link KubeAssertions#assertThat(RolloutTrace)}.
     *
     * @param actual the trace under test, may be {@code null} (every assertion then fails)
     */
    public RolloutTraceAssert(RolloutTrace actual) {
        super(actual, RolloutTraceAssert.class);
    }

    /**
     * Verifies that the pods not terminating never exceeded {@code spec.replicas + maxSurge}.
     *
     * <p>Assertion succeeds: {@code assertThat(trace).neverExceededMaxSurge();} for a rollout of 3 replicas with
     * {@code maxSurge: 1} that never had more than 4 pods. Assertion fails: the same call when 5 pods ran at once; the
     * message shows the first such moment.
     *
     * @return this assertion for method chaining
     * @throws AssertionError if the bound was exceeded, or the Deployment is gone
     */
    public RolloutTraceAssert neverExceededMaxSurge() {
        Deployment d = deployment();
        if (d == null) {
            return myself;
        }
        int replicas = replicas(d);
        int surge = Fenceposts.maxSurge(d);
        actual.samples().stream().filter(s -> s.pods() > replicas + surge).findFirst().ifPresent(s ->
                throwAssertionError(shouldStayWithinMaxSurge(actual.deployment(), replicas, surge, s.toString())));
        return myself;
    }

    /**
     * Verifies that the trace started with every replica available and that the available pods never fell below
     * {@code spec.replicas - maxUnavailable}.
     *
     * <p>Assertion succeeds: {@code assertThat(trace).neverFellBelowMinAvailable();} for a rollout of 3 replicas with
     * {@code maxUnavailable: 1} that always kept 2 pods available. Assertion fails: the same call when only 1 was
     * available at some moment; the message shows the first such moment.
     *
     * @return this assertion for method chaining
     * @throws AssertionError if the trace did not start fully available or the bound was broken, or the Deployment is
     *                        gone
     */
    public RolloutTraceAssert neverFellBelowMinAvailable() {
        Deployment d = deployment();
        if (d == null) {
            return myself;
        }
        int replicas = replicas(d);
        int unavailable = Fenceposts.maxUnavailable(d);
        List<RolloutTrace.Sample> samples = actual.samples();
        if (samples.get(0).available() < replicas) {
            throwAssertionError(shouldStartFullyAvailable(actual.deployment(), replicas, samples.get(0).toString()));
        }
        samples.stream().filter(s -> s.available() < replicas - unavailable).findFirst().ifPresent(s ->
                throwAssertionError(shouldKeepMinAvailable(actual.deployment(), replicas, unavailable, s.toString())));
        return myself;
    }

    private static int replicas(Deployment d) {
        return d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    }

    private Deployment deployment() {
        if (skipped) {
            return null;
        }
        isNotNull();
        ResourceRef ref = actual.deployment();
        Deployment d = actual.client().apps().deployments().inNamespace(ref.namespace()).withName(ref.name()).get();
        if (d == null) {
            throwAssertionError(shouldExistInCluster(ref, String.valueOf(actual.client().getMasterUrl())));
        }
        return d;
    }
}
