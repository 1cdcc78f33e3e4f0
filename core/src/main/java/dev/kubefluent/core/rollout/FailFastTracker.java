package dev.kubefluent.core.rollout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Remembers since when (on the engine's own clock, never the server's) each new pod has been in an
 * unrecoverable-looking state, and says when one has stayed in it for the grace period.
 */
final class FailFastTracker {

    private final Clock clock;
    private final Duration grace;
    private final int crashLoopRestarts;
    private final Map<String, Seen> seen = new LinkedHashMap<>();

    private record Seen(Instant since, PodProblem problem) {
    }

    FailFastTracker(Clock clock, Duration grace, int crashLoopRestarts) {
        this.clock = clock;
        this.grace = grace;
        this.crashLoopRestarts = crashLoopRestarts;
    }

    /**
     * Records the current problems of one pod, replacing what was known about it.
     *
     * @param pod      the pod's name
     * @param problems its current problems (all of them; recoverable ones are ignored)
     * @return the unrecoverable problems seen for the first time
     */
    List<PodProblem> observe(String pod, List<PodProblem> problems) {
        Instant now = clock.instant();
        Set<String> current = new HashSet<>();
        List<PodProblem> fresh = new java.util.ArrayList<>();
        for (PodProblem p : problems) {
            if (!PodDiagnosis.isUnrecoverable(p, crashLoopRestarts)) {
                continue;
            }
            String key = key(pod, p);
            current.add(key);
            Seen before = seen.get(key);
            if (before == null) {
                seen.put(key, new Seen(now, p));
                fresh.add(p);
            } else {
                seen.put(key, new Seen(before.since(), p));
            }
        }
        seen.keySet().removeIf(k -> k.startsWith(pod + "/") && !current.contains(k));
        return fresh;
    }

    /**
     * Forgets a pod that was deleted.
     *
     * @param pod the pod's name
     */
    void forget(String pod) {
        seen.keySet().removeIf(k -> k.startsWith(pod + "/"));
    }

    /** @return the first problem that has lasted the grace period, if any */
    Optional<PodProblem> expired() {
        Instant now = clock.instant();
        for (Seen s : seen.values()) {
            if (!now.isBefore(s.since().plus(grace))) {
                return Optional.of(s.problem());
            }
        }
        return Optional.empty();
    }

    /** @return when the earliest tracked problem's grace period ends, if any problem is tracked */
    Optional<Instant> nextExpiry() {
        return seen.values().stream().map(s -> s.since().plus(grace)).min(Instant::compareTo);
    }

    private static String key(String pod, PodProblem p) {
        // ErrImagePull and ImagePullBackOff alternate for one bad image: one condition, one clock
        String kind = p.reason().equals("ImagePullBackOff") ? "ErrImagePull" : p.reason();
        return pod + "/" + p.container() + "/" + kind;
    }
}
