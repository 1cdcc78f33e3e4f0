package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.error.ShouldExistInCluster.shouldExistInCluster;
import static dev.kubefluent.testing.assertions.error.ShouldHaveCondition.shouldHaveCondition;
import static dev.kubefluent.testing.assertions.error.ShouldHaveReplicas.shouldHaveReplicas;
import static dev.kubefluent.testing.assertions.error.ShouldHaveRevision.shouldHaveRevision;
import static dev.kubefluent.testing.assertions.error.ShouldRunImages.shouldRunImages;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Assertions on a Deployment as it is in a cluster now: its status, its rollout revision, and the images its running
 * pods use. Every assertion reads the cluster again, so a chain sees the latest state.
 *
 * <pre>{@code
 * assertThat(cluster.client()).deployment("shop", "web")
 *         .hasAvailableReplicas(3).hasRevision(2).hasCondition("Available", "True")
 *         .runsImages("ghcr.io/acme/web:1.4.2");
 * }</pre>
 *
 * @since 0.1.0
 */
public class LiveDeploymentAssert extends AbstractKubeAssert<LiveDeploymentAssert, Deployment> {

    /** The annotation in which the Deployment controller records the rollout revision. */
    static final String REVISION_ANNOTATION = "deployment.kubernetes.io/revision";

    /** Reads the cluster; {@code null} when the assertion was built around a Deployment object alone. */
    KubernetesClient client;

    /**
     * Creates an assertion on a Deployment object as read from a cluster; prefer
     * {@code assertThat(client).deployment(namespace, name)}, which reads the cluster again for every assertion.
     *
     * @param actual the Deployment as read from the cluster, may be {@code null} (every assertion then fails)
     */
    public LiveDeploymentAssert(Deployment actual) {
        super(actual, LiveDeploymentAssert.class);
    }

    /**
     * Verifies {@code status.availableReplicas}: the pods ready for at least {@code minReadySeconds}.
     *
     * <p>Assertion succeeds: {@code assertThat(client).deployment("shop", "web").hasAvailableReplicas(3);} once the
     * rollout of 3 replicas completed. Assertion fails: the same call while one pod is still not ready.
     *
     * @param expected the expected count; an unset field counts as 0
     * @return this assertion for method chaining
     * @throws AssertionError if the count differs, or the Deployment is gone
     */
    public LiveDeploymentAssert hasAvailableReplicas(int expected) {
        Deployment live = live();
        if (live == null) {
            return myself;
        }
        Integer available = live.getStatus() == null ? null : live.getStatus().getAvailableReplicas();
        if ((available == null ? 0 : available) != expected) {
            throwAssertionError(shouldHaveReplicas(ResourceRef.of(live), "status.availableReplicas", expected, available));
        }
        return myself;
    }

    /**
     * Verifies the rollout revision, the {@code deployment.kubernetes.io/revision} annotation (1 after the first
     * rollout, one more for each rollout of a new pod template).
     *
     * <p>Assertion succeeds: {@code assertThat(client).deployment("shop", "web").hasRevision(2);} after one image
     * update. Assertion fails: {@code hasRevision(3)} at that point.
     *
     * @param expected the expected revision
     * @return this assertion for method chaining
     * @throws AssertionError if the revision differs or is not set, or the Deployment is gone
     */
    public LiveDeploymentAssert hasRevision(int expected) {
        Deployment live = live();
        if (live == null) {
            return myself;
        }
        Map<String, String> annotations = live.getMetadata().getAnnotations();
        String revision = annotations == null ? null : annotations.get(REVISION_ANNOTATION);
        if (!String.valueOf(expected).equals(revision)) {
            throwAssertionError(shouldHaveRevision(ResourceRef.of(live),
                    "metadata.annotations[\"" + REVISION_ANNOTATION + "\"]", expected, revision));
        }
        return myself;
    }

