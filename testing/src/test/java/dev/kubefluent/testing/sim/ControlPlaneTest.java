package dev.kubefluent.testing.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.testing.internal.server.ControlPlane;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The control plane runs a write at once when idle, and in FIFO order otherwise")
class ControlPlaneTest {

    private ControlPlane plane;

    @BeforeEach
    void start() {
        plane = new ControlPlane("control-plane-test", Instant.parse("2025-01-01T00:00:00Z"), 1, true);
        plane.start();
    }

    @AfterEach
    void stop() {
        plane.close();
    }

    @Test
    @DisplayName("when idle, runNow runs the task on the calling thread, which counts as the control-plane thread")
    void inline_when_idle() {
        Thread caller = Thread.currentThread();
        List<Object> seen = new CopyOnWriteArrayList<>();
        assertThat(plane.runNow(() -> {
            seen.add(Thread.currentThread());
            seen.add(plane.isControlPlaneThread());
        })).isTrue();
        assertThat(seen).containsExactly(caller, true);
        assertThat(plane.isControlPlaneThread()).isFalse();
    }

    @Test
    @DisplayName("while a task runs, runNow queues behind it instead of running concurrently")
    void queued_when_busy() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        plane.execute(() -> {
            running.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("first");
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        Thread caller = Thread.currentThread();
        plane.runNow(() -> order.add(Thread.currentThread() == caller ? "second inline" : "second queued"));
        assertThat(order).isEmpty();
        release.countDown();
        plane.runUntilIdle(Duration.ofSeconds(10));
        assertThat(order).containsExactly("first", "second queued");
    }

    @Test
    @DisplayName("work queued by an inline task runs after it, on the control-plane thread")
    void follow_up_work_runs_after() {
        List<String> order = new CopyOnWriteArrayList<>();
        plane.runNow(() -> {
            plane.execute(() -> order.add("follow-up"));
            order.add("write");
        });
        plane.runUntilIdle(Duration.ofSeconds(10));
        assertThat(order).containsExactly("write", "follow-up");
    }

    @Test
    @DisplayName("a closed control plane refuses work")
    void closed() {
        plane.close();
        assertThat(plane.runNow(() -> {
        })).isFalse();
        assertThat(plane.execute(() -> {
        })).isFalse();
    }
}
