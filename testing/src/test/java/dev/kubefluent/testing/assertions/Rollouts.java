package dev.kubefluent.testing.assertions;

import dev.kubefluent.core.rollout.RolloutResult;
import dev.kubefluent.core.rollout.RolloutStatus;

/** Builds {@link RolloutResult} values for assertion tests through the public builder. */
final class Rollouts {

    private Rollouts() {
    }

    static RolloutResult result(RolloutStatus status, String message, int revision) {
        return RolloutResult.builder(status, "shop").message(message).revision(revision).build();
    }
}
