package dev.kubefluent.core.rollout;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one rollout runs: its release, time budgets, failure policy, fail-fast rules, namespace creation, prune and
 * listener. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * RolloutOptions options = RolloutOptions.builder()
 *         .release("shop")
 *         .timeout(Duration.ofMinutes(5))
 *         .onFailure(FailurePolicy.LEAVE)
 *         .listener(RolloutListener.console())
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RolloutOptions {

    private final String release;
    private final String releaseNamespace;
    private final Duration timeout;
    private final Duration rollbackTimeout;
    private final FailurePolicy onFailure;
    private final RolloutListener listener;
    private final boolean failFast;
    private final Duration failFastGrace;
    private final int crashLoopRestarts;
    private final boolean createNamespaces;
    private final boolean prune;
    private final boolean forceConflicts;
    private final int logLines;

    private RolloutOptions(Builder b) {
        this.release = b.release;
        this.releaseNamespace = b.releaseNamespace;
        this.timeout = b.timeout;
        this.rollbackTimeout = b.rollbackTimeout;
        this.onFailure = b.onFailure;
        this.listener = b.listener;
        this.failFast = b.failFast;
        this.failFastGrace = b.failFastGrace;
        this.crashLoopRestarts = b.crashLoopRestarts;
        this.createNamespaces = b.createNamespaces;
        this.prune = b.prune;
        this.forceConflicts = b.forceConflicts;
        this.logLines = b.logLines;
    }

    /** @return the options every setting of which is the default */
    public static RolloutOptions defaults() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the release name, when set; otherwise the engine derives it from the set's single app */
    public Optional<String> release() {
        return Optional.ofNullable(release);
    }

    /** @return the namespace that holds the release records, when set; otherwise the set's first namespace */
    public Optional<String> releaseNamespace() {
        return Optional.ofNullable(releaseNamespace);
    }

    /** @return the engine's overall time budget for apply and wait (default 5 minutes) */
    public Duration timeout() {
        return timeout;
    }

    /** @return the separate time budget of a rollback (default 5 minutes) */
    public Duration rollbackTimeout() {
        return rollbackTimeout;
    }

    /** @return what to do when the rollout fails (default {@link FailurePolicy#ROLLBACK}) */
    public FailurePolicy onFailure() {
        return onFailure;
    }

    /** @return the listener (default: none) */
    public RolloutListener listener() {
        return listener;
    }

    /** @return whether a new pod stuck in an unrecoverable-looking state fails the rollout early (default on) */
    public boolean failFast() {
        return failFast;
    }

    /** @return how long a new pod must stay in such a state before the rollout fails (default 30 s) */
    public Duration failFastGrace() {
        return failFastGrace;
    }

    /** @return how many restarts make a {@code CrashLoopBackOff} count as unrecoverable (default 3) */
    public int crashLoopRestarts() {
        return crashLoopRestarts;
    }

    /** @return whether namespaces the set uses but does not declare are created (default off) */
    public boolean createNamespaces() {
        return createNamespaces;
    }

    /** @return whether objects of the release that are no longer in the set are deleted (default off) */
    public boolean prune() {
        return prune;
    }

    /** @return whether apply takes over fields owned by other field managers (default off: such a conflict fails) */
    public boolean forceConflicts() {
        return forceConflicts;
    }

    /** @return how many log lines a diagnosis shows per container (default 10) */
    public int logLines() {
        return logLines;
    }

    /**
     * Builds {@link RolloutOptions}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private String release;
        private String releaseNamespace;
        private Duration timeout = Duration.ofMinutes(5);
        private Duration rollbackTimeout = Duration.ofMinutes(5);
        private FailurePolicy onFailure = FailurePolicy.ROLLBACK;
        private RolloutListener listener = RolloutListener.none();
        private boolean failFast = true;
        private Duration failFastGrace = Duration.ofSeconds(30);
        private int crashLoopRestarts = 3;
        private boolean createNamespaces;
        private boolean prune;
        private boolean forceConflicts;
        private int logLines = 10;

        private Builder() {
        }

        /**
         * Names the release: a lowercase DNS label of at most 53 characters, as Helm allows. The default is the app
         * name ({@code app.kubernetes.io/name}, else {@code app}) when every labelled object of the set carries the
         * same one.
         *
         * @param release the release name; must not be {@code null}
         * @return this builder for method chaining
         */
        public Builder release(String release) {
            Objects.requireNonNull(release, "release must not be null");
            if (!release.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || release.length() > 53) {
                throw new IllegalArgumentException("release must be a lowercase DNS label of at most 53 characters but was: \""
                        + release + "\"");
            }
            this.release = release;
            return this;
        }

        /**
         * Sets the namespace that holds the release records (one Secret per revision).
         *
         * @param namespace the namespace; must not be {@code null}
         * @return this builder for method chaining
         */
        public Builder releaseNamespace(String namespace) {
            this.releaseNamespace = Objects.requireNonNull(namespace, "releaseNamespace must not be null");
            return this;
        }

        /**
         * Sets the overall time budget for apply and wait.
         *
         * @param timeout a positive duration; must not be {@code null}
         * @return this builder for method chaining
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive("timeout", timeout);
            return this;
        }

        /**
         * Sets the time budget of a rollback, counted from its start.
         *
         * @param timeout a positive duration; must not be {@code null}
         * @return this builder for method chaining
         */
        public Builder rollbackTimeout(Duration timeout) {
            this.rollbackTimeout = positive("rollbackTimeout", timeout);
            return this;
        }

        /**
         * Sets what to do when the rollout fails.
         *
         * @param policy the policy; must not be {@code null}
         * @return this builder for method chaining
         */
        public Builder onFailure(FailurePolicy policy) {
            this.onFailure = Objects.requireNonNull(policy, "onFailure must not be null");
            return this;
        }

        /**
         * Sets the listener.
         *
         * @param listener the listener; must not be {@code null}
         * @return this builder for method chaining
         */
        public Builder listener(RolloutListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener must not be null");
            return this;
        }

        /**
         * Turns fail-fast on or off.
         *
         * @param failFast {@code false} to wait for the progress deadline or the timeout instead
         * @return this builder for method chaining
         */
        public Builder failFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        /**
         * Sets how long a new pod must stay in an unrecoverable-looking state before the rollout fails.
         *
         * @param grace a duration, zero or more; must not be {@code null}
         * @return this builder for method chaining
         */
        public Builder failFastGrace(Duration grace) {
            Objects.requireNonNull(grace, "failFastGrace must not be null");
            if (grace.isNegative()) {
                throw new IllegalArgumentException("failFastGrace must not be negative but was: " + grace);
            }
            this.failFastGrace = grace;
            return this;
        }

        /**
         * Sets how many restarts make a {@code CrashLoopBackOff} count as unrecoverable.
         *
         * @param restarts at least 1
         * @return this builder for method chaining
         */
        public Builder crashLoopRestarts(int restarts) {
            if (restarts < 1) {
                throw new IllegalArgumentException("crashLoopRestarts must be at least 1 but was: " + restarts);
            }
            this.crashLoopRestarts = restarts;
            return this;
        }

        /**
         * Creates the namespaces the set's objects use when they do not exist yet.
         *
         * @param create {@code true} to create them
         * @return this builder for method chaining
         */
        public Builder createNamespaces(boolean create) {
            this.createNamespaces = create;
            return this;
        }

        /**
         * Deletes, after a successful rollout, the objects of this release that are no longer in the set. Only kinds
         * of a fixed list are pruned (workloads, Services, ConfigMaps, Secrets, Ingresses, RBAC, ...), never a
         * Namespace, and never an object without this release's label and annotation.
         *
         * @param prune {@code true} to prune
         * @return this builder for method chaining
         */
        public Builder prune(boolean prune) {
            this.prune = prune;
            return this;
        }

        /**
         * Lets apply take over fields that other field managers own ({@code force=true}). Off by default: a conflict
         * with another manager then fails the rollout and names the manager. Conflicts with Kubefluent's own
         * imperative writes (undo, pause, resume, restart, scale) are always taken over.
         *
         * @param force {@code true} to force
         * @return this builder for method chaining
         */
        public Builder forceConflicts(boolean force) {
            this.forceConflicts = force;
            return this;
        }

        /**
         * Sets how many log lines a diagnosis shows per container.
         *
         * @param lines zero or more
         * @return this builder for method chaining
         */
        public Builder logLines(int lines) {
            if (lines < 0) {
                throw new IllegalArgumentException("logLines must not be negative but was: " + lines);
            }
            this.logLines = lines;
            return this;
        }

        /** @return the options */
        public RolloutOptions build() {
            return new RolloutOptions(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name + " must not be null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive but was: " + d);
            }
            return d;
        }
    }
}
