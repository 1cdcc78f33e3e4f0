package dev.kubefluent.testing.internal.controller;

import dev.kubefluent.testing.sim.PodBehaviorRule;
import dev.kubefluent.testing.sim.Pods;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Deployment controller: failing images, progress deadline, undo, proportional scaling")
class RolloutFailureTest {

    private final Sim sim = new Sim();
    private final Pods pods = new Pods(sim.controllers.podBehaviors());

    @Test
    @DisplayName("a failing image gets stuck at new 5 / old 8 and times out after the progress deadline")
    void failing_image_times_out() {
        sim.createAndRollOut(Sim.deployment("web", 10, "25%", "25%", "web:1"));
        pods.withImage("web:2").failImagePull();
        Instant start = sim.cluster.now();
        sim.setImage("web", "web:2");
        sim.cluster.advance(Duration.ofSeconds(30));
        assertThat(sim.specOf("web:2")).isEqualTo(5);
        assertThat(sim.specOf("web:1")).isEqualTo(8);
        assertThat(sim.progressingReason("web")).isIn("NewReplicaSetCreated", "ReplicaSetUpdated");
        assertThat(sim.condition("web", "Available").getStatus()).isEqualTo("True");

        sim.cluster.advance(Duration.ofSeconds(599 - 30));
        assertThat(sim.progressingReason("web")).isNotEqualTo("ProgressDeadlineExceeded");
        sim.cluster.runUntil(() -> sim.progressingReason("web").equals("ProgressDeadlineExceeded"),
            Duration.ofSeconds(10), "ProgressDeadlineExceeded");
        Duration elapsed = Duration.between(start, sim.cluster.now());
        assertThat(elapsed).isBetween(Duration.ofSeconds(600), Duration.ofSeconds(602));
        DeploymentCondition progressing = sim.condition("web", "Progressing");
        assertThat(progressing.getStatus()).isEqualTo("False");
        assertThat(progressing.getMessage()).isEqualTo(
            "ReplicaSet \"" + sim.replicaSetWithImage("web:2").getMetadata().getName() + "\" has timed out progressing.");
        assertThat(sim.specOf("web:2")).isEqualTo(5);
        assertThat(sim.specOf("web:1")).isEqualTo(8);
    }

    @Test
    @DisplayName("an undo after the timeout re-uses the old ReplicaSet, bumps its revision and completes")
    void undo_reuses_the_old_replica_set() {
        sim.createAndRollOut(Sim.deployment("web", 10, "25%", "25%", "web:1"));
        pods.withImage("web:2").failImagePull();
        sim.setImage("web", "web:2");
        sim.cluster.runUntil(() -> sim.progressingReason("web").equals("ProgressDeadlineExceeded"),
            Duration.ofMinutes(11), "ProgressDeadlineExceeded");
        String v1 = sim.replicaSetWithImage("web:1").getMetadata().getName();

        sim.setImage("web", "web:1");  // what kubectl rollout undo sends: the old template
        sim.cluster.runUntil(() -> sim.rolledOut("web") && sim.specOf("web:2") == 0
            && sim.progressingReason("web").equals("NewReplicaSetAvailable"), Duration.ofMinutes(2), "undo");

        List<ReplicaSet> replicaSets = sim.replicaSets();
        assertThat(replicaSets).hasSize(2);
        ReplicaSet reused = sim.replicaSetWithImage("web:1");
        assertThat(reused.getMetadata().getName()).isEqualTo(v1);
        assertThat(reused.getSpec().getReplicas()).isEqualTo(10);
        assertThat(reused.getMetadata().getAnnotations())
            .containsEntry("deployment.kubernetes.io/revision", "3")
            .containsEntry("deployment.kubernetes.io/revision-history", "1");
        assertThat(sim.get("web").getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "3");
        assertThat(sim.pods()).hasSize(10).allMatch(Meta::isPodReady);
    }

