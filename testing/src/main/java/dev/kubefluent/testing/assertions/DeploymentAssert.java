package dev.kubefluent.testing.assertions;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Assertions on a Deployment manifest: its replicas, its metadata and the containers of its pod template.
 *
 * <pre>{@code
 * assertThat(web).hasReplicas(3).hasContainer("web").hasLabel("app.kubernetes.io/name", "web");
 * }</pre>
 *
 * @since 0.1.0
 */
public class DeploymentAssert extends AbstractPodSpecAssert<DeploymentAssert, Deployment> {

    /**
     * Creates an assertion; prefer {@link KubeAssertions#assertThat(Deployment)}.
     *
     * @param actual the Deployment under test, may be {@code null} (every assertion then fails)
     */
    public DeploymentAssert(Deployment actual) {
        super(actual, DeploymentAssert.class);
    }

    /**
     * Verifies the desired number of pods, {@code spec.replicas}. An unset field counts as 1, the value the API
     * server defaults it to.
     *
     * <p>Assertion succeeds: {@code assertThat(web).hasReplicas(3);} for a Deployment with {@code replicas: 3}.
     * Assertion fails: {@code assertThat(web).hasReplicas(2);} for the same Deployment.
     *
     * @param expected the expected replica count
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code expected} is negative
     * @throws AssertionError if the replica count differs
     */
    public DeploymentAssert hasReplicas(int expected) {
        if (skipped) {
            return myself;
        }
        isNotNull();
        checkReplicas(expected, actual.getSpec() == null ? null : actual.getSpec().getReplicas());
        return myself;
    }
}
