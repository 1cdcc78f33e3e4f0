package dev.kubefluent.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final List<Duration> slept = new ArrayList<>();
    // deadlines are checked against a fixed clock: each retry must fit, on its own delay, before the deadline
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);

    private Retrier retrier(int maxRetries) {
        return new Retrier(clock, n -> Duration.ofMillis(100L << (n - 1)), maxRetries, d -> {
            slept.add(d);
        }, (what, attempt, failure) -> { });
    }

    @Test
    void transient_failures_are_retried_with_growing_delays() {
        AtomicInteger calls = new AtomicInteger();
        String result = retrier(5).call("get", now.plusSeconds(60), () -> {
            if (calls.incrementAndGet() <= 3) {
                throw ApiErrorsTest.http(calls.get() == 2 ? 409 : 500, "Conflict", "the object has been modified");
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(4);
        assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void permanent_failures_and_field_conflicts_fail_at_once() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier(5).call("apply", now.plusSeconds(60), () -> {
            calls.incrementAndGet();
            throw ApiErrorsTest.fieldConflict();
        })).isInstanceOf(KubernetesClientException.class);
        assertThatThrownBy(() -> retrier(5).call("apply", now.plusSeconds(60), () -> {
            calls.incrementAndGet();
            throw ApiErrorsTest.http(403, "Forbidden", "no");
        })).hasMessage("no");
        assertThat(calls).hasValue(2);
        assertThat(slept).isEmpty();
    }

    @Test
    void retries_stop_at_the_limit_or_the_deadline() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier(2).call("get", now.plusSeconds(60), () -> {
            calls.incrementAndGet();
            throw ApiErrorsTest.http(500, "InternalError", "boom");
        })).hasMessage("boom");
        assertThat(calls).hasValue(3);
        calls.set(0);
        slept.clear();
        assertThatThrownBy(() -> retrier(10).call("get", now.plusMillis(350), () -> {
            calls.incrementAndGet();
            throw ApiErrorsTest.http(503, "ServiceUnavailable", "later");
        })).hasMessage("later");
        // 100 + 200 fit before the deadline, 400 more would not
        assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(calls).hasValue(3);
    }
}
