package dev.kubefluent.testing.internal.controller;

import dev.kubefluent.testing.sim.PodBehaviorRule;
import dev.kubefluent.testing.sim.Pods;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Simulated kubelet and scheduler: pod states, reasons, events and back-off timing")
class PodBehaviorTest {

    private final Sim sim = new Sim();
    private final Pods pods = new Pods(sim.controllers.podBehaviors());

    private static Pod pod(String name, String image) {
        return new PodBuilder()
            .withNewMetadata().withName(name).withNamespace(Sim.NS).addToLabels("app", name).endMetadata()
            .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec()
            .build();
    }

    private Pod get(String name) {
        return sim.cluster.get(Pod.class, Sim.NS, name).orElseThrow();
    }

    private ContainerStatus container(String name) {
        return get(name).getStatus().getContainerStatuses().get(0);
    }

    private String waitingReason(String name) {
        Pod p = get(name);
        if (p.getStatus().getContainerStatuses() == null || p.getStatus().getContainerStatuses().isEmpty()) {
            return "";
        }
        ContainerStatus cs = p.getStatus().getContainerStatuses().get(0);
        if (cs.getState().getWaiting() != null) {
            return cs.getState().getWaiting().getReason();
        }
        return cs.getState().getRunning() != null ? "Running" : "Terminated:" + cs.getState().getTerminated().getReason();
    }

    private List<String> eventLines(String podName) {
        List<String> lines = new ArrayList<>();
        for (Event e : sim.events()) {
            if (podName.equals(e.getInvolvedObject().getName())) {
                lines.add(e.getType() + " " + e.getReason() + " " + e.getSource().getComponent() + ": " + e.getMessage());
            }
        }
        return lines;
    }

    /** Records "seconds since start: state" at every change of the first container's state. */
    private List<String> recordStates(String name) {
        List<String> states = new ArrayList<>();
        var start = sim.cluster.now();
        sim.cluster.afterEachTask(() -> {
            if (sim.cluster.get(Pod.class, Sim.NS, name).isEmpty()) {
                return;
            }
            String state = waitingReason(name);
            if (state.isEmpty()) {
                return;
            }
            String last = states.isEmpty() ? "" : states.get(states.size() - 1);
            if (!last.endsWith(" " + state)) {
                Duration t = Duration.between(start, sim.cluster.now());
                states.add(t.toMillis() / 1000.0 + " " + state);
            }
        });
        return states;
    }

    @Test
    @DisplayName("a normal pod is scheduled, runs and becomes ready after the start delay, with kubelet events")
    void normal_pod() {
        sim.cluster.create(pod("p", "nginx:1.27"));
        sim.cluster.advance(Duration.ofMillis(5));
        Pod pending = get("p");
        assertThat(pending.getSpec().getNodeName()).isEqualTo("node-1");
        assertThat(pending.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(waitingReason("p")).isEqualTo("ContainerCreating");
        sim.cluster.advance(Duration.ofMillis(10));
        Pod running = get("p");
        assertThat(running.getStatus().getPhase()).isEqualTo("Running");
        assertThat(running.getStatus().getHostIP()).isEqualTo("10.0.0.2");
        assertThat(running.getStatus().getPodIP()).startsWith("10.244.1.");
        assertThat(running.getStatus().getQosClass()).isEqualTo("BestEffort");
        assertThat(running.getStatus().getConditions()).extracting(PodCondition::getType, PodCondition::getStatus)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("PodReadyToStartContainers", "True"),
                org.assertj.core.groups.Tuple.tuple("Initialized", "True"),
                org.assertj.core.groups.Tuple.tuple("Ready", "True"),
                org.assertj.core.groups.Tuple.tuple("ContainersReady", "True"),
                org.assertj.core.groups.Tuple.tuple("PodScheduled", "True"));
        ContainerStatus cs = container("p");
        assertThat(cs.getReady()).isTrue();
        assertThat(cs.getStarted()).isTrue();
        assertThat(cs.getRestartCount()).isZero();
        assertThat(cs.getContainerID()).startsWith("containerd://");
        assertThat(cs.getImageID()).startsWith("docker.io/library/nginx@sha256:");
        assertThat(eventLines("p")).containsExactly(
            "Normal Scheduled default-scheduler: Successfully assigned default/p to node-1",
            "Normal Pulled kubelet: Container image \"nginx:1.27\" already present on machine",
            "Normal Created kubelet: Created container app",
            "Normal Started kubelet: Started container app");
    }

