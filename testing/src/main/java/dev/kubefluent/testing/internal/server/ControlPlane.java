package dev.kubefluent.testing.internal.server;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The cluster's single control-plane thread and its virtual clock: a discrete-event simulation.
 *
 * <p>Work submitted from outside (HTTP requests) and work queued from inside (store-change notifications) runs in
 * FIFO order at the current virtual instant. When nothing is left, virtual time moves straight to the next scheduled
 * task, after waiting {@code (next - now) / timeScale} of wall time (or at once when {@link #advance} asks for it). In
 * manual mode virtual time moves only through {@link #advance}.
 */
public final class ControlPlane implements AutoCloseable {

    private record Scheduled(long at, long seq, Runnable task) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock taskLock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Runnable> immediate = new ArrayDeque<>();
    private final PriorityQueue<Scheduled> timers = new PriorityQueue<>();
    private final Instant epoch;
    private final double timeScale;
    private final boolean manual;
    private final Thread thread;
    private long nowNanos;
    private long advanceTarget;
    private long seq;
    private boolean running;
    private boolean closed;
    private Scheduled waitingFor;
    private long wallDeadline;
    private volatile Throwable lastFailure;
    private volatile boolean started;
    private volatile Thread inlineThread;

    public ControlPlane(String name, Instant epoch, double timeScale, boolean manual) {
        this.epoch = epoch;
        this.timeScale = timeScale;
        this.manual = manual;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts the control-plane thread. Before that, {@link #call} runs work on the caller's thread, so a cluster can
     * be set up without thread hand-offs; work queued meanwhile runs once the thread starts.
     */
    public void start() {
        started = true;
        thread.start();
    }

    public boolean isControlPlaneThread() {
        Thread current = Thread.currentThread();
        return current == thread || !started || current == inlineThread;
    }

    /**
     * Runs read-only work on the calling thread while no task runs, so reads see a consistent store without a hand-off
     * to the control-plane thread. The work must not change the store.
     */
    public <T> T read(Supplier<T> work) {
        if (isControlPlaneThread()) {
            return work.get();
        }
        taskLock.lock();
        try {
            return work.get();
        } finally {
            taskLock.unlock();
        }
    }

    /** The virtual clock's current instant. */
    public Instant now() {
        lock.lock();
        try {
            return epoch.plusNanos(nowNanos);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues work at the current virtual instant, after everything queued before it.
     *
     * @return false when the control plane is closed and the work was dropped
     */
    public boolean execute(Runnable task) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            immediate.add(task);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs work as the next control-plane task: at once on the calling thread when the control plane is idle at the
     * current instant (nothing queued, running or due), which spares a request two thread hand-offs; otherwise it is
     * queued like {@link #execute}. Either way it runs alone, in FIFO order, and counts as the control-plane thread.
     *
     * @return false when the control plane is closed and the work was dropped
     */
    public boolean runNow(Runnable task) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            Scheduled next = timers.peek();
            boolean due = next != null && next.at <= Math.max(nowNanos, advanceTarget);
            if (running || inlineThread != null || !immediate.isEmpty() || due || !started
                    || Thread.currentThread() == thread) {
                immediate.add(task);
                changed.signalAll();
                return true;
            }
            inlineThread = Thread.currentThread();
        } finally {
            lock.unlock();
        }
        runTask(task);
        return true;
    }

    /** Runs one task alone (under the task lock), then marks the control plane as no longer busy with it. */
    private void runTask(Runnable task) {
        taskLock.lock();
        try {
            task.run();
        } catch (Throwable t) {
            lastFailure = t;
        } finally {
            taskLock.unlock();
            lock.lock();
            try {
                if (Thread.currentThread() == thread) {
                    running = false;
                } else {
                    inlineThread = null;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Runs task when virtual time reaches now + delay. */
    public void schedule(Duration delay, Runnable task) {
        long nanos = Math.max(0, delay.toNanos());
        lock.lock();
        try {
            timers.add(new Scheduled(nowNanos + nanos, seq++, task));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Runs work on the control-plane thread and waits for its result (at once when already on it). */
    public <T> T call(Supplier<T> work, Duration timeout) {
        if (isControlPlaneThread()) {
            return work.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the simulated control plane", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the simulated control plane did not answer within " + timeout
                    + (closed ? " (the cluster is closed)" : ""));
        }
    }

    /** Moves virtual time forward by d, running every task that falls due on the way, then waits until idle. */
    public void advance(Duration d, Duration timeout) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative but was: " + d);
        }
        checkNotOnControlPlane("advance");
        long target;
        lock.lock();
        try {
            target = nowNanos + d.toNanos();
            advanceTarget = Math.max(advanceTarget, target);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        awaitIdle(target, timeout);
    }

    /** Waits until every task due at the current virtual instant has run and nothing is queued. */
    public void runUntilIdle(Duration timeout) {
        checkNotOnControlPlane("runUntilIdle");
        long target;
        lock.lock();
        try {
            target = nowNanos;
        } finally {
            lock.unlock();
        }
        awaitIdle(target, timeout);
    }

    private void checkNotOnControlPlane(String operation) {
        if (isControlPlaneThread()) {
            throw new IllegalStateException(operation + "() must not be called from a controller or a scheduled task");
        }
    }

    private void awaitIdle(long target, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!closed && !(isIdleLocked() && nowNanos >= target)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new IllegalStateException("the simulated cluster did not become idle within " + timeout
                            + ": " + immediate.size() + " task(s) queued, virtual time " + epoch.plusNanos(nowNanos));
                }
                changed.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the simulated cluster to become idle", e);
        } finally {
            lock.unlock();
        }
    }

    private boolean isIdleLocked() {
        if (running || inlineThread != null || !immediate.isEmpty()) {
            return false;
        }
        Scheduled next = timers.peek();
        return next == null || next.at > Math.max(nowNanos, advanceTarget);
    }

    /** The last exception a task threw, for diagnostics; tasks never stop the loop. */
    public Throwable lastFailure() {
        return lastFailure;
    }

    private void loop() {
        while (true) {
            Runnable task = nextTask();
            if (task == null) {
                return;
            }
            runTask(task);
        }
    }

    private Runnable nextTask() {
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    return null;
                }
                if (inlineThread != null) {
                    changed.await();
                    continue;
                }
                if (!immediate.isEmpty()) {
                    running = true;
                    return immediate.poll();
                }
                Scheduled next = timers.peek();
                if (next != null && next.at <= Math.max(nowNanos, advanceTarget)) {
                    timers.poll();
                    nowNanos = Math.max(nowNanos, next.at);
                    waitingFor = null;
                    running = true;
                    return next.task;
                }
                if (advanceTarget > nowNanos) {
                    nowNanos = advanceTarget;
                    changed.signalAll();
                    continue;
                }
                if (next == null || manual) {
                    waitingFor = null;
                    changed.await();
                    continue;
                }
                if (waitingFor != next) {
                    waitingFor = next;
                    wallDeadline = System.nanoTime() + (long) ((next.at - nowNanos) / timeScale);
                }
                long remaining = wallDeadline - System.nanoTime();
                if (remaining <= 0) {
                    nowNanos = next.at;
                    continue;
                }
                changed.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            immediate.clear();
            timers.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (started && Thread.currentThread() != thread) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
