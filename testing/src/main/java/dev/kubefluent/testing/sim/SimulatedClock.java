package dev.kubefluent.testing.sim;

import dev.kubefluent.testing.internal.server.ControlPlane;
import java.time.Duration;
import java.time.Instant;

/**
 * The virtual clock of a simulated cluster: creation and deletion timestamps, controller delays and deadlines all
 * use it, never the machine's clock.
 *
 * <p>Simulated time advances only when the cluster has nothing left to do, straight to the next scheduled event,
 * after waiting {@code (next - now) / timeScale} of wall time. {@link #advance(Duration)} moves it forward at once.
 *
 * <pre>{@code
 * Instant before = cluster.clock().now();
 * cluster.clock().advance(Duration.ofMinutes(10));   // runs everything due in those ten minutes
 * }</pre>
 *
 * @since 0.1
 */
public final class SimulatedClock {

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final ControlPlane controlPlane;
    private final Runnable checkOpen;

    SimulatedClock(ControlPlane controlPlane, Runnable checkOpen) {
        this.controlPlane = controlPlane;
        this.checkOpen = checkOpen;
    }

    /**
     * The current simulated instant.
     *
     * @return the virtual time now
     */
    public Instant now() {
        checkOpen.run();
        return controlPlane.now();
    }

    /**
     * Moves simulated time forward by {@code duration} without waiting for the wall clock, running every scheduled
     * event that falls due on the way (in time order) and everything those cause, then returns.
     *
     * @param duration how far to move, must not be {@code null} or negative
     * @throws IllegalStateException when the cluster does not settle within 30 seconds of wall time, or when called
     *     from a controller
     */
    public void advance(Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be null or negative but was: " + duration);
        }
        checkOpen.run();
        controlPlane.advance(duration, IDLE_TIMEOUT);
    }

    @Override
    public String toString() {
        return "SimulatedClock[" + controlPlane.now() + "]";
    }
}