    @Test
    @DisplayName("pods are spread over the simulated nodes")
    void spreads_over_nodes() {
        for (int i = 0; i < 6; i++) {
            sim.cluster.create(pod("p" + i, "nginx"));
            sim.cluster.advance(Duration.ofMillis(1));
        }
        sim.cluster.advance(Duration.ofSeconds(1));
        assertThat(sim.pods()).extracting(p -> p.getSpec().getNodeName())
            .containsExactly("node-1", "node-2", "node-3", "node-1", "node-2", "node-3");
    }

    @Test
    @DisplayName("failImagePull: ErrImagePull, ImagePullBackOff one sync later, pulls retried after 10 s doubling to 300 s")
    void fail_image_pull() {
        pods.withImage("ghcr.io/acme/web:2.0").failImagePull();
        List<String> states = recordStates("p");
        sim.cluster.create(pod("p", "ghcr.io/acme/web:2.0"));
        sim.cluster.advance(Duration.ofSeconds(700));
        assertThat(states).containsExactly(
            "0.0 ContainerCreating",
            "0.01 ErrImagePull", "1.01 ImagePullBackOff",
            "10.01 ErrImagePull", "11.01 ImagePullBackOff",
            "30.01 ErrImagePull", "31.01 ImagePullBackOff",
            "70.01 ErrImagePull", "71.01 ImagePullBackOff",
            "150.01 ErrImagePull", "151.01 ImagePullBackOff",
            "310.01 ErrImagePull", "311.01 ImagePullBackOff",
            "610.01 ErrImagePull", "611.01 ImagePullBackOff");
        assertThat(get("p").getStatus().getPhase()).isEqualTo("Pending");
        assertThat(container("p").getState().getWaiting().getMessage()).isEqualTo("Back-off pulling image \"ghcr.io/acme/web:2.0\"");
        assertThat(eventLines("p")).contains(
            "Normal Pulling kubelet: Pulling image \"ghcr.io/acme/web:2.0\"",
            "Warning Failed kubelet: Failed to pull image \"ghcr.io/acme/web:2.0\": rpc error: code = NotFound desc = "
                + "failed to pull and unpack image \"ghcr.io/acme/web:2.0\": failed to resolve reference "
                + "\"ghcr.io/acme/web:2.0\": ghcr.io/acme/web:2.0: not found",
            "Warning Failed kubelet: Error: ErrImagePull",
            "Normal BackOff kubelet: Back-off pulling image \"ghcr.io/acme/web:2.0\"",
            "Warning Failed kubelet: Error: ImagePullBackOff");
        Event backOff = sim.events().stream().filter(e -> "BackOff".equals(e.getReason())).findFirst().orElseThrow();
        assertThat(backOff.getCount()).isEqualTo(7);
        assertThat(backOff.getInvolvedObject().getFieldPath()).isEqualTo("spec.containers{app}");
    }

