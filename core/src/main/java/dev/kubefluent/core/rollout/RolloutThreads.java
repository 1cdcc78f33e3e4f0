package dev.kubefluent.core.rollout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's helper threads: daemon threads started on demand and dropped after 30 idle seconds, shared by all
 * engines. They carry the release-record writes that overlap a rollout's wait, so that they do not hold up the
 * caller. (Not the common fork-join pool: on a machine with two cores or fewer {@link CompletableFuture#runAsync(Runnable)} starts a new thread for every task.)
 */
final class RolloutThreads {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "kubefluent-rollout-" + COUNT.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private RolloutThreads() {
    }

    /**
     * Runs a task on a helper thread.
     *
     * @param task the task
     * @return completes when the task has run, exceptionally with what it threw
     */
    static CompletableFuture<Void> run(Runnable task) {
        return CompletableFuture.runAsync(task, POOL);
    }
}
