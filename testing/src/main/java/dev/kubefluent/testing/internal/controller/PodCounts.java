package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.Pod;

import java.time.Duration;
import java.time.Instant;

/**
 * Ready and available pods of a workload ({@code podutil.IsPodAvailable}), and when the next ready pod becomes
 * available after {@code minReadySeconds}, so that the controller can requeue itself then.
 */
final class PodCounts {

    int ready;
    int available;
    private Instant nextAvailability;

    void add(Pod pod, int minReadySeconds, Instant now) {
        if (!Meta.isPodReady(pod)) {
            return;
        }
        ready++;
        if (Meta.isPodAvailable(pod, minReadySeconds, now)) {
            available++;
            return;
        }
        Instant at = Meta.parseTime(Meta.podCondition(pod, "Ready").getLastTransitionTime()).plusSeconds(minReadySeconds);
        if (nextAvailability == null || at.isBefore(nextAvailability)) {
            nextAvailability = at;
        }
    }

    /** Requeues key when the next ready pod becomes available, if any is waiting for minReadySeconds. */
    void requeueForAvailability(WorkQueue queue, String key, Instant now) {
        if (nextAvailability != null) {
            queue.addAfter(key, Duration.between(now, nextAvailability));
        }
    }
}