    @Test
    @DisplayName("maxSurge 3 / maxUnavailable 2: scaling 10 to 15 while stuck at old 8 / new 5 gives old 11 / new 7")
    void proportional_scaling() {
        sim.createAndRollOut(Sim.deployment("web", 10, 3, 2, "web:1"));
        pods.withImage("web:2").failImagePull();
        sim.setImage("web", "web:2");
        sim.cluster.advance(Duration.ofSeconds(5));
        assertThat(sim.specOf("web:1")).isEqualTo(8);
        assertThat(sim.specOf("web:2")).isEqualTo(5);
        sim.edit("web", d -> d.getSpec().setReplicas(15));
        sim.cluster.advance(Duration.ofSeconds(5));
        assertThat(sim.specOf("web:1")).isEqualTo(11);
        assertThat(sim.specOf("web:2")).isEqualTo(7);
        ReplicaSet newRS = sim.replicaSetWithImage("web:2");
        assertThat(newRS.getMetadata().getAnnotations())
            .containsEntry("deployment.kubernetes.io/desired-replicas", "15")
            .containsEntry("deployment.kubernetes.io/max-replicas", "18");
    }

    @Test
    @DisplayName("removing the failing-image rule lets the stuck rollout finish at the next pull retry")
    void fixing_the_image_mid_rollout() {
        sim.createAndRollOut(Sim.deployment("web", 4, 1, 0, "web:1"));
        PodBehaviorRule broken = pods.withImage("web:2").failImagePull();
        sim.setImage("web", "web:2");
        sim.cluster.advance(Duration.ofSeconds(30));
        assertThat(sim.specOf("web:2")).isEqualTo(1);
        assertThat(sim.specOf("web:1")).isEqualTo(4);
        broken.remove();
        assertThat(broken.isActive()).isFalse();
        sim.cluster.runUntil(() -> sim.rolledOut("web") && sim.specOf("web:1") == 0, Duration.ofMinutes(2), "rollout");
    }

    @Test
    @DisplayName("Recreate scales the old ReplicaSet to 0 and creates the new one only when no old pod is left")
    void recreate() {
        Deployment d = Sim.deployment("web", 3, 1, 0, "web:1");
        d.getSpec().getStrategy().setType("Recreate");
        d.getSpec().getStrategy().setRollingUpdate(null);
        sim.createAndRollOut(d);
        List<String> sizes = sim.recordSizes("web:2", "web:1");
        List<String> mixed = new java.util.ArrayList<>();
        sim.cluster.afterEachTask(() -> {
            long images = sim.pods().stream().map(p -> p.getSpec().getContainers().get(0).getImage()).distinct().count();
            if (images > 1) {
                mixed.add(sim.cluster.now().toString());
            }
        });
        sim.setImage("web", "web:2");
        sim.cluster.runUntil(() -> sim.rolledOut("web"), Duration.ofMinutes(1), "recreate");
        assertThat(sizes).containsExactly("(3, 0)");
        assertThat(mixed).isEmpty();
        assertThat(sim.pods()).hasSize(3);
    }

    @Test
    @DisplayName("a paused Deployment creates no ReplicaSet for a new template until resumed")
    void paused() {
        sim.createAndRollOut(Sim.deployment("web", 3, 1, 0, "web:1"));
        sim.edit("web", d -> d.getSpec().setPaused(true));
        sim.cluster.advance(Duration.ofSeconds(1));
        assertThat(sim.condition("web", "Progressing").getReason()).isEqualTo("DeploymentPaused");
        assertThat(sim.condition("web", "Progressing").getStatus()).isEqualTo("Unknown");
        sim.setImage("web", "web:2");
        sim.edit("web", d -> d.getSpec().setReplicas(4));
        sim.cluster.advance(Duration.ofSeconds(10));
        assertThat(sim.replicaSets()).hasSize(1);
        assertThat(sim.specOf("web:1")).isEqualTo(4);
        sim.edit("web", d -> d.getSpec().setPaused(false));
        sim.cluster.runUntil(() -> sim.rolledOut("web") && sim.specOf("web:1") == 0, Duration.ofMinutes(1), "resume");
        assertThat(sim.specOf("web:2")).isEqualTo(4);
    }

