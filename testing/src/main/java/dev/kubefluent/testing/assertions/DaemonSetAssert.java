package dev.kubefluent.testing.assertions;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;

/**
 * Assertions on a DaemonSet manifest: its metadata and the containers of its pod template.
 *
 * <pre>{@code
 * assertThat(agent).hasContainer("agent").container("agent").hasMemoryLimit("128Mi");
 * }</pre>
 *
 * @since 0.1.0
 */
public class DaemonSetAssert extends AbstractPodSpecAssert<DaemonSetAssert, DaemonSet> {

    /**
     * Creates an assertion; prefer {@link KubeAssertions#assertThat(DaemonSet)}.
     *
     * @param actual the DaemonSet under test, may be {@code null} (every assertion then fails)
     */
    public DaemonSetAssert(DaemonSet actual) {
        super(actual, DaemonSetAssert.class);
    }
}
