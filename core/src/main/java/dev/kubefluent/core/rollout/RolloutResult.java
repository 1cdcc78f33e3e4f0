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

    /**
     * Starts a result by hand, for tests of code that handles results (an alerting hook, a CI step) without running
     * a rollout. The engine itself builds its results from what happened.
     *
     * <pre>{@code
     * RolloutResult failed = RolloutResult.builder(RolloutStatus.ROLLED_BACK, "shop")
     *         .message("pod \"web-7d9c-x2x\": container \"web\": ImagePullBackOff")
     *         .revision(3)
     *         .build();
     * }</pre>
     *
     * @param status  how the rollout ended; must not be {@code null}
     * @param release the release; must not be {@code null} or blank
     * @return a builder with an empty message, revision 0 and no applied, pruned or problem entries
     */
    public static Builder builder(RolloutStatus status, String release) {
        if (status == null) {
            throw new IllegalArgumentException("status must not be null");
        }
        if (release == null || release.isBlank()) {
            throw new IllegalArgumentException("release must not be blank but was: "
                    + (release == null ? "null" : "\"" + release + "\""));
        }
        return new Builder(status, release);
    }

    /** Builds a {@link RolloutResult} by hand; see {@link RolloutResult#builder(RolloutStatus, String)}. */
    public static final class Builder {

        private final RolloutStatus status;
        private final String release;
        private String message = "";
        private int revision;
        private List<AppliedResource> applied = List.of();
        private List<ResourceRef> pruned = List.of();
        private List<PodProblem> problems = List.of();
        private List<String> warnings = List.of();

        private Builder(RolloutStatus status, String release) {
            this.status = status;
            this.release = release;
        }

        /**
         * Sets why the rollout ended as it did.
         *
         * @param message the message; must not be {@code null}
         * @return this builder
         */
        public Builder message(String message) {
            if (message == null) {
                throw new IllegalArgumentException("message must not be null");
            }
            this.message = message;
            return this;
        }

        /**
         * Sets the release revision the rollout recorded.
         *
         * @param revision 0 (nothing recorded) or more
         * @return this builder
         */
        public Builder revision(int revision) {
            if (revision < 0) {
                throw new IllegalArgumentException("revision must be 0 or more but was: " + revision);
            }
            this.revision = revision;
            return this;
        }

        /**
         * Sets the objects applied, in apply order.
         *
         * @param applied the objects; must not be {@code null} nor hold {@code null}
         * @return this builder
         */
        public Builder applied(List<AppliedResource> applied) {
            this.applied = copy(applied, "applied");
            return this;
        }

        /**
         * Sets the objects deleted by prune.
         *
         * @param pruned the objects; must not be {@code null} nor hold {@code null}
         * @return this builder
         */
        public Builder pruned(List<ResourceRef> pruned) {
            this.pruned = copy(pruned, "pruned");
            return this;
        }

        /**
         * Sets the pod problems found.
         *
         * @param problems the problems; must not be {@code null} nor hold {@code null}
         * @return this builder
         */
        public Builder problems(List<PodProblem> problems) {
            this.problems = copy(problems, "problems");
            return this;
        }

        /**
         * Sets what the engine applied but could not verify (see {@link RolloutResult#warnings()}).
         *
         * @param warnings one line each; must not be {@code null} nor hold {@code null}
         * @return this builder
         */
        public Builder warnings(List<String> warnings) {
            this.warnings = copy(warnings, "warnings");
            return this;
        }

        /** @return the result */
        public RolloutResult build() {
            return new RolloutResult(status, message, release, revision, applied, pruned, problems, warnings);
        }

        private static <T> List<T> copy(List<T> list, String what) {
            if (list == null) {
                throw new IllegalArgumentException(what + " must not be null");
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) {
                    throw new IllegalArgumentException(what + "[" + i + "] must not be null");
                }
            }
            return List.copyOf(list);
        }
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
     * Returns what the engine applied but could not verify or record, one line each; the {@link #message()} repeats them,
     * prefixed with {@code warning: }. Today this is a StatefulSet or DaemonSet whose update strategy is
     * {@code OnDelete}: {@code kubectl rollout status} answers it with the error
     * {@code rollout status is only available for RollingUpdate strategy type}, because its controller replaces pods
     * only when they are deleted. The engine waits until the controller has observed the applied generation, does
     * not wait for the pods, and reports the rollout {@link RolloutStatus#SUCCEEDED} with a warning such as
     * {@code StatefulSet "db": rollout status is only available for RollingUpdate strategy type; its update strategy
     * is OnDelete, so its pods are replaced only when they are deleted: the engine did not wait for them}. After a
     * successful wait they also name what the engine could not record or clean up, e.g. {@code the workloads completed
     * but the record of release web revision 2 was not marked deployed (it stays pending, which is read as not
     * deployed): ...}: the next rollout then takes the previous revision as the one to roll back to.
     *
     * @return the warnings; empty when everything applied was verified and recorded
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
