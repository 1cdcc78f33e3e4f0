package dev.kubefluent.testing.assertions;

import dev.kubefluent.core.rollout.RolloutResult;
import dev.kubefluent.core.rollout.RolloutStatus;
import java.lang.reflect.Constructor;
import java.util.List;

/**
 * Builds {@link RolloutResult} values for assertion tests. The rollout engine creates them through a package-private
 * constructor and offers no public factory, so the tests reach that constructor reflectively instead of running a
 * whole rollout for each status.
 */
final class Rollouts {

    private Rollouts() {
    }

    static RolloutResult result(RolloutStatus status, String message, int revision) {
        try {
            Constructor<RolloutResult> constructor = RolloutResult.class.getDeclaredConstructor(RolloutStatus.class,
                    String.class, String.class, int.class, List.class, List.class, List.class);
            constructor.setAccessible(true);
            return constructor.newInstance(status, message, "shop", revision, List.of(), List.of(), List.of());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("RolloutResult's constructor changed: " + e, e);
        }
    }
}
