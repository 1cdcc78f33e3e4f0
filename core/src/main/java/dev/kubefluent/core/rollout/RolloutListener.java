package dev.kubefluent.core.rollout;

import dev.kubefluent.core.ResourceRef;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Receives what happens during a rollout, as it happens. Every method has an empty default; implement the ones you
 * need. Methods are called on the thread that called {@code rollout}, never concurrently.
 *
 * <pre>{@code
 * engine.rollout(set, RolloutOptions.builder().listener(RolloutListener.console()).build());
 * }</pre>
 *
 * @since 0.1.0
 */
public interface RolloutListener {

    /**
     * An object was applied.
     *
     * @param applied the object and what the apply did; never {@code null}
     */
    default void applied(AppliedResource applied) {
    }

    /**
     * A workload's rollout status changed; the line is exactly the one {@code kubectl rollout status} prints (without
     * its trailing newline), e.g. {@code Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are
     * available...}.
     *
     * @param workload the workload; never {@code null}
     * @param line     the status line; never {@code null}
     */
    default void progress(ResourceRef workload, String line) {
    }

    /**
     * A new pod was seen in a state that may not recover (image pull error, crash loop, unschedulable, ...).
     *
     * @param workload the workload the pod belongs to; never {@code null}
     * @param problem  the problem; never {@code null}
     */
    default void podProblem(ResourceRef workload, PodProblem problem) {
    }

    /**
     * The rollout failed and the engine starts restoring the previous release revision.
     *
     * @param reason   why the rollout failed; never {@code null}
     * @param revision the release revision being restored
     */
    default void rollingBack(String reason, int revision) {
    }

    /**
     * The previous release revision was restored and its workloads completed.
     *
     * @param revision the release revision restored
     */
    default void rolledBack(int revision) {
    }

    /**
     * The rollout ended (in any status).
     *
     * @param result the result; never {@code null}
     */
    default void completed(RolloutResult result) {
    }

    /** @return a listener that ignores every event */
    static RolloutListener none() {
        return new RolloutListener() {
        };
    }

    /**
     * Returns a listener that prints one line per event to {@code System.out}, for humans.
     *
     * @return the console listener
     */
    static RolloutListener console() {
        return console(System.out);
    }

    /**
     * Returns a listener that prints one line per event to the given stream, for humans: kubectl's apply lines
     * ({@code deployment "web" configured}), kubectl's status lines, pod problems, rollback steps and the result.
     *
     * @param out where to print; must not be {@code null}
     * @return the console listener
     */
    static RolloutListener console(PrintStream out) {
        Objects.requireNonNull(out, "out must not be null");
        return new ConsoleListener(out);
    }
}
