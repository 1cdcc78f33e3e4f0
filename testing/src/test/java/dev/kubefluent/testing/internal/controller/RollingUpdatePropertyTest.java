package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Deployment controller: RollingUpdate invariants over (replicas, maxSurge, maxUnavailable)")
class RollingUpdatePropertyTest {

    private static final Object[] SURGES = {0, 1, 2, 5, "0%", "1%", "25%", "35%", "50%", "100%"};
    private static final Object[] UNAVAILABLES = {0, 1, 2, 5, "0%", "1%", "10%", "25%", "50%", "100%"};

    /** A fixed pseudo-random sample of the space plus the corners; literal 0/0 pairs are invalid and skipped. */
    static Stream<Arguments> configurations() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of(1, 0, 1));
        out.add(Arguments.of(1, 1, 0));
        out.add(Arguments.of(2, "1%", "1%"));
        out.add(Arguments.of(3, "0%", "25%"));
        out.add(Arguments.of(8, "35%", "10%"));
        out.add(Arguments.of(13, "25%", "25%"));
        out.add(Arguments.of(2, 5, 5));
        out.add(Arguments.of(0, "25%", "25%"));
        Random random = new Random(20261127);
        while (out.size() < 40) {
            int replicas = 1 + random.nextInt(15);
            Object surge = SURGES[random.nextInt(SURGES.length)];
            Object unavailable = UNAVAILABLES[random.nextInt(UNAVAILABLES.length)];
            if (isLiteralZero(surge) && isLiteralZero(unavailable)) {
                continue;
            }
            out.add(Arguments.of(replicas, surge, unavailable));
        }
        return out.stream();
    }

    private static boolean isLiteralZero(Object v) {
        return v.equals(0) || v.equals("0%");
    }

    @ParameterizedTest(name = "replicas={0}, maxSurge={1}, maxUnavailable={2}")
    @MethodSource("configurations")
    void rollout_respects_the_fenceposts_and_completes(int replicas, Object surge, Object unavailable) {
        Sim sim = new Sim();
        Deployment d = Sim.deployment("web", replicas, surge, unavailable, "web:1");
        sim.createAndRollOut(d);
        int maxSurge = Fenceposts.maxSurge(d);
        int maxUnavailable = Fenceposts.maxUnavailable(d);
        List<String> violations = new ArrayList<>();
        sim.cluster.afterEachTask(() -> {
            List<Pod> pods = sim.pods();
            long ready = pods.stream().filter(Meta::isPodReady).count();
            if (pods.size() > replicas + maxSurge) {
                violations.add(sim.cluster.now() + ": " + pods.size() + " pods > " + replicas + " + " + maxSurge);
            }
            if (ready < replicas - maxUnavailable) {
                violations.add(sim.cluster.now() + ": " + ready + " available < " + replicas + " - " + maxUnavailable);
            }
        });
        sim.setImage("web", "web:2");
        sim.cluster.runUntil(() -> sim.rolledOut("web") && sim.specOf("web:1") == 0
            && sim.pods().stream().allMatch(p -> p.getSpec().getContainers().get(0).getImage().equals("web:2")),
            Duration.ofMinutes(5), "rollout to web:2");
        assertThat(violations).isEmpty();
        assertThat(sim.pods()).hasSize(replicas).allMatch(Meta::isPodReady);
        assertThat(sim.specOf("web:2")).isEqualTo(replicas);
        assertThat(sim.get("web").getStatus().getObservedGeneration()).isEqualTo(2L);
    }
}
