package dev.kubefluent.core.rollout;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A minimal stand-in for the Deployment and ReplicaSet controllers on the mock API server: for each new generation
 * it finds or creates the ReplicaSet of the template (revision = max + 1, as the real controller numbers them), and
 * either completes the rollout in one status write or, when an image contains {@code broken}, creates a pod stuck in
 * {@code ImagePullBackOff} and leaves the status incomplete.
 */
final class FakeDeploymentController implements AutoCloseable {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final KubernetesClient client;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Watch watch;

    FakeDeploymentController(KubernetesClient client, String namespace) {
        this.client = client;
        this.watch = client.apps().deployments().inNamespace(namespace).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Deployment d) {
                if (action != Action.DELETED) {
                    executor.execute(() -> sync(d.getMetadata().getNamespace(), d.getMetadata().getName()));
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        });
    }

    private void sync(String ns, String name) {
        Deployment d = client.apps().deployments().inNamespace(ns).withName(name).get();
        if (d == null || Boolean.TRUE.equals(d.getSpec().getPaused())) {
            return;
        }
        long generation = d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
        if (d.getStatus() != null && d.getStatus().getObservedGeneration() != null
                && d.getStatus().getObservedGeneration() >= generation) {
            return;
        }
        PodTemplateSpec template = d.getSpec().getTemplate();
        String hash = Integer.toHexString(JSON.asJson(DeploymentHistory.stripHash(template)).hashCode());
        List<ReplicaSet> owned = DeploymentHistory.owned(d, client.apps().replicaSets().inNamespace(ns).list().getItems());
        long max = owned.stream().mapToLong(DeploymentHistory::revision).max().orElse(0);
        String rsName = name + "-" + hash;
        ReplicaSet rs = owned.stream().filter(r -> r.getMetadata().getName().equals(rsName)).findFirst().orElse(null);
        long revision;
        if (rs == null) {
            revision = max + 1;
            PodTemplateSpec withHash = JSON.clone(template);
            Map<String, String> labels = new LinkedHashMap<>(withHash.getMetadata().getLabels());
            labels.put("pod-template-hash", hash);
            withHash.getMetadata().setLabels(labels);
            client.apps().replicaSets().inNamespace(ns).resource(new ReplicaSetBuilder().withNewMetadata().withName(rsName)
                    .withLabels(withHash.getMetadata().getLabels())
                    .addToAnnotations("deployment.kubernetes.io/revision", Long.toString(revision))
                    .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName(name)
                    .withUid(d.getMetadata().getUid()).withController(true).endOwnerReference().endMetadata()
                    .withNewSpec().withReplicas(d.getSpec().getReplicas()).withTemplate(withHash).endSpec().build()).create();
        } else {
            revision = DeploymentHistory.revision(rs) < max ? max + 1 : DeploymentHistory.revision(rs);
            client.apps().replicaSets().inNamespace(ns).withName(rsName).edit(r -> {
                r.getMetadata().getAnnotations().put("deployment.kubernetes.io/revision", Long.toString(revision));
                return r;
            });
        }
        int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        boolean broken = template.getSpec().getContainers().stream().anyMatch(c -> c.getImage().contains("broken"));
        var status = new DeploymentStatusBuilder().withObservedGeneration(generation);
        if (broken) {
            String image = template.getSpec().getContainers().get(0).getImage();
            client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName(rsName + "-p1")
                    .addToLabels(template.getMetadata().getLabels()).addToLabels("pod-template-hash", hash)
                    .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName(rsName)
                    .withUid("rs-" + hash).withController(true).endOwnerReference().endMetadata()
                    .withNewStatus().withPhase("Pending").addToContainerStatuses(new ContainerStatusBuilder()
                            .withName(template.getSpec().getContainers().get(0).getName()).withImage(image).withReady(false)
                            .withRestartCount(0).withNewState().withNewWaiting().withReason("ImagePullBackOff")
                            .withMessage("Back-off pulling image \"" + image + "\"").endWaiting().endState().build())
                    .endStatus().build()).createOr(op -> op.update());
            status.withReplicas(replicas + 1).withUpdatedReplicas(1).withReadyReplicas(replicas)
                    .withAvailableReplicas(replicas).withUnavailableReplicas(1);
        } else {
            status.withReplicas(replicas).withUpdatedReplicas(replicas).withReadyReplicas(replicas)
                    .withAvailableReplicas(replicas);
        }
        d.setStatus(status.build());
        d.getMetadata().getAnnotations().put("deployment.kubernetes.io/revision", Long.toString(revision));
        client.apps().deployments().inNamespace(ns).resource(d).updateStatus();
    }

    /** Stops watching and lets a sync in progress finish, so that none is cut off mid-request by the teardown. */
    @Override
    public void close() {
        watch.close();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
