package dev.kubefluent.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import org.junit.jupiter.api.Test;

class StatusViewersTest {

    private static Deployment deployment(long generation, long observed, Integer replicas, int updated, int current,
                                         int available, String progressingReason) {
        var b = new DeploymentBuilder().withNewMetadata().withName("web").withGeneration(generation).endMetadata()
                .withNewSpec().withReplicas(replicas).endSpec()
                .withNewStatus().withObservedGeneration(observed).withUpdatedReplicas(updated).withReplicas(current)
                .withAvailableReplicas(available);
        if (progressingReason != null) {
            b = b.addNewCondition().withType("Progressing").withStatus("False").withReason(progressingReason).endCondition();
        }
        return b.endStatus().build();
    }

    @Test
    void deployment_messages_follow_kubectl_in_order() {
        assertThat(StatusViewers.deployment(deployment(2, 1, 3, 3, 3, 3, null)))
                .isEqualTo(new WorkloadStatus("Waiting for deployment spec update to be observed...", false, false));
        assertThat(StatusViewers.deployment(deployment(2, 2, 3, 3, 3, 3, "ProgressDeadlineExceeded")))
                .isEqualTo(new WorkloadStatus("deployment \"web\" exceeded its progress deadline", false, true));
        assertThat(StatusViewers.deployment(deployment(2, 2, 3, 1, 4, 3, null)).message())
                .isEqualTo("Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...");
        assertThat(StatusViewers.deployment(deployment(2, 2, 3, 3, 4, 3, null)).message())
                .isEqualTo("Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending termination...");
        assertThat(StatusViewers.deployment(deployment(2, 2, 3, 3, 3, 2, null)).message())
                .isEqualTo("Waiting for deployment \"web\" rollout to finish: 2 of 3 updated replicas are available...");
        assertThat(StatusViewers.deployment(deployment(2, 3, 3, 3, 3, 3, null)))
                .isEqualTo(new WorkloadStatus("deployment \"web\" successfully rolled out", true, false));
    }

    @Test
    void deployment_deadline_is_not_reported_before_the_new_generation_is_observed() {
        assertThat(StatusViewers.deployment(deployment(3, 2, 3, 3, 3, 3, "ProgressDeadlineExceeded")).failed()).isFalse();
    }

    @Test
    void deployment_without_replicas_or_status_uses_go_zero_values() {
        var noReplicas = deployment(1, 1, null, 0, 0, 0, null);
        assertThat(StatusViewers.deployment(noReplicas).done()).isTrue();
        var noStatus = new DeploymentBuilder().withNewMetadata().withName("web").withGeneration(1L).endMetadata().build();
        assertThat(StatusViewers.deployment(noStatus).message()).isEqualTo("Waiting for deployment spec update to be observed...");
        var neverWritten = new DeploymentBuilder().withNewMetadata().withName("web").endMetadata().build();
        assertThat(StatusViewers.deployment(neverWritten).message())
                .isEqualTo("deployment \"web\" successfully rolled out");
    }

    private static StatefulSet sts(long gen, long observed, int replicas, int ready, int updated, int current,
                                   String updateRev, String currentRev, Integer partition) {
        var b = new StatefulSetBuilder().withNewMetadata().withName("db").withGeneration(gen).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewUpdateStrategy().withType("RollingUpdate");
        if (partition != null) {
            b = b.withNewRollingUpdate().withPartition(partition).endRollingUpdate();
        }
        return b.endUpdateStrategy().endSpec()
                .withNewStatus().withObservedGeneration(observed).withReadyReplicas(ready).withUpdatedReplicas(updated)
                .withCurrentReplicas(current).withUpdateRevision(updateRev).withCurrentRevision(currentRev).endStatus()
                .build();
    }

    @Test
    void statefulset_messages_follow_kubectl() {
        assertThat(StatusViewers.statefulSet(sts(1, 0, 3, 3, 3, 3, "a", "a", null)).message())
                .isEqualTo("Waiting for statefulset spec update to be observed...");
        assertThat(StatusViewers.statefulSet(sts(2, 1, 3, 3, 3, 3, "a", "a", null)).message())
                .isEqualTo("Waiting for statefulset spec update to be observed...");
        assertThat(StatusViewers.statefulSet(sts(2, 2, 3, 1, 3, 3, "a", "a", null)).message())
                .isEqualTo("Waiting for 2 pods to be ready...");
        assertThat(StatusViewers.statefulSet(sts(2, 2, 3, 3, 1, 2, "db-2", "db-1", 1)).message())
                .isEqualTo("Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...");
        assertThat(StatusViewers.statefulSet(sts(2, 2, 3, 3, 2, 1, "db-2", "db-1", 1)))
                .isEqualTo(new WorkloadStatus("partitioned roll out complete: 2 new pods have been updated...", true, false));
        assertThat(StatusViewers.statefulSet(sts(2, 2, 3, 3, 1, 2, "db-2", "db-1", null)))
                .isEqualTo(new WorkloadStatus("waiting for statefulset rolling update to complete 1 pods at revision db-2...", false, false));
        assertThat(StatusViewers.statefulSet(sts(2, 2, 3, 3, 3, 3, "db-2", "db-2", null)))
                .isEqualTo(new WorkloadStatus("statefulset rolling update complete 3 pods at revision db-2...", true, false));
    }