    @Test
    @DisplayName("removing the failImagePull rule lets the next pull retry succeed")
    void fixing_the_image() {
        PodBehaviorRule rule = pods.withImage("web:2").failImagePull();
        sim.cluster.create(pod("p", "web:2"));
        sim.cluster.advance(Duration.ofSeconds(5));
        assertThat(waitingReason("p")).isEqualTo("ImagePullBackOff");
        rule.remove();
        sim.cluster.advance(Duration.ofSeconds(4));
        assertThat(waitingReason("p")).isEqualTo("ImagePullBackOff");
        sim.cluster.advance(Duration.ofSeconds(2));
        assertThat(waitingReason("p")).isEqualTo("Running");
        assertThat(Meta.isPodReady(get("p"))).isTrue();
        assertThat(eventLines("p")).contains("Normal Pulled kubelet: Successfully pulled image \"web:2\" in 0s (0s including waiting). Image size: 0 bytes.");
    }

    @Test
    @DisplayName("crashLoop: Error, then CrashLoopBackOff; restarts 10 s, 20 s, 40 s ... after each crash")
    void crash_loop() {
        pods.withImage("web:2.1").crashLoop();
        List<String> states = recordStates("p");
        sim.cluster.create(pod("p", "web:2.1"));
        sim.cluster.advance(Duration.ofSeconds(80));
        assertThat(states).containsExactly(
            "0.0 ContainerCreating",
            "0.01 Terminated:Error", "1.01 CrashLoopBackOff",
            "10.01 Terminated:Error", "11.01 CrashLoopBackOff",
            "30.01 Terminated:Error", "31.01 CrashLoopBackOff",
            "70.01 Terminated:Error", "71.01 CrashLoopBackOff");
        Pod p = get("p");
        ContainerStatus cs = container("p");
        assertThat(p.getStatus().getPhase()).isEqualTo("Running");
        assertThat(Meta.isPodReady(p)).isFalse();
        assertThat(cs.getRestartCount()).isEqualTo(3);
        assertThat(cs.getState().getWaiting().getMessage()).isEqualTo(
            "back-off 1m20s restarting failed container=app pod=p_default(" + p.getMetadata().getUid() + ")");
        assertThat(cs.getLastState().getTerminated().getReason()).isEqualTo("Error");
        assertThat(cs.getLastState().getTerminated().getExitCode()).isEqualTo(1);
        assertThat(eventLines("p")).contains("Warning BackOff kubelet: Back-off restarting failed container app in pod p_default("
            + p.getMetadata().getUid() + ")");
    }