    /**
     * Verifies that {@code status.conditions} holds a condition of the given type with the given status.
     *
     * <p>Assertion succeeds: {@code assertThat(client).deployment("shop", "web").hasCondition("Available", "True");}
     * for a Deployment with minimum availability. Assertion fails: the same call while it has
     * {@code Available=False}.
     *
     * @param type   the condition type, e.g. {@code Available} or {@code Progressing}; must not be {@code null}
     * @param status {@code True}, {@code False} or {@code Unknown}; must not be {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if an argument is {@code null}
     * @throws AssertionError if no condition has that type and status, or the Deployment is gone
     */
    public LiveDeploymentAssert hasCondition(String type, String status) {
        Checks.notNull(type, "condition type");
        Checks.notNull(status, "condition status");
        Deployment live = live();
        if (live == null) {
            return myself;
        }
        List<DeploymentCondition> conditions = live.getStatus() == null || live.getStatus().getConditions() == null
                ? List.of() : live.getStatus().getConditions();
        if (conditions.stream().noneMatch(c -> type.equals(c.getType()) && status.equals(c.getStatus()))) {
            throwAssertionError(shouldHaveCondition(ResourceRef.of(live), "status.conditions", type + "=" + status,
                    conditions.stream().map(c -> c.getType() + "=" + c.getStatus()
                            + (c.getReason() == null ? "" : " (" + c.getReason() + ")")).toList()));
        }
        return myself;
    }

    /**
     * Verifies that the Deployment's running pods (phase {@code Running}, not terminating, selected by
     * {@code spec.selector.matchLabels}) use exactly the given container images, no more and no fewer: during a
     * rollout old and new images show up together.
     *
     * <p>Assertion succeeds: {@code assertThat(client).deployment("shop", "web").runsImages("ghcr.io/acme/web:1.4.2");}
     * once every old pod is gone. Assertion fails: the same call while a pod still runs {@code ghcr.io/acme/web:1.4.1}.
     *
     * @param images the images; at least one, none {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if no image is given or one is {@code null}
     * @throws IllegalStateException    if this assertion was not created from a cluster
     * @throws AssertionError if the running pods use other images, or the Deployment is gone
     */
    public LiveDeploymentAssert runsImages(String... images) {
        Checks.notNull(images, "images");
        if (images.length == 0) {
            throw new IllegalArgumentException("images must not be empty");
        }
        Arrays.stream(images).forEach(i -> Checks.notNull(i, "image"));
        if (client == null && !skipped) {
            throw new IllegalStateException("runsImages() reads the pods from the cluster: start from"
                    + " assertThat(client).deployment(namespace, name)");
        }
        Deployment live = live();
        if (live == null) {
            return myself;
        }
        List<Pod> running = runningPods(live);
        Set<String> actual = running.stream().flatMap(p -> p.getSpec().getContainers().stream())
                .map(Container::getImage).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(Arrays.asList(images));
        if (!actual.equals(expected)) {
            throwAssertionError(shouldRunImages(ResourceRef.of(live), expected, actual, running.stream()
                    .map(p -> p.getMetadata().getName() + ": " + p.getSpec().getContainers().stream()
                            .map(Container::getImage).toList())
                    .sorted().toList()));
        }
        return myself;
    }

    private List<Pod> runningPods(Deployment live) {
        Map<String, String> selector = live.getSpec().getSelector() == null
                || live.getSpec().getSelector().getMatchLabels() == null
                ? Map.of() : live.getSpec().getSelector().getMatchLabels();
        if (selector.isEmpty()) {
            return List.of();
        }
        return client.pods().inNamespace(live.getMetadata().getNamespace()).withLabels(selector).list().getItems()
                .stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
                .toList();
    }

    /** Reads the Deployment again; returns {@code null} when the assertion is skipped. */
    private Deployment live() {
        if (skipped) {
            return null;
        }
        isNotNull();
        if (client == null) {
            return actual;
        }
        String namespace = actual.getMetadata().getNamespace();
        String name = actual.getMetadata().getName();
        Deployment live = client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (live == null) {
            throwAssertionError(shouldExistInCluster(ResourceRef.of("Deployment", namespace, name),
                    String.valueOf(client.getMasterUrl())));
        }
        return live;
    }
}
