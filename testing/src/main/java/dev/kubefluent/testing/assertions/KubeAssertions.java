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
import org.assertj.core.annotation.CheckReturnValue;

/**
 * The entry point for all Kubefluent assertions: one {@code assertThat} per Kubernetes object or Kubefluent value,
 * made for a static import next to AssertJ's own {@code Assertions.assertThat}.
 *
 * <pre>{@code
 * import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
 *
 * assertThat(web).hasReplicas(3).hasContainer("web").hasLabel("app.kubernetes.io/name", "web");
 * assertThat(web).container("web").hasImage("ghcr.io/acme/web:1.4.2").exposesPort("http", 8080)
 *                .hasReadinessProbe().hasCpuRequest("250m");
 * assertThat(svc).selects(web).routesPort(80, "http");
 * }</pre>
 *
 * <p>Failure messages follow AssertJ's Expecting / to / but layout and name the object, the field path and the
 * actual value. To collect several failures instead of stopping at the first, use {@link KubeSoftAssertions}.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public class KubeAssertions {

    /** No instances: use the static methods. */
    protected KubeAssertions() {
        throw new UnsupportedOperationException("KubeAssertions is a static entry point; use assertThat(...)");
    }

    /**
     * Creates an assertion on a Deployment manifest.
     *
     * @param actual the Deployment, may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static DeploymentAssert assertThat(Deployment actual) {
        return new DeploymentAssert(actual);
    }

    /**
     * Creates an assertion on a StatefulSet manifest.
     *
     * @param actual the StatefulSet, may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static StatefulSetAssert assertThat(StatefulSet actual) {
        return new StatefulSetAssert(actual);
    }

    /**
     * Creates an assertion on a DaemonSet manifest.
     *
     * @param actual the DaemonSet, may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static DaemonSetAssert assertThat(DaemonSet actual) {
        return new DaemonSetAssert(actual);
    }

    /**
     * Creates an assertion on a Pod manifest.
     *
     * @param actual the Pod, may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static PodAssert assertThat(Pod actual) {
        return new PodAssert(actual);
    }

    /**
     * Creates an assertion on a Service manifest.
     *
     * @param actual the Service, may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static ServiceAssert assertThat(Service actual) {
        return new ServiceAssert(actual);
    }

    /**
     * Creates an assertion on a container on its own; messages name it {@code Container "<name>"}. To name the owning
     * object and the field path instead, navigate from it: {@code assertThat(web).container("web")}.
     *
     * @param actual the container, may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static ContainerAssert assertThat(Container actual) {
        return new ContainerAssert(actual);
    }

    /**
     * Creates an assertion on a manifest set: validity, policy profiles, contents and golden-file snapshots.
     *
     * <pre>{@code
     * assertThat(set).isValid().containsDeployment("web");
     * }</pre>
     *
     * @param actual the set, may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static ManifestSetAssert assertThat(ManifestSet actual) {
        return new ManifestSetAssert(actual);
    }

    /**
     * Creates an assertion on a validation report.
     *
     * <pre>{@code
     * assertThat(Validator.defaults().validate(set)).hasNoErrors();
     * }</pre>
     *
     * @param actual the report, may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static ValidationReportAssert assertThat(ValidationReport actual) {
        return new ValidationReportAssert(actual);
    }

    /**
     * Creates an assertion on how a rollout ended.
     *
     * <pre>{@code
     * assertThat(result).wasRolledBack().hasMessageContaining("ImagePullBackOff");
     * }</pre>
     *
     * @param actual the result, may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static RolloutResultAssert assertThat(RolloutResult actual) {
        return new RolloutResultAssert(actual);
    }

    /**
     * Creates an assertion on the live state of a cluster, read through the given client: the simulated cluster's
     * {@code cluster.client()}, or a real cluster's.
     *
     * <pre>{@code
     * assertThat(cluster.client()).deployment("shop", "web").hasAvailableReplicas(3).runsImages("ghcr.io/acme/web:1.4.2");
     * }</pre>
     *
     * @param actual the cluster's client, may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static ClusterAssert assertThat(KubernetesClient actual) {
        return new ClusterAssert(actual);
    }

    /**
     * Creates an assertion on the live state of a simulated cluster: its Deployments' available replicas, revisions
     * and conditions, and the images their running pods use.
     *
     * <pre>{@code
     * assertThat(cluster).deployment("shop", "web").hasAvailableReplicas(3).hasRevision(2)
     *                    .runsImages("ghcr.io/acme/web:1.4.2");
     * }</pre>
     *
     * @param actual the running cluster, may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static ClusterAssert assertThat(SimulatedCluster actual) {
        return new ClusterAssert(actual == null ? null : actual.client());
    }

    /**
     * Creates an assertion on a recorded rollout: the rolling-update bounds it kept.
     *
     * <pre>{@code
     * assertThat(trace).neverExceededMaxSurge().neverFellBelowMinAvailable();
     * }</pre>
     *
     * @param actual the trace, may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static RolloutTraceAssert assertThat(RolloutTrace actual) {
        return new RolloutTraceAssert(actual);
    }
}