    @Test
    @DisplayName("oomKilled: OOMKilled terminations with exit code 137, then CrashLoopBackOff")
    void oom_killed() {
        pods.withImage("web:2.4").oomKilled();
        List<String> states = recordStates("p");
        sim.cluster.create(pod("p", "web:2.4"));
        sim.cluster.advance(Duration.ofSeconds(15));
        assertThat(states).containsExactly("0.0 ContainerCreating", "0.01 Terminated:OOMKilled", "1.01 CrashLoopBackOff",
            "10.01 Terminated:OOMKilled", "11.01 CrashLoopBackOff");
        ContainerStatus cs = container("p");
        assertThat(cs.getLastState().getTerminated().getReason()).isEqualTo("OOMKilled");
        assertThat(cs.getLastState().getTerminated().getExitCode()).isEqualTo(137);
        assertThat(cs.getRestartCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("neverReady: Running with the readiness probe failing")
    void never_ready() {
        pods.withImage("web:2.2").neverReady();
        sim.cluster.create(pod("p", "web:2.2"));
        sim.cluster.advance(Duration.ofMinutes(1));
        Pod p = get("p");
        assertThat(p.getStatus().getPhase()).isEqualTo("Running");
        PodCondition ready = Meta.podCondition(p, "Ready");
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo("ContainersNotReady");
        assertThat(ready.getMessage()).isEqualTo("containers with unready status: [app]");
        assertThat(container("p").getStarted()).isTrue();
        assertThat(eventLines("p")).contains("Warning Unhealthy kubelet: Readiness probe failed: HTTP probe failed with statuscode: 503");
    }

    @Test
    @DisplayName("readyAfter: running at once, ready the given time after the container started")
    void ready_after() {
        pods.withImage("web:2.3").readyAfter(Duration.ofSeconds(5));
        sim.cluster.create(pod("p", "web:2.3"));
        sim.cluster.advance(Duration.ofSeconds(5));
        assertThat(waitingReason("p")).isEqualTo("Running");
        assertThat(Meta.isPodReady(get("p"))).isFalse();
        sim.cluster.advance(Duration.ofMillis(10));
        assertThat(Meta.isPodReady(get("p"))).isTrue();
        assertThat(Meta.podCondition(get("p"), "Ready").getLastTransitionTime()).isEqualTo("2026-01-01T00:00:05Z");
    }

    @Test
    @DisplayName("unschedulable: Pending, PodScheduled=False/Unschedulable, FailedScheduling retried until the rule is removed")
    void unschedulable() {
        PodBehaviorRule rule = pods.withLabel("app", "batch").unschedulable();
        Pod batch = pod("batch", "worker:1");
        sim.cluster.create(batch);
        sim.cluster.advance(Duration.ofSeconds(30));
        Pod p = get("batch");
        assertThat(p.getSpec().getNodeName()).isNull();
        assertThat(p.getStatus().getPhase()).isEqualTo("Pending");
        PodCondition scheduled = Meta.podCondition(p, "PodScheduled");
        String message = "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. "
            + "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
        assertThat(scheduled.getStatus()).isEqualTo("False");
        assertThat(scheduled.getReason()).isEqualTo("Unschedulable");
        assertThat(scheduled.getMessage()).isEqualTo(message);
        Event failed = sim.events().stream().filter(e -> "FailedScheduling".equals(e.getReason())).findFirst().orElseThrow();
        assertThat(failed.getType()).isEqualTo("Warning");
        assertThat(failed.getMessage()).isEqualTo(message);
        // attempts at 0, 1, 3, 7, 15, 25 s
        assertThat(failed.getCount()).isEqualTo(6);
        rule.remove();
        sim.cluster.advance(Duration.ofSeconds(10));
        assertThat(get("batch").getSpec().getNodeName()).isNotNull();
        assertThat(Meta.isPodReady(get("batch"))).isTrue();
    }

    @Test
    @DisplayName("a behaviour's log lines are served for the matching container only")
    void log_lines() {
        pods.withImage("web:2.1").withLogLines("starting", "panic: boom").crashLoop();
        assertThat(sim.controllers.podBehaviors().logs(pod("p", "web:2.1"), "app")).isEqualTo("starting\npanic: boom\n");
        assertThat(sim.controllers.podBehaviors().logs(pod("q", "web:2.0"), "app")).isEmpty();
        assertThat(pods.toString()).contains("withImage(\"web:2.1\")");
    }

    @Test
    @DisplayName("bad arguments name the argument and the value")
    void bad_arguments() {
        assertThatThrownBy(() -> pods.withImage(" ")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("image must not be blank but was: \" \"");
        assertThatThrownBy(() -> pods.all().readyAfter(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("readyAfter delay must not be negative but was: PT-1S");
    }

    @Test
    @DisplayName("the same scenario gives the same trace of events on every run")
    void deterministic() {
        assertThat(trace()).isEqualTo(trace());
    }

    private static List<String> trace() {
        Sim s = new Sim();
        new Pods(s.controllers.podBehaviors()).withImage("web:2").crashLoop();
        s.createAndRollOut(Sim.deployment("web", 5, "25%", "25%", "web:1"));
        s.setImage("web", "web:2");
        s.cluster.advance(Duration.ofMinutes(3));
        List<String> out = new ArrayList<>();
        for (Event e : s.events()) {
            out.add(e.getMetadata().getName() + " " + e.getLastTimestamp() + " " + e.getCount() + " " + e.getMessage());
        }
        for (Pod p : s.pods()) {
            out.add(p.getMetadata().getName() + " " + p.getStatus().getPodIP() + " " + p.getSpec().getNodeName());
        }
        return out;
    }
}
