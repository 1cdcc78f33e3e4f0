package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.error.ShouldExistInCluster.shouldExistInCluster;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * Assertions on the live state of a cluster, read through a fabric8 client: the simulated cluster of a test, or a
 * real one.
 *
 * <pre>{@code
 * assertThat(cluster.client()).deployment("shop", "web")
 *         .hasAvailableReplicas(3).hasRevision(2).hasCondition("Available", "True")
 *         .runsImages("ghcr.io/acme/web:1.4.2");
 * }</pre>
 *
 * @since 0.1.0
 */
public class ClusterAssert extends AbstractKubeAssert<ClusterAssert, KubernetesClient> {

    /**
     * Creates an assertion; prefer {@link KubeAssertions#assertThat(KubernetesClient)}.
     *
     * @param actual the client of the cluster under test, may be {@code null} (every assertion then fails)
     */
    public ClusterAssert(KubernetesClient actual) {
        super(actual, ClusterAssert.class);
    }

    /**
     * Navigates to the live Deployment of the given namespace and name. Each assertion on it reads the cluster again.
     *
     * @param namespace the namespace; must not be {@code null}
     * @param name      the Deployment's name; must not be {@code null}
     * @return an assertion on the live Deployment
     * @throws IllegalArgumentException if an argument is {@code null}
     * @throws AssertionError if the cluster has no such Deployment
     */
    @CheckReturnValue
    public LiveDeploymentAssert deployment(String namespace, String name) {
        Checks.notNull(namespace, "namespace");
        Checks.notNull(name, "name");
        if (skipped) {
            return skippedChild(LiveDeploymentAssert.class, Deployment.class);
        }
        if (actual == null) {
            navigationFailed(assertionError(org.assertj.core.error.ShouldNotBeNull.shouldNotBeNull()));
            return skippedChild(LiveDeploymentAssert.class, Deployment.class);
        }
        Deployment live = actual.apps().deployments().inNamespace(namespace).withName(name).get();
        if (live == null) {
            navigationFailed(assertionError(shouldExistInCluster(ResourceRef.of("Deployment", namespace, name),
                    String.valueOf(actual.getMasterUrl()))));
            return skippedChild(LiveDeploymentAssert.class, Deployment.class);
        }
        LiveDeploymentAssert child = child(LiveDeploymentAssert.class, Deployment.class, live, LiveDeploymentAssert::new);
        child.client = actual;
        return child;
    }
}
