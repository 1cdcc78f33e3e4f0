package dev.kubefluent.testing.internal.controller;

import dev.kubefluent.testing.sim.Pods;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Endpoints, StatefulSet, DaemonSet and garbage collection")
class WorkloadControllersTest {

    private final Sim sim = new Sim();

    private static Service service(String name, Object targetPort) {
        return new ServiceBuilder()
            .withNewMetadata().withName(name).withNamespace(Sim.NS).endMetadata()
            .withNewSpec().addToSelector("app", name)
                .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString(targetPort)).endPort()
            .endSpec()
            .build();
    }

    @Test
    @DisplayName("Endpoints and the EndpointSlice list ready pods as ready and others as not ready, resolving named ports")
    void endpoints() {
        Deployment d = Sim.deployment("web", 3, 1, 0, "web:1");
        d.getSpec().getTemplate().getSpec().getContainers().get(0).setPorts(List.of(
            new io.fabric8.kubernetes.api.model.ContainerPortBuilder().withName("http").withContainerPort(8080).build()));
        sim.createAndRollOut(d);
        sim.cluster.create(service("web", "http"));
        sim.cluster.advance(Duration.ofSeconds(1));
        Endpoints endpoints = sim.cluster.get(Endpoints.class, Sim.NS, "web").orElseThrow();
        assertThat(endpoints.getSubsets()).hasSize(1);
        assertThat(endpoints.getSubsets().get(0).getAddresses()).extracting(EndpointAddress::getIp)
            .containsExactlyInAnyOrderElementsOf(sim.pods().stream().map(p -> p.getStatus().getPodIP()).toList());
        assertThat(endpoints.getSubsets().get(0).getPorts().get(0).getPort()).isEqualTo(8080);
        List<EndpointSlice> slices = sim.cluster.list(EndpointSlice.class, Sim.NS);
        assertThat(slices).hasSize(1);
        EndpointSlice slice = slices.get(0);
        assertThat(slice.getMetadata().getName()).startsWith("web-");
        assertThat(slice.getMetadata().getLabels()).containsEntry("kubernetes.io/service-name", "web")
            .containsEntry("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io");
        assertThat(slice.getEndpoints()).hasSize(3).allMatch(e -> e.getConditions().getReady());

        new Pods(sim.controllers.podBehaviors()).withImage("web:2").neverReady();
        sim.setImage("web", "web:2");
        sim.cluster.advance(Duration.ofSeconds(5));
        endpoints = sim.cluster.get(Endpoints.class, Sim.NS, "web").orElseThrow();
        assertThat(endpoints.getSubsets().get(0).getAddresses()).hasSize(3);
        assertThat(endpoints.getSubsets().get(0).getNotReadyAddresses()).hasSize(1);
        slice = sim.cluster.list(EndpointSlice.class, Sim.NS).get(0);
        assertThat(slice.getEndpoints()).extracting(e -> e.getConditions().getReady()).containsOnly(true, false).hasSize(4);

        sim.cluster.delete(Service.class, Sim.NS, "web");
        sim.cluster.advance(Duration.ofSeconds(1));
        assertThat(sim.cluster.get(Endpoints.class, Sim.NS, "web")).isEmpty();
        assertThat(sim.cluster.list(EndpointSlice.class, Sim.NS)).isEmpty();
    }

    private static StatefulSet statefulSet(int replicas, String image) {
        return new StatefulSetBuilder()
            .withNewMetadata().withName("db").withNamespace(Sim.NS).endMetadata()
            .withNewSpec().withReplicas(replicas).withServiceName("db")
                .withNewSelector().addToMatchLabels("app", "db").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "db").endMetadata()
                    .withNewSpec().addNewContainer().withName("db").withImage(image).endContainer().endSpec()
                .endTemplate()
            .endSpec()
            .build();
    }

    private StatefulSet getSet() {
        return sim.cluster.get(StatefulSet.class, Sim.NS, "db").orElseThrow();
    }

    @Test
    @DisplayName("a StatefulSet creates pods in ordinal order and updates them from the highest ordinal down")
    void stateful_set() {
        List<String> created = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        sim.cluster.register(List.of((type, before, after) -> {
            if (after instanceof Pod && "ADDED".equals(type)) {
                created.add(after.getMetadata().getName() + "@" + sim.cluster.now().toEpochMilli() % 100_000);
            } else if (before instanceof Pod && "DELETED".equals(type)) {
                deleted.add(before.getMetadata().getName());
            }
        }));
        sim.cluster.create(statefulSet(3, "db:1"));
        sim.cluster.runUntil(() -> getSet().getStatus() != null && Meta.orZero(getSet().getStatus().getReadyReplicas()) == 3, Duration.ofMinutes(1), "3 ready");
        assertThat(created).containsExactly("db-0@0", "db-1@10", "db-2@20");
        StatefulSet set = getSet();
        assertThat(set.getStatus().getCurrentRevision()).isEqualTo(set.getStatus().getUpdateRevision()).startsWith("db-");
        assertThat(sim.pods()).allMatch(p -> p.getSpec().getHostname().equals(p.getMetadata().getName())
            && "db".equals(p.getSpec().getSubdomain()));

        String oldRevision = set.getStatus().getCurrentRevision();
        StatefulSet edited = getSet();
        edited.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("db:2");
        edited.getMetadata().setResourceVersion(null);
        sim.cluster.update(edited);
        sim.cluster.advance(Duration.ofMillis(5));
        assertThat(getSet().getStatus().getUpdateRevision()).isNotEqualTo(oldRevision);
        assertThat(getSet().getStatus().getCurrentRevision()).isEqualTo(oldRevision);
        sim.cluster.runUntil(() -> getSet().getStatus().getUpdateRevision().equals(getSet().getStatus().getCurrentRevision()),
            Duration.ofMinutes(1), "rolling update");
        assertThat(deleted).containsExactly("db-2", "db-1", "db-0");
        assertThat(getSet().getStatus().getUpdatedReplicas()).isEqualTo(3);
        assertThat(sim.pods()).allMatch(p -> p.getSpec().getContainers().get(0).getImage().equals("db:2"));
    }

    private DaemonSet getDaemonSet() {
        return sim.cluster.get(DaemonSet.class, Sim.NS, "agent").orElseThrow();
    }

    @Test
    @DisplayName("a DaemonSet runs one pod per node and rolls them one node at a time")
    void daemon_set() {
        sim.cluster.create(new DaemonSetBuilder()
            .withNewMetadata().withName("agent").withNamespace(Sim.NS).endMetadata()
            .withNewSpec().withNewSelector().addToMatchLabels("app", "agent").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "agent").endMetadata()
                    .withNewSpec().addNewContainer().withName("agent").withImage("agent:1").endContainer().endSpec()
                .endTemplate()
            .endSpec()
            .build());
        sim.cluster.runUntil(() -> getDaemonSet().getStatus() != null
            && Meta.orZero(getDaemonSet().getStatus().getNumberAvailable()) == 3, Duration.ofMinutes(1), "3 available");
        assertThat(sim.pods()).extracting(p -> p.getSpec().getNodeName())
            .containsExactlyInAnyOrder("node-1", "node-2", "node-3");
        assertThat(getDaemonSet().getStatus().getDesiredNumberScheduled()).isEqualTo(3);
        assertThat(getDaemonSet().getStatus().getUpdatedNumberScheduled()).isEqualTo(3);

        List<Integer> unavailable = new ArrayList<>();
        sim.cluster.afterEachTask(() -> unavailable.add(3 - (int) sim.pods().stream().filter(Meta::isPodReady).count()));
        DaemonSet edited = getDaemonSet();
        edited.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("agent:2");
        edited.getMetadata().setResourceVersion(null);
        sim.cluster.update(edited);
        sim.cluster.runUntil(() -> {
            DaemonSet ds = getDaemonSet();
            return ds.getStatus().getObservedGeneration() == 2L && Meta.orZero(ds.getStatus().getUpdatedNumberScheduled()) == 3
                && Meta.orZero(ds.getStatus().getNumberAvailable()) == 3;
        }, Duration.ofMinutes(1), "DaemonSet rollout");
        assertThat(unavailable).allMatch(n -> n <= 1);
        assertThat(sim.pods()).hasSize(3).allMatch(p -> p.getSpec().getContainers().get(0).getImage().equals("agent:2"));
    }

    @Test
    @DisplayName("deleting a Deployment deletes its ReplicaSets and their pods")
    void garbage_collection() {
        sim.createAndRollOut(Sim.deployment("web", 3, 1, 0, "web:1"));
        sim.cluster.delete(Deployment.class, Sim.NS, "web");
        sim.cluster.advance(Duration.ofSeconds(1));
        assertThat(sim.cluster.list(ReplicaSet.class, Sim.NS)).isEmpty();
        assertThat(sim.pods()).isEmpty();
    }

    @Test
    @DisplayName("the ReplicaSet controller sets a blocking controller reference and deletes not-ready pods first")
    void replica_set_pods() {
        sim.createAndRollOut(Sim.deployment("web", 3, 1, 0, "web:1"));
        Pod pod = sim.pods().get(0);
        var ref = pod.getMetadata().getOwnerReferences().get(0);
        assertThat(ref.getKind()).isEqualTo("ReplicaSet");
        assertThat(ref.getController()).isTrue();
        assertThat(ref.getBlockOwnerDeletion()).isTrue();
        assertThat(pod.getMetadata().getLabels()).containsKey("pod-template-hash");
        // a not-ready pod goes first when scaling down
        new Pods(sim.controllers.podBehaviors()).withLabel("extra", "x").neverReady();
        Pod extra = Meta.copy(pod);
        extra.getMetadata().setName(null);
        extra.getMetadata().setGenerateName("web-extra-");
        extra.getMetadata().getLabels().put("extra", "x");
        extra.getSpec().setNodeName(null);
        extra.setStatus(null);
        sim.cluster.create(extra);
        sim.cluster.advance(Duration.ofSeconds(1));
        assertThat(sim.pods()).hasSize(3).noneMatch(p -> p.getMetadata().getName().startsWith("web-extra-"));
    }
}