    @Test
    @DisplayName("revisionHistoryLimit deletes the oldest empty ReplicaSets once the rollout is complete")
    void revision_history_limit() {
        Deployment d = Sim.deployment("web", 2, 1, 0, "web:1");
        d.getSpec().setRevisionHistoryLimit(1);
        sim.createAndRollOut(d);
        for (String image : List.of("web:2", "web:3")) {
            sim.setImage("web", image);
            sim.cluster.runUntil(() -> sim.rolledOut("web") && sim.progressingReason("web").equals("NewReplicaSetAvailable"),
                Duration.ofMinutes(1), image);
        }
        sim.cluster.advance(Duration.ofSeconds(1));
        assertThat(sim.replicaSets()).extracting(rs -> rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
            .containsExactlyInAnyOrder("web:2", "web:3");
    }

    @Test
    @DisplayName("a stale desired-replicas annotation makes every sync a scaling event: no rollout, no deadline (§11.1)")
    void stale_desired_replicas_deadlock() {
        sim.createAndRollOut(Sim.deployment("web", 3, 1, 0, "web:1"));
        ReplicaSet rs = sim.replicaSetWithImage("web:1");
        rs.getMetadata().getAnnotations().put("deployment.kubernetes.io/desired-replicas", "5");
        sim.cluster.update(rs);
        sim.setImage("web", "web:2");
        sim.cluster.advance(Duration.ofMinutes(15));
        assertThat(sim.replicaSets()).hasSize(1);
        assertThat(sim.progressingReason("web")).isEqualTo("NewReplicaSetAvailable");
        assertThat(Map.of("desired", sim.replicaSetWithImage("web:1").getMetadata().getAnnotations()
            .get("deployment.kubernetes.io/desired-replicas"))).containsEntry("desired", "5");
    }

    @Test
    @DisplayName("the deprecated rollback.to annotation rolls the template back to the previous revision")
    void server_side_rollback() {
        Deployment d = Sim.deployment("web", 2, 1, 0, "web:1");
        d.getMetadata().setAnnotations(new java.util.LinkedHashMap<>(Map.of("kubernetes.io/change-cause", "v1")));
        sim.createAndRollOut(d);
        sim.edit("web", x -> {
            x.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("web:2");
            x.getMetadata().getAnnotations().put("kubernetes.io/change-cause", "v2");
        });
        sim.cluster.runUntil(() -> sim.rolledOut("web") && sim.specOf("web:1") == 0, Duration.ofMinutes(1), "v2");
        sim.edit("web", x -> x.getMetadata().getAnnotations().put("deprecated.deployment.rollback.to", "0"));
        sim.cluster.runUntil(() -> sim.rolledOut("web") && sim.specOf("web:2") == 0, Duration.ofMinutes(1), "rollback");
        Deployment back = sim.get("web");
        assertThat(back.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("web:1");
        assertThat(back.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("pod-template-hash");
        assertThat(back.getMetadata().getAnnotations()).doesNotContainKey("deprecated.deployment.rollback.to")
            .containsEntry("kubernetes.io/change-cause", "v1");
        assertThat(sim.eventMessages("DeploymentRollback")).containsExactly("Rolled back deployment \"web\" to revision 1");
        assertThat(sim.replicaSets()).hasSize(2);
    }

    @Test
    @DisplayName("pod creation refused by a quota gives ReplicaFailure on the ReplicaSet and the Deployment")
    void replica_failure() {
        sim.cluster.rejectCreate = o -> o instanceof io.fabric8.kubernetes.api.model.Pod;
        sim.cluster.create(Sim.deployment("web", 2, 1, 0, "web:1"));
        sim.cluster.advance(Duration.ofSeconds(1));
        DeploymentCondition failure = sim.condition("web", "ReplicaFailure");
        assertThat(failure).isNotNull();
        assertThat(failure.getStatus()).isEqualTo("True");
        assertThat(failure.getReason()).isEqualTo("FailedCreate");
        assertThat(failure.getMessage()).startsWith("Error creating: pods \"web-");
        assertThat(sim.eventMessages("FailedCreate")).isNotEmpty();
        sim.cluster.rejectCreate = null;
        sim.cluster.runUntil(() -> sim.rolledOut("web") && sim.condition("web", "ReplicaFailure") == null,
            Duration.ofMinutes(1), "ReplicaFailure removed");
    }
}
