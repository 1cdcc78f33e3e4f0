package dev.kubefluent.core.rollout;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Reads why a pod is not becoming ready from its status and its Events. */
final class PodDiagnosis {

    /** Waiting reasons that do not go away by waiting (image pull and container config errors). */
    static final Set<String> UNRECOVERABLE_WAITING = Set.of(
            "ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull",
            "CreateContainerConfigError", "CreateContainerError");

    private static final Set<String> PROBLEM_WAITING = Set.of(
            "ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull",
            "CreateContainerConfigError", "CreateContainerError", "CrashLoopBackOff", "RunContainerError");

    private PodDiagnosis() {
    }

    /**
     * Lists the problems of one pod, without logs or Events.
     *
     * @param pod the pod as read from the API server
     * @return the problems, pod-level first, then per container in status order
     */
    static List<PodProblem> problems(Pod pod) {
        List<PodProblem> out = new ArrayList<>();
        String name = pod.getMetadata() == null ? "" : Objects.requireNonNullElse(pod.getMetadata().getName(), "");
        var status = pod.getStatus();
        if (status == null) {
            return out;
        }
        if ("Succeeded".equals(status.getPhase())) {
            return out;
        }
        for (PodCondition c : nullSafe(status.getConditions())) {
            if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())
                    && "Unschedulable".equals(c.getReason())) {
                out.add(new PodProblem(name, null, "Unschedulable", Objects.requireNonNullElse(c.getMessage(), ""), 0,
                        List.of(), List.of()));
            }
        }
        List<ContainerStatus> all = new ArrayList<>(nullSafe(status.getInitContainerStatuses()));
        all.addAll(nullSafe(status.getContainerStatuses()));
        for (ContainerStatus cs : all) {
            PodProblem p = containerProblem(name, cs);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static PodProblem containerProblem(String pod, ContainerStatus cs) {
        int restarts = cs.getRestartCount() == null ? 0 : cs.getRestartCount();
        var state = cs.getState();
        var waiting = state == null ? null : state.getWaiting();
        var terminated = state == null ? null : state.getTerminated();
        var lastTerminated = cs.getLastState() == null ? null : cs.getLastState().getTerminated();
        if (waiting != null && PROBLEM_WAITING.contains(waiting.getReason())) {
            String message = Objects.requireNonNullElse(waiting.getMessage(), "");
            if (waiting.getReason().contains("Image") && cs.getImage() != null && !message.contains(cs.getImage())) {
                message = (message.isEmpty() ? "" : message + " ") + "(image \"" + cs.getImage() + "\")";
            }
            if ("CrashLoopBackOff".equals(waiting.getReason()) && lastTerminated != null) {
                message = (message.isEmpty() ? "" : message + "; ") + "last termination: "
                        + Objects.requireNonNullElse(lastTerminated.getReason(), "Unknown")
                        + (lastTerminated.getExitCode() == null ? "" : " (exit code " + lastTerminated.getExitCode() + ")")
                        + (lastTerminated.getMessage() == null ? "" : ": " + lastTerminated.getMessage().strip());
            }
            return new PodProblem(pod, cs.getName(), waiting.getReason(), message, restarts, List.of(), List.of());
        }
        if (terminated != null && terminated.getExitCode() != null && terminated.getExitCode() != 0) {
            String reason = Objects.requireNonNullElse(terminated.getReason(), "Error");
            String message = "exit code " + terminated.getExitCode()
                    + (terminated.getMessage() == null ? "" : ": " + terminated.getMessage().strip());
            return new PodProblem(pod, cs.getName(), reason, message, restarts, List.of(), List.of());
        }
        if (lastTerminated != null && "OOMKilled".equals(lastTerminated.getReason()) && !Boolean.TRUE.equals(cs.getReady())) {
            return new PodProblem(pod, cs.getName(), "OOMKilled", "last termination: OOMKilled"
                    + (lastTerminated.getExitCode() == null ? "" : " (exit code " + lastTerminated.getExitCode() + ")"),
                    restarts, List.of(), List.of());
        }
        if (state != null && state.getRunning() != null && !Boolean.TRUE.equals(cs.getReady())) {
            return new PodProblem(pod, cs.getName(), "NotReady", "container is running but not ready", restarts,
                    List.of(), List.of());
        }
        return null;
    }

    /**
     * Tells whether a problem looks unrecoverable, so that fail-fast may end the rollout after a grace period.
     *
     * @param problem           the problem
     * @param crashLoopRestarts how many restarts make a crash loop unrecoverable
     * @return {@code true} for image pull and config errors, and for crash loops with enough restarts
     */
    static boolean isUnrecoverable(PodProblem problem, int crashLoopRestarts) {
        if (UNRECOVERABLE_WAITING.contains(problem.reason())) {
            return true;
        }
        return "CrashLoopBackOff".equals(problem.reason()) && problem.restarts() >= crashLoopRestarts;
    }

    /**
     * Formats the Events about one object as {@code Reason: message}, oldest first, keeping the last {@code max}.
     * Events are ordered by their own timestamps, which are only compared with each other.
     *
     * @param events every Event of the namespace
     * @param kind   the involved object's kind
     * @param name   the involved object's name
     * @param max    how many to keep
     * @return the lines
     */
    static List<String> eventLines(List<Event> events, String kind, String name, int max) {
        List<Event> about = new ArrayList<>();
        for (Event e : events) {
            var io = e.getInvolvedObject();
            if (io != null && name.equals(io.getName()) && (kind == null || kind.equals(io.getKind()))) {
                about.add(e);
            }
        }
        about.sort(Comparator.comparing(PodDiagnosis::eventTime));
        List<String> lines = new ArrayList<>();
        for (Event e : about.subList(Math.max(0, about.size() - max), about.size())) {
            String count = e.getCount() != null && e.getCount() > 1 ? " (x" + e.getCount() + ")" : "";
            lines.add(Objects.requireNonNullElse(e.getType(), "Normal") + " "
                    + Objects.requireNonNullElse(e.getReason(), "") + ": "
                    + Objects.requireNonNullElse(e.getMessage(), "").strip() + count);
        }
        return lines;
    }

    private static String eventTime(Event e) {
        // RFC 3339 timestamps of one server sort lexically; an Event without any sorts first
        if (e.getLastTimestamp() != null) {
            return e.getLastTimestamp();
        }
        if (e.getEventTime() != null && e.getEventTime().getTime() != null) {
            return e.getEventTime().getTime();
        }
        return Objects.requireNonNullElse(e.getFirstTimestamp(), "");
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