    @Test
    void statefulset_and_daemonset_with_ondelete_strategy_are_errors_like_kubectl() {
        var s = sts(1, 1, 1, 1, 1, 1, "a", "a", null);
        s.getSpec().getUpdateStrategy().setType("OnDelete");
        assertThat(StatusViewers.statefulSet(s))
                .isEqualTo(new WorkloadStatus("rollout status is only available for RollingUpdate strategy type", true, true));
        var ds = new DaemonSetBuilder().withNewMetadata().withName("agent").endMetadata()
                .withNewSpec().withNewUpdateStrategy().withType("OnDelete").endUpdateStrategy().endSpec().build();
        assertThat(StatusViewers.daemonSet(ds))
                .isEqualTo(new WorkloadStatus("rollout status is only available for RollingUpdate strategy type", true, true));
        assertThat(StatusViewers.updateStrategy(s)).isEqualTo("OnDelete");
        assertThat(StatusViewers.updateStrategy(ds(1, 1, 1, 1, 1))).isEqualTo("RollingUpdate");
    }

    @Test
    void spec_observed_follows_each_viewers_generation_rule() {
        assertThat(StatusViewers.specObserved(sts(1, 0, 1, 1, 1, 1, "a", "a", null))).isFalse();
        assertThat(StatusViewers.specObserved(sts(2, 1, 1, 1, 1, 1, "a", "a", null))).isFalse();
        assertThat(StatusViewers.specObserved(sts(2, 2, 1, 1, 1, 1, "a", "a", null))).isTrue();
        assertThat(StatusViewers.specObserved(ds(2, 1, 1, 1, 1))).isFalse();
        assertThat(StatusViewers.specObserved(ds(2, 2, 1, 1, 1))).isTrue();
        assertThat(StatusViewers.specUpdateLine(ds(2, 1, 1, 1, 1)))
                .isEqualTo("Waiting for daemon set spec update to be observed...");
        assertThat(StatusViewers.specUpdateLine(sts(2, 1, 1, 1, 1, 1, "a", "a", null)))
                .isEqualTo("Waiting for statefulset spec update to be observed...");
    }

    private static DaemonSet ds(long gen, long observed, int desired, int updated, int available) {
        return new DaemonSetBuilder().withNewMetadata().withName("agent").withGeneration(gen).endMetadata()
                .withNewSpec().endSpec()
                .withNewStatus().withObservedGeneration(observed).withDesiredNumberScheduled(desired)
                .withUpdatedNumberScheduled(updated).withNumberAvailable(available).endStatus().build();
    }

    @Test
    void daemonset_messages_follow_kubectl() {
        assertThat(StatusViewers.daemonSet(ds(2, 1, 3, 3, 3)).message())
                .isEqualTo("Waiting for daemon set spec update to be observed...");
        assertThat(StatusViewers.daemonSet(ds(2, 2, 3, 1, 3)).message())
                .isEqualTo("Waiting for daemon set \"agent\" rollout to finish: 1 out of 3 new pods have been updated...");
        assertThat(StatusViewers.daemonSet(ds(2, 2, 3, 3, 2)).message())
                .isEqualTo("Waiting for daemon set \"agent\" rollout to finish: 2 of 3 updated pods are available...");
        assertThat(StatusViewers.daemonSet(ds(2, 2, 3, 3, 3)))
                .isEqualTo(new WorkloadStatus("daemon set \"agent\" successfully rolled out", true, false));
    }

    @Test
    void pod_is_done_when_ready_or_succeeded_and_failed_when_failed() {
        Pod pending = new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewStatus().withPhase("Pending").endStatus().build();
        assertThat(StatusViewers.pod(pending)).isEqualTo(new WorkloadStatus("Waiting for pod \"p\" to be ready...", false, false));
        Pod ready = new PodBuilder(pending).editStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True")
                .endCondition().endStatus().build();
        assertThat(StatusViewers.pod(ready).done()).isTrue();
        Pod done = new PodBuilder(pending).editStatus().withPhase("Succeeded").endStatus().build();
        assertThat(StatusViewers.pod(done)).isEqualTo(new WorkloadStatus("pod \"p\" completed", true, false));
        Pod failed = new PodBuilder(pending).editStatus().withPhase("Failed").withReason("Evicted").endStatus().build();
        assertThat(StatusViewers.pod(failed)).isEqualTo(new WorkloadStatus("pod \"p\" failed: Evicted", false, true));
    }

    @Test
    void job_is_done_when_complete_and_failed_when_failed() {
        Job running = new JobBuilder().withNewMetadata().withName("migrate").endMetadata().withNewSpec().withCompletions(2).endSpec()
                .withNewStatus().withSucceeded(1).endStatus().build();
        assertThat(StatusViewers.job(running).message()).isEqualTo("Waiting for job \"migrate\" to complete: 1 of 2 pods succeeded...");
        Job complete = new JobBuilder(running).editStatus().addNewCondition().withType("Complete").withStatus("True").endCondition()
                .endStatus().build();
        assertThat(StatusViewers.job(complete)).isEqualTo(new WorkloadStatus("job \"migrate\" completed", true, false));
        Job failed = new JobBuilder(running).editStatus().addNewCondition().withType("Failed").withStatus("True")
                .withReason("BackoffLimitExceeded").withMessage("Job has reached the specified backoff limit").endCondition()
                .endStatus().build();
        assertThat(StatusViewers.job(failed).message())
                .isEqualTo("job \"migrate\" failed: BackoffLimitExceeded: Job has reached the specified backoff limit");
    }

    @Test
    void dispatch_by_kind_and_refusal_of_other_kinds() {
        assertThat(StatusViewers.status(ds(1, 1, 0, 0, 0)).done()).isTrue();
        assertThatThrownBy(() -> StatusViewers.status(new ConfigMap()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no status viewer has been implemented for ConfigMap");
    }

    @Test
    void quote_matches_go_percent_q() {
        assertThat(StatusViewers.quote("web")).isEqualTo("\"web\"");
        assertThat(StatusViewers.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
    }
}
