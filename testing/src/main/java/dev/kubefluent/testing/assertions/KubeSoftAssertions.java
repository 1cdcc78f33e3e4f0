package dev.kubefluent.testing.assertions;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.rollout.RolloutResult;
import dev.kubefluent.core.validate.ValidationReport;
import dev.kubefluent.testing.sim.SimulatedCluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Consumer;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Soft assertions for Kubernetes objects: the same surface as {@link KubeAssertions}, but failures are collected and
 * reported together by {@link #assertAll()}. Assertions reached by navigation ({@code container("web")}) are soft too.
 *
 * <pre>{@code
 * KubeSoftAssertions.assertSoftly(softly -> {
 *     softly.assertThat(web).hasReplicas(3).hasLabel("app.kubernetes.io/name", "web");
 *     softly.assertThat(web).container("web").hasImage("ghcr.io/acme/web:1.4.2").hasCpuRequest("250m");
 *     softly.assertThat(svc).routesPort(80, "http");
 * });
 * }</pre>
 *
 * <p>It also works with AssertJ's {@code SoftAssertionsExtension}: declare a
 * {@code @InjectSoftAssertions KubeSoftAssertions softly;} field.
 *
 * @since 0.1.0
 */
public class KubeSoftAssertions extends AbstractSoftAssertions {

    /** Creates an empty set of soft assertions; call {@link #assertAll()} at the end. */
    public KubeSoftAssertions() {
    }

    /**
     * Runs the given assertions softly and then reports every failure at once.
     *
     * @param assertions the assertions to run; must not be {@code null}
     * @throws AssertionError listing every failed assertion, if any failed
     */
    public static void assertSoftly(Consumer<KubeSoftAssertions> assertions) {
        Checks.notNull(assertions, "assertions");
        KubeSoftAssertions softly = new KubeSoftAssertions();
        assertions.accept(softly);
        softly.assertAll();
    }

    private <A extends AbstractKubeAssert<A, T>, T> A soft(Class<A> assertType, Class<T> actualType, T actual) {
        A proxied = proxy(assertType, actualType, actual);
        proxied.softly = this;
        return proxied;
    }

    /**
     * Creates a soft assertion on a Deployment manifest.
     *
     * @param actual the Deployment, may be {@code null}
     * @return the soft assertion
     */
    @CheckReturnValue
    public DeploymentAssert assertThat(Deployment actual) {
        return soft(DeploymentAssert.class, Deployment.class, actual);
    }

    /**
     * Creates a soft assertion on a StatefulSet manifest.
     *
     * @param actual the StatefulSet, may be {@code null}
     * @return the soft assertion
     */
    @CheckReturnValue
    public StatefulSetAssert assertThat(StatefulSet actual) {
        return soft(StatefulSetAssert.class, StatefulSet.class, actual);
    }

    /**
     * Creates a soft assertion on a DaemonSet manifest.
     *
     * @param actual the DaemonSet, may be {@code null}
     * @return the soft assertion
     */
    @CheckReturnValue
    public DaemonSetAssert assertThat(DaemonSet actual) {
        return soft(DaemonSetAssert.class, DaemonSet.class, actual);
    }

    /**
     * Creates a soft assertion on a Pod manifest.
     *
     * @param actual the Pod, may be {@code null}
     * @return the soft assertion
     */
    @CheckReturnValue
    public PodAssert assertThat(Pod actual) {
        return soft(PodAssert.class, Pod.class, actual);
    }

    /**
     * Creates a soft assertion on a Service manifest.
     *
     * @param actual the Service, may be {@code null}
     * @return the soft assertion
     */
    @CheckReturnValue
    public ServiceAssert assertThat(Service actual) {
        return soft(ServiceAssert.class, Service.class, actual);
    }

    /**
     * Creates a soft assertion on a container on its own.
     *
     * @param actual the container, may be {@code null}
     * @return the soft assertion
     */
    @CheckReturnValue
    public ContainerAssert assertThat(Container actual) {
        return soft(ContainerAssert.class, Container.class, actual);
    }

    /**
     * Creates a soft assertion on a manifest set.
     *
     * @param actual the set, may be {@code null}
     * @return the soft assertion
     */
    @CheckReturnValue
    public ManifestSetAssert assertThat(ManifestSet actual) {
        return soft(ManifestSetAssert.class, ManifestSet.class, actual);
    }

    /**
     * Creates a soft assertion on a validation report.
     *
     * @param actual the report, may be {@code null}
     * @return the soft assertion
     */
    @CheckReturnValue
    public ValidationReportAssert assertThat(ValidationReport actual) {
        return soft(ValidationReportAssert.class, ValidationReport.class, actual);
    }

    /**
     * Creates a soft assertion on how a rollout ended.
     *
     * @param actual the result, may be {@code null}
     * @return the soft assertion
     */
    @CheckReturnValue
    public RolloutResultAssert assertThat(RolloutResult actual) {
        return soft(RolloutResultAssert.class, RolloutResult.class, actual);
    }

    /**
     * Creates a soft assertion on the live state of a cluster.
     *
     * @param actual the cluster's client, may be {@code null}
     * @return the soft assertion
     */
    @CheckReturnValue
    public ClusterAssert assertThat(KubernetesClient actual) {
        return soft(ClusterAssert.class, KubernetesClient.class, actual);
    }

    /**
     * Creates a soft assertion on the live state of a simulated cluster.
     *
     * @param actual the running cluster, may be {@code null}
     * @return the soft assertion
     */
    @CheckReturnValue
    public ClusterAssert assertThat(SimulatedCluster actual) {
        return assertThat(actual == null ? null : actual.client());
    }

    /**
     * Creates a soft assertion on a recorded rollout.
     *
     * @param actual the trace, may be {@code null}
     * @return the soft assertion
     */
    @CheckReturnValue
    public RolloutTraceAssert assertThat(RolloutTrace actual) {
        return soft(RolloutTraceAssert.class, RolloutTrace.class, actual);
    }
}
