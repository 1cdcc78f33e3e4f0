package dev.kubefluent.testing.assertions;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * Assertions on a StatefulSet manifest: its replicas, its metadata and the containers of its pod template.
 *
 * <pre>{@code
 * assertThat(db).hasReplicas(2).hasContainer("postgres").container("postgres").hasImage("postgres:17.2");
 * }</pre>
 *
 * @since 0.1.0
 */
public class StatefulSetAssert extends AbstractPodSpecAssert<StatefulSetAssert, StatefulSet> {

    /**
     * Creates an assertion; prefer {@link KubeAssertions#assertThat(StatefulSet)}.
     *
     * @param actual the StatefulSet under test, may be {@code null} (every assertion then fails)
     */
    public StatefulSetAssert(StatefulSet actual) {
        super(actual, StatefulSetAssert.class);
    }

    /**
     * Verifies the desired number of pods, {@code spec.replicas}. An unset field counts as 1, the value the API
     * server defaults it to.
     *
     * <p>Assertion succeeds: {@code assertThat(db).hasReplicas(2);} for a StatefulSet with {@code replicas: 2}.
     * Assertion fails: {@code assertThat(db).hasReplicas(3);} for the same StatefulSet.
     *
     * @param expected the expected replica count
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code expected} is negative
     * @throws AssertionError if the replica count differs
     */
    public StatefulSetAssert hasReplicas(int expected) {
        if (skipped) {
            return myself;
        }
        isNotNull();
        checkReplicas(expected, actual.getSpec() == null ? null : actual.getSpec().getReplicas());
        return myself;
    }
}
