package dev.kubefluent.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Runs an API call, retrying {@link ApiErrors.Kind#TRANSIENT transient} failures and optimistic-lock conflicts with
 * backoff until the retries or the deadline run out. Every call re-reads what it needs, so a retry after a 409
 * works on the latest version. Time is read from the given clock only.
 *
 * <p>Not API.
 */
public final class Retrier {

    /** Waits between attempts; tests replace it so that they never sleep. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits.
         *
         * @param d how long
         * @throws InterruptedException when interrupted
         */
        void sleep(Duration d) throws InterruptedException;
    }

    /** Observes each retry (for tests and logs). */
    @FunctionalInterface
    public interface RetryListener {
        /**
         * A failure is about to be retried.
         *
         * @param what    what is being done
         * @param attempt the attempt that failed, from 1
         * @param failure the failure
         */
        void retrying(String what, int attempt, RuntimeException failure);
    }

    private final Clock clock;
    private final IntFunction<Duration> delays;
    private final int maxRetries;
    private final Sleeper sleeper;
    private final RetryListener listener;

    /**
     * Creates a retrier.
     *
     * @param clock      the clock that deadlines are measured on
     * @param delays     the delay before retry {@code n} (from 1)
     * @param maxRetries the most retries
     * @param sleeper    how to wait
     * @param listener   told about each retry
     */
    public Retrier(Clock clock, IntFunction<Duration> delays, int maxRetries, Sleeper sleeper, RetryListener listener) {
        this.clock = clock;
        this.delays = delays;
        this.maxRetries = maxRetries;
        this.sleeper = sleeper;
        this.listener = listener;
    }

    /**
     * Runs the call.
     *
     * @param what     what is being done, for messages
     * @param deadline give up retrying once the next attempt would start after this instant
     * @param call     the call
     * @param <T>      the result type
     * @return the call's result
     * @throws RuntimeException the last failure, when it is not retryable or the retries or time ran out
     */
    public <T> T call(String what, Instant deadline, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                ApiErrors.Kind kind = ApiErrors.classify(e);
                boolean retryable = kind == ApiErrors.Kind.TRANSIENT || kind == ApiErrors.Kind.OPTIMISTIC_LOCK;
                if (!retryable || attempt > maxRetries) {
                    throw e;
                }
                Duration delay = delays.apply(attempt);
                if (clock.instant().plus(delay).isAfter(deadline)) {
                    throw e;
                }
                listener.retrying(what, attempt, e);
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(ie);
                    throw e;
                }
            }
        }
    }

    /**
     * Runs a call that returns nothing.
     *
     * @param what     what is being done
     * @param deadline see {@link #call(String, Instant, Supplier)}
     * @param call     the call
     */
    public void run(String what, Instant deadline, Runnable call) {
        call(what, deadline, () -> {
            call.run();
            return null;
        });
    }
}
