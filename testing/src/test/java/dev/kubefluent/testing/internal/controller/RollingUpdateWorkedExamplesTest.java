package dev.kubefluent.testing.internal.controller;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Deployment controller: the worked examples of rollout-semantics.md as ReplicaSet sizes (new, old)")
class RollingUpdateWorkedExamplesTest {

    private final Sim sim = new Sim();

    private List<String> rollOut(int replicas, Object surge, Object unavailable) {
        sim.createAndRollOut(Sim.deployment("web", replicas, surge, unavailable, "web:1"));
        List<String> sizes = sim.recordSizes("web:2", "web:1");
        sim.setImage("web", "web:2");
        sim.cluster.runUntil(() -> sim.rolledOut("web"), Duration.ofMinutes(1), "rollout to web:2");
        return sizes;
    }

    @Test
    @DisplayName("10 replicas at 25%/25%: the first sync creates new=3 and scales old 10 to 8")
    void ten_replicas_25_25() {
        assertThat(rollOut(10, "25%", "25%")).containsExactly("(3, 8)", "(5, 8)", "(5, 3)", "(10, 3)", "(10, 0)");
    }

    @Test
    @DisplayName("3 replicas at maxSurge 1 / maxUnavailable 0: one pod at a time, new first")
    void three_replicas_surge_1_unavailable_0() {
        assertThat(rollOut(3, 1, 0)).containsExactly("(1, 3)", "(1, 2)", "(2, 2)", "(2, 1)", "(3, 1)", "(3, 0)");
    }

    @Test
    @DisplayName("3 replicas at 0%/25%: the both-zero rule makes maxUnavailable 1, so old pods go first")
    void both_zero_rule() {
        assertThat(rollOut(3, "0%", "25%")).containsExactly("(0, 2)", "(1, 2)", "(1, 1)", "(2, 1)", "(2, 0)", "(3, 0)");
    }

    @Test
    @DisplayName("maxUnavailable 100% with surge 0 removes every old pod in the first sync")
    void max_unavailable_100() {
        assertThat(rollOut(4, 0, "100%")).containsExactly("(0, 0)", "(4, 0)");
    }

    @Test
    @DisplayName("the rollout writes the revision annotations and the events of the real controller")
    void annotations_and_events() {
        rollOut(3, 1, 0);
        var newRS = sim.replicaSetWithImage("web:2");
        var oldRS = sim.replicaSetWithImage("web:1");
        assertThat(newRS.getMetadata().getName()).matches("web-[bcdfghjklmnpqrstvwxz2456789]+");
        assertThat(newRS.getMetadata().getLabels()).containsEntry(PodTemplateHash.LABEL,
            newRS.getMetadata().getName().substring(4));
        assertThat(newRS.getMetadata().getAnnotations())
            .containsEntry("deployment.kubernetes.io/revision", "2")
            .containsEntry("deployment.kubernetes.io/desired-replicas", "3")
            .containsEntry("deployment.kubernetes.io/max-replicas", "4");
        assertThat(oldRS.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");
        assertThat(sim.get("web").getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "2");
        assertThat(sim.get("web").getMetadata().getGeneration()).isEqualTo(2L);
        String n = newRS.getMetadata().getName();
        String o = oldRS.getMetadata().getName();
        assertThat(sim.eventMessages("ScalingReplicaSet")).containsSubsequence(
            "Scaled up replica set " + o + " to 3",
            "Scaled up replica set " + n + " to 1",
            "Scaled down replica set " + o + " to 2 from 3",
            "Scaled up replica set " + n + " to 2 from 1",
            "Scaled down replica set " + o + " to 1 from 2",
            "Scaled up replica set " + n + " to 3 from 2",
            "Scaled down replica set " + o + " to 0 from 1");
        var status = sim.get("web").getStatus();
        assertThat(status.getObservedGeneration()).isEqualTo(2L);
        assertThat(status.getReplicas()).isEqualTo(3);
        assertThat(status.getUpdatedReplicas()).isEqualTo(3);
        assertThat(status.getReadyReplicas()).isEqualTo(3);
        assertThat(status.getAvailableReplicas()).isEqualTo(3);
        assertThat(status.getUnavailableReplicas()).isNull();
        assertThat(sim.condition("web", "Available").getReason()).isEqualTo("MinimumReplicasAvailable");
        assertThat(sim.condition("web", "Progressing").getMessage())
            .isEqualTo("ReplicaSet \"" + n + "\" has successfully progressed.");
    }
}
