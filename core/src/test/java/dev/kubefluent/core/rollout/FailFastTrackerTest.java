package dev.kubefluent.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailFastTrackerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FailFastTracker tracker = new FailFastTracker(clock, Duration.ofSeconds(20), 3);

    private static PodProblem problem(String reason, int restarts) {
        return new PodProblem("web-1", "web", reason, "", restarts, List.of(), List.of());
    }

    @Test
    void fails_only_after_the_grace_period_on_the_engine_clock() {
        assertThat(tracker.observe("web-1", List.of(problem("ErrImagePull", 0)))).hasSize(1);
        assertThat(tracker.nextExpiry()).contains(Instant.parse("2026-01-01T00:00:20Z"));
        clock.advance(Duration.ofSeconds(10));
        // the reason alternates for the same bad image: the clock keeps running
        assertThat(tracker.observe("web-1", List.of(problem("ImagePullBackOff", 0)))).isEmpty();
        clock.advance(Duration.ofSeconds(9));
        assertThat(tracker.expired()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tracker.expired()).map(PodProblem::reason).contains("ImagePullBackOff");
    }

    @Test
    void a_recovered_or_deleted_pod_resets_its_clock() {
        tracker.observe("web-1", List.of(problem("ErrImagePull", 0)));
        clock.advance(Duration.ofSeconds(15));
        tracker.observe("web-1", List.of());
        clock.advance(Duration.ofSeconds(10));
        assertThat(tracker.expired()).isEmpty();
        assertThat(tracker.nextExpiry()).isEmpty();
        tracker.observe("web-1", List.of(problem("ErrImagePull", 0)));
        tracker.forget("web-1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(tracker.expired()).isEmpty();
    }

    @Test
    void crash_loops_count_only_after_enough_restarts_and_not_ready_never_counts() {
        tracker.observe("web-1", List.of(problem("CrashLoopBackOff", 2), problem("NotReady", 0)));
        assertThat(tracker.nextExpiry()).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        tracker.observe("web-1", List.of(problem("CrashLoopBackOff", 3)));
        clock.advance(Duration.ofSeconds(19));
        assertThat(tracker.expired()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tracker.expired()).map(PodProblem::restarts).contains(3);
    }
}
