package dev.kubefluent.testing.assertions;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Assertions on a Pod: its metadata and its containers.
 *
 * <pre>{@code
 * assertThat(pod).hasLabel("app", "web").container("web").hasImage("ghcr.io/acme/web:1.4.2");
 * }</pre>
 *
 * @since 0.1.0
 */
public class PodAssert extends AbstractPodSpecAssert<PodAssert, Pod> {

    /**
     * Creates an assertion; prefer {@link KubeAssertions#assertThat(Pod)}.
     *
     * @param actual the Pod under test, may be {@code null} (every assertion then fails)
     */
    public PodAssert(Pod actual) {
        super(actual, PodAssert.class);
    }
}
