package dev.kubefluent.core.rollout;

import java.util.List;
import java.util.Objects;

/**
 * Why a pod of a rollout is not becoming ready, as the engine read it from the pod's status, its logs and its Events.
 *
 * @param pod       the pod's name; never {@code null}
 * @param container the container concerned, or {@code null} for a pod-level problem (e.g. {@code Unschedulable})
 * @param reason    the Kubernetes reason: {@code ErrImagePull}, {@code ImagePullBackOff}, {@code InvalidImageName},
 *                  {@code CreateContainerConfigError}, {@code CrashLoopBackOff}, {@code OOMKilled},
 *                  {@code Unschedulable}, {@code NotReady} (failing readiness), ...; never {@code null}
 * @param message   the container's (or scheduler's) message, possibly empty; never {@code null}
 * @param restarts  the container's restart count
 * @param logTail   the last log lines of the container when the cluster serves them, else empty; never {@code null}
 * @param events    recent Events about the pod, oldest first, as {@code Reason: message}; never {@code null}
 * @since 0.1.0
 */
public record PodProblem(String pod, String container, String reason, String message, int restarts,
                         List<String> logTail, List<String> events) {

    /** Checks and copies the components. */
    public PodProblem {
        Objects.requireNonNull(pod, "pod must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        Objects.requireNonNull(message, "message must not be null");
        logTail = List.copyOf(logTail);
        events = List.copyOf(events);
    }

    /**
     * Returns a copy with the given log lines and Events.
     *
     * @param logTail the last log lines; must not be {@code null}
     * @param events  recent Events; must not be {@code null}
     * @return the copy
     */
    public PodProblem withDetails(List<String> logTail, List<String> events) {
        return new PodProblem(pod, container, reason, message, restarts, logTail, events);
    }

    /**
     * Returns the one-line summary: {@code pod "web-7d9c-x2x": container "web": ImagePullBackOff: Back-off pulling
     * image "nginx:typo"}.
     *
     * @return the summary
     */
    public String summary() {
        StringBuilder b = new StringBuilder("pod \"").append(pod).append('"');
        if (container != null) {
            b.append(": container \"").append(container).append('"');
        }
        b.append(": ").append(reason);
        if (!message.isEmpty()) {
            b.append(": ").append(message);
        }
        if (restarts > 0) {
            b.append(" (restarts: ").append(restarts).append(')');
        }
        return b.toString();
    }

    /** @return the summary, then the log tail and the Events, one per line */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(summary());
        if (!logTail.isEmpty()) {
            b.append("\n  last log lines:");
            logTail.forEach(l -> b.append("\n    ").append(l));
        }
        if (!events.isEmpty()) {
            b.append("\n  events:");
            events.forEach(e -> b.append("\n    ").append(e));
        }
        return b.toString();
    }
}
