package dev.kubefluent.core.rollout;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the engine waits before retrying a request that failed transiently (a 5xx, a 429, a reset connection, an
 * optimistic-lock conflict), and how many times it retries. Retries also stop when the rollout's timeout runs out.
 *
 * <pre>{@code
 * RolloutEngine engine = RolloutEngine.builder(client)
 *         .backoff(BackoffPolicy.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 8))
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class BackoffPolicy {

    private final Duration initial;
    private final Duration max;
    private final int maxRetries;

    private BackoffPolicy(Duration initial, Duration max, int maxRetries) {
        this.initial = initial;
        this.max = max;
        this.maxRetries = maxRetries;
    }

    /**
     * Returns the default policy: 100 ms, doubling up to 5 s, at most 10 retries.
     *
     * @return the default policy
     */
    public static BackoffPolicy defaults() {
        return exponential(Duration.ofMillis(100), Duration.ofSeconds(5), 10);
    }

    /**
     * Returns a policy that never retries.
     *
     * @return the policy
     */
    public static BackoffPolicy none() {
        return new BackoffPolicy(Duration.ZERO, Duration.ZERO, 0);
    }

    /**
     * Returns an exponential policy: {@code initial}, then twice the previous delay, capped at {@code max}.
     *
     * @param initial    the first delay; must not be {@code null} or negative
     * @param max        the largest delay; must not be {@code null} or smaller than {@code initial}
     * @param maxRetries how many retries at most; must not be negative
     * @return the policy
     */
    public static BackoffPolicy exponential(Duration initial, Duration max, int maxRetries) {
        Objects.requireNonNull(initial, "initial must not be null");
        Objects.requireNonNull(max, "max must not be null");
        if (initial.isNegative()) {
            throw new IllegalArgumentException("initial must not be negative but was: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max must not be smaller than initial (" + initial + ") but was: " + max);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative but was: " + maxRetries);
        }
        return new BackoffPolicy(initial, max, maxRetries);
    }

    /**
     * Returns the delay before the given retry.
     *
     * @param retry the retry, starting at 1
     * @return the delay
     */
    public Duration delayBefore(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1 but was: " + retry);
        }
        Duration d = initial;
        for (int i = 1; i < retry && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /** @return how many retries at most */
    public int maxRetries() {
        return maxRetries;
    }

    @Override
    public String toString() {
        return maxRetries == 0 ? "no retries"
                : "exponential backoff from " + initial + " to " + max + ", at most " + maxRetries + " retries";
    }
}
