package dev.kubefluent.testing.assertions;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;

/**
 * fabric8's CRUD mock API server over plain HTTP, holding the live state the cluster assertions read: a Deployment
 * with status and revision, and its pods.
 */
final class CrudCluster implements AutoCloseable {

    private final KubernetesMockServer server;
    final KubernetesClient client;

    CrudCluster() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
    }

    /** Stores {@code shop/web} (3 replicas) at revision 2 with 3 available replicas and two conditions. */
    Deployment webAtRevision2() {
        Deployment web = Fixtures.web();
        web.getMetadata().setAnnotations(new HashMap<>(java.util.Map.of("deployment.kubernetes.io/revision", "2")));
        web.setStatus(new DeploymentStatusBuilder().withReplicas(3).withAvailableReplicas(3).withUpdatedReplicas(3)
                .withConditions(
                        new DeploymentConditionBuilder().withType("Available").withStatus("True")
                                .withReason("MinimumReplicasAvailable").build(),
                        new DeploymentConditionBuilder().withType("Progressing").withStatus("True")
                                .withReason("NewReplicaSetAvailable").build())
                .build());
        return client.resource(web).create();
    }

    /** Stores a pod of {@code shop/web} in the given phase, running the given image. */
    Pod pod(String name, String image, String phase) {
        return client.resource(new PodBuilder()
                .withNewMetadata().withName(name).withNamespace("shop")
                .addToLabels(Fixtures.NAME_LABEL, "web").addToLabels("pod-template-hash", "abc").endMetadata()
                .withNewSpec().withContainers(new ContainerBuilder().withName("web").withImage(image).build()).endSpec()
                .withNewStatus().withPhase(phase).endStatus()
                .build()).create();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
