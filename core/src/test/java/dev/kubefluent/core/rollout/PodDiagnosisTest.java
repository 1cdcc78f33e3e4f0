package dev.kubefluent.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodDiagnosisTest {

    private static PodBuilder pod() {
        return new PodBuilder().withNewMetadata().withName("web-abc").endMetadata().withNewStatus().withPhase("Pending").endStatus();
    }

    @Test
    void image_pull_backoff_names_the_image() {
        Pod p = pod().editStatus().addToContainerStatuses(new ContainerStatusBuilder().withName("web").withImage("nginx:typo")
                .withRestartCount(0).withNewState().withNewWaiting().withReason("ImagePullBackOff")
                .withMessage("Back-off pulling image \"nginx:typo\"").endWaiting().endState().build()).endStatus().build();
        List<PodProblem> problems = PodDiagnosis.problems(p);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).summary())
                .isEqualTo("pod \"web-abc\": container \"web\": ImagePullBackOff: Back-off pulling image \"nginx:typo\"");
        assertThat(PodDiagnosis.isUnrecoverable(problems.get(0), 3)).isTrue();
    }

    @Test
    void err_image_pull_without_message_still_names_the_image() {
        Pod p = pod().editStatus().addToContainerStatuses(new ContainerStatusBuilder().withName("web").withImage("nginx:typo")
                .withNewState().withNewWaiting().withReason("ErrImagePull").endWaiting().endState().build()).endStatus().build();
        assertThat(PodDiagnosis.problems(p).get(0).message()).isEqualTo("(image \"nginx:typo\")");
    }

    @Test
    void crash_loop_reports_the_last_termination_and_counts_restarts() {
        Pod p = pod().editStatus().withPhase("Running").addToContainerStatuses(new ContainerStatusBuilder().withName("web")
                .withImage("app:2").withRestartCount(4).withReady(false)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                .withMessage("back-off 40s restarting failed container=web").endWaiting().endState()
                .withNewLastState().withNewTerminated().withReason("OOMKilled").withExitCode(137).endTerminated().endLastState()
                .build()).endStatus().build();
        PodProblem problem = PodDiagnosis.problems(p).get(0);
        assertThat(problem.reason()).isEqualTo("CrashLoopBackOff");
        assertThat(problem.message())
                .isEqualTo("back-off 40s restarting failed container=web; last termination: OOMKilled (exit code 137)");
        assertThat(problem.restarts()).isEqualTo(4);
        assertThat(PodDiagnosis.isUnrecoverable(problem, 3)).isTrue();
        assertThat(PodDiagnosis.isUnrecoverable(problem, 5)).isFalse();
    }

    @Test
    void oom_killed_running_container_is_reported() {
        Pod p = pod().editStatus().withPhase("Running").addToContainerStatuses(new ContainerStatusBuilder().withName("web")
                .withRestartCount(1).withReady(false).withNewState().withNewRunning().endRunning().endState()
                .withNewLastState().withNewTerminated().withReason("OOMKilled").withExitCode(137).endTerminated().endLastState()
                .build()).endStatus().build();
        PodProblem problem = PodDiagnosis.problems(p).get(0);
        assertThat(problem.reason()).isEqualTo("OOMKilled");
        assertThat(problem.message()).isEqualTo("last termination: OOMKilled (exit code 137)");
        assertThat(PodDiagnosis.isUnrecoverable(problem, 3)).isFalse();
    }

    @Test
    void unschedulable_carries_the_scheduler_message() {
        Pod p = pod().editStatus().addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 3 Insufficient cpu.").endCondition().endStatus().build();
        assertThat(PodDiagnosis.problems(p)).extracting(PodProblem::summary)
                .containsExactly("pod \"web-abc\": Unschedulable: 0/3 nodes are available: 3 Insufficient cpu.");
    }

    @Test
    void running_but_not_ready_is_failing_readiness_and_config_error_is_unrecoverable() {
        Pod p = pod().editStatus().withPhase("Running")
                .addToContainerStatuses(new ContainerStatusBuilder().withName("web").withReady(false)
                        .withNewState().withNewRunning().endRunning().endState().build())
                .addToContainerStatuses(new ContainerStatusBuilder().withName("side")
                        .withNewState().withNewWaiting().withReason("CreateContainerConfigError")
                        .withMessage("secret \"db\" not found").endWaiting().endState().build())
                .endStatus().build();
        List<PodProblem> problems = PodDiagnosis.problems(p);
        assertThat(problems).extracting(PodProblem::reason).containsExactly("NotReady", "CreateContainerConfigError");
        assertThat(PodDiagnosis.isUnrecoverable(problems.get(0), 1)).isFalse();
        assertThat(PodDiagnosis.isUnrecoverable(problems.get(1), 1)).isTrue();
    }

    @Test
    void healthy_succeeded_and_status_less_pods_have_no_problems() {
        Pod healthy = pod().editStatus().withPhase("Running").addToContainerStatuses(new ContainerStatusBuilder().withName("web")
                .withReady(true).withNewState().withNewRunning().endRunning().endState().build()).endStatus().build();
        assertThat(PodDiagnosis.problems(healthy)).isEmpty();
        assertThat(PodDiagnosis.problems(new PodBuilder().withNewMetadata().withName("x").endMetadata().build())).isEmpty();
        Pod succeeded = pod().editStatus().withPhase("Succeeded").endStatus().build();
        assertThat(PodDiagnosis.problems(succeeded)).isEmpty();
    }

    private static Event event(String name, String reason, String message, String time, Integer count) {
        return new EventBuilder().withNewMetadata().withName(name + "." + reason).endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName(name).endInvolvedObject()
                .withType("Warning").withReason(reason).withMessage(message).withLastTimestamp(time).withCount(count).build();
    }

    @Test
    void events_are_filtered_ordered_and_limited() {
        List<Event> events = List.of(
                event("web-abc", "BackOff", "Back-off pulling image \"nginx:typo\"", "2026-01-01T00:00:30Z", 5),
                event("other", "Failed", "ignored", "2026-01-01T00:00:10Z", 1),
                event("web-abc", "Failed", "Failed to pull image \"nginx:typo\": not found", "2026-01-01T00:00:20Z", 1),
                event("web-abc", "Scheduled", "assigned", "2026-01-01T00:00:01Z", null));
        assertThat(PodDiagnosis.eventLines(events, "Pod", "web-abc", 2)).containsExactly(
                "Warning Failed: Failed to pull image \"nginx:typo\": not found",
                "Warning BackOff: Back-off pulling image \"nginx:typo\" (x5)");
    }
}
