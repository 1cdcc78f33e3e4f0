package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A fake cluster with every controller registered, plus Deployment helpers for the tests. */
final class Sim {

    static final String NS = "default";

    final FakeCluster cluster = new FakeCluster();
    final Controllers controllers;

    Sim() {
        this(new ControllerSettings(3, Duration.ofMillis(10)));
    }

    Sim(ControllerSettings settings) {
        controllers = Controllers.create(cluster, settings);
        cluster.register(controllers.all());
        controllers.start();
    }

    static Deployment deployment(String name, int replicas, Object maxSurge, Object maxUnavailable, String image) {
        return new DeploymentBuilder()
            .withNewMetadata().withName(name).withNamespace(NS).endMetadata()
            .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                    .withMaxSurge(new IntOrString(maxSurge)).withMaxUnavailable(new IntOrString(maxUnavailable))
                .endRollingUpdate().endStrategy()
                .withNewTemplate()
                    .withNewMetadata().addToLabels("app", name).endMetadata()
                    .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec()
                .endTemplate()
            .endSpec()
            .build();
    }

    Deployment get(String name) {
        return cluster.get(Deployment.class, NS, name).orElseThrow();
    }

    /** Changes the Deployment through the main resource (generation bump), re-reading it first. */
    void edit(String name, Consumer<Deployment> change) {
        Deployment d = get(name);
        change.accept(d);
        d.getMetadata().setResourceVersion(null);
        cluster.update(d);
    }

    void setImage(String name, String image) {
        edit(name, d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image));
    }

    /** {@code kubectl rollout status} reaching "successfully rolled out" (§9.1). */
    boolean rolledOut(String name) {
        Deployment d = get(name);
        if (d.getStatus() == null || d.getStatus().getObservedGeneration() == null
            || d.getMetadata().getGeneration() > d.getStatus().getObservedGeneration()) {
            return false;
        }
        int replicas = d.getSpec().getReplicas();
        int updated = Meta.orZero(d.getStatus().getUpdatedReplicas());
        return updated >= replicas && Meta.orZero(d.getStatus().getReplicas()) <= updated
            && Meta.orZero(d.getStatus().getAvailableReplicas()) >= updated;
    }

    /** Creates the Deployment and runs until it has fully rolled out (the worked examples' initial state). */
    void createAndRollOut(Deployment d) {
        cluster.create(d);
        cluster.runUntil(() -> rolledOut(Meta.name(d)) && progressingReason(Meta.name(d)).equals("NewReplicaSetAvailable"),
            Duration.ofMinutes(1), "initial rollout of " + Meta.name(d));
    }

    String progressingReason(String name) {
        DeploymentCondition c = DeploymentController.condition(DeploymentController.status(get(name)), "Progressing");
        return c == null ? "" : c.getReason();
    }

    DeploymentCondition condition(String name, String type) {
        return DeploymentController.condition(DeploymentController.status(get(name)), type);
    }

    List<ReplicaSet> replicaSets() {
        return cluster.list(ReplicaSet.class, NS);
    }

    ReplicaSet replicaSetWithImage(String image) {
        for (ReplicaSet rs : replicaSets()) {
            if (image.equals(rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())) {
                return rs;
            }
        }
        return null;
    }

    int specOf(String image) {
        ReplicaSet rs = replicaSetWithImage(image);
        return rs == null ? 0 : rs.getSpec().getReplicas();
    }

    List<Pod> pods() {
        return cluster.list(Pod.class, NS);
    }

    List<String> eventMessages(String reason) {
        List<String> out = new ArrayList<>();
        for (Event e : cluster.list(Event.class, NS)) {
            if (reason.equals(e.getReason())) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    List<Event> events() {
        List<Event> events = cluster.list(Event.class, NS);
        events.sort((a, b) -> a.getMetadata().getName().compareTo(b.getMetadata().getName()));
        return events;
    }

    /** Records the (new, old) spec pair after every task in which it changed. */
    List<String> recordSizes(String newImage, String oldImage) {
        List<String> sizes = new ArrayList<>();
        cluster.afterEachTask(() -> {
            String pair = "(" + specOf(newImage) + ", " + specOf(oldImage) + ")";
            if (replicaSetWithImage(newImage) != null && (sizes.isEmpty() || !sizes.get(sizes.size() - 1).equals(pair))) {
                sizes.add(pair);
            }
        });
        return sizes;
    }
}
