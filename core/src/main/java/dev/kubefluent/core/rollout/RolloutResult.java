package dev.kubefluent.core.rollout;

import dev.kubefluent.core.ResourceRef;
import java.util.List;
import java.util.Objects;

/**
 * How a rollout ended, and why, in words.
 *
 * <pre>{@code
 * RolloutResult result = engine.rollout(set);
 * if (result.status() != RolloutStatus.SUCCEEDED) {
 *     log.error(result.message());   // e.g. pod "web-7d9c-x2x": container "web": ImagePullBackOff: ...
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RolloutResult {

    private final RolloutStatus status;
    private final String message;
    private final String release;
    private final int revision;
    private final List<AppliedResource> applied;
    private final List<ResourceRef> pruned;
    private final List<PodProblem> problems;
    private final List<String> warnings;

    RolloutResult(RolloutStatus status, String message, String release, int revision, List<AppliedResource> applied,
                  List<ResourceRef> pruned, List<PodProblem> problems, List<String> warnings) {
        this.status = Objects.requireNonNull(status, "status must not be null");
        this.message = Objects.requireNonNull(message, "message must not be null");
        this.release = Objects.requireNonNull(release, "release must not be null");
        this.revision = revision;
        this.applied = List.copyOf(applied);
        this.pruned = List.copyOf(pruned);
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    /** @return how the rollout ended */
    public RolloutStatus status() {
        return status;
    }

    /**
     * Returns why the rollout ended as it did: the completion lines of every workload on success; on failure the
     * cause (the pod problem, the progress deadline, the API server's message), and for a rollback both what failed
     * and what the rollback did. Never contains a Secret's value.
     *
     * @return the message
     */
    public String message() {
        return message;
    }

    /** @return the release the rollout belongs to */
    public String release() {
        return release;
    }

    /**
     * Returns the release revision this rollout recorded (1 for a first rollout), or 0 when nothing was recorded
     * (e.g. the apply failed before anything was written).
     *
     * @return the revision
     */
    public int revision() {
        return revision;
    }

    /** @return each object applied, in apply order, with what the apply did */
    public List<AppliedResource> applied() {
        return applied;
    }

    /** @return the objects deleted by prune */
    public List<ResourceRef> pruned() {
        return pruned;
    }

    /** @return the pod problems found when the rollout failed; empty on success */
    public List<PodProblem> problems() {
        return problems;
    }

    /**
     * Returns what the engine applied but could not verify, one line each; the {@link #message()} repeats them,
     * prefixed with {@code warning: }. Today this is a StatefulSet or DaemonSet whose update strategy is
     * {@code OnDelete}: {@code kubectl rollout status} answers it with the error
     * {@code rollout status is only available for RollingUpdate strategy type}, because its controller replaces pods
     * only when they are deleted. The engine waits until the controller has observed the applied generation, does
     * not wait for the pods, and reports the rollout {@link RolloutStatus#SUCCEEDED} with a warning such as
     * {@code StatefulSet "db": rollout status is only available for RollingUpdate strategy type; its update strategy
     * is OnDelete, so its pods are replaced only when they are deleted: the engine did not wait for them}.
     *
     * @return the warnings; empty when everything applied was verified
     */
    public List<String> warnings() {
        return warnings;
    }

    /** @return {@code true} if the status is {@link RolloutStatus#SUCCEEDED} */
    public boolean isSucceeded() {
        return status == RolloutStatus.SUCCEEDED;
    }

    /** @return the status, release and revision, then the message */
    @Override
    public String toString() {
        return status + " (release " + release + ", revision " + revision + "): " + message;
    }
}
