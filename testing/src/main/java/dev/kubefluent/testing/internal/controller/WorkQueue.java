package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A client-go style rate-limited work queue on virtual time: a key is queued at most once, a key added while it is
 * being processed is processed again afterwards, and a failed key is retried after 5 ms &middot; 2<sup>k</sup>, at
 * most {@link #MAX_RETRIES} times ({@code deployment_controller.go · handleErr}).
 */
final class WorkQueue {

    static final int MAX_RETRIES = 15;
    private static final Duration BASE_DELAY = Duration.ofMillis(5);

    private final ClusterAccess access;
    private final Consumer<String> handler;
    private final Set<String> queued = new HashSet<>();
    private final Set<String> processing = new HashSet<>();
    private final Map<String, Integer> failures = new HashMap<>();

    WorkQueue(ClusterAccess access, Consumer<String> handler) {
        this.access = access;
        this.handler = handler;
    }

    void add(String key) {
        if (!queued.add(key) || processing.contains(key)) {
            return;
        }
        access.schedule(Duration.ZERO, () -> process(key));
    }

    /** Queues the controller owner of child if it is of the given kind. */
    void addControllerOf(HasMetadata child, String ownerKind) {
        OwnerReference ref = Meta.controllerOf(child);
        if (ref != null && ownerKind.equals(ref.getKind())) {
            add(Meta.key(Meta.namespace(child), ref.getName()));
        }
    }

    void addAfter(String key, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            add(key);
        } else {
            access.schedule(delay, () -> add(key));
        }
    }

    /** {@code AddRateLimited}: the next per-key exponential back-off delay. */
    void addRateLimited(String key) {
        int n = failures.merge(key, 1, Integer::sum);
        addAfter(key, BASE_DELAY.multipliedBy(1L << Math.min(n - 1, 30)));
    }

    private void process(String key) {
        if (!queued.remove(key)) {
            return;
        }
        processing.add(key);
        try {
            handler.accept(key);
            failures.remove(key);
        } catch (RuntimeException e) {
            if (failures.getOrDefault(key, 0) < MAX_RETRIES) {
                addRateLimited(key);
            } else {
                failures.remove(key);
            }
        } finally {
            processing.remove(key);
            if (queued.contains(key)) {
                access.schedule(Duration.ZERO, () -> process(key));
            }
        }
    }
}
