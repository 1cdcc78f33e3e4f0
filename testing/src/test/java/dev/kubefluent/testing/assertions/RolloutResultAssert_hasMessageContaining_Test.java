package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.Rollouts.result;
import static dev.kubefluent.testing.assertions.error.ShouldHaveRolloutMessage.shouldHaveRolloutMessage;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.rollout.RolloutResult;
import dev.kubefluent.core.rollout.RolloutStatus;
import org.junit.jupiter.api.Test;

class RolloutResultAssert_hasMessageContaining_Test {

    private final RolloutResult rolledBack = result(RolloutStatus.ROLLED_BACK,
            "pod \"web-7d9c-x2x\": container \"web\": ImagePullBackOff: Back-off pulling image", 2);

    @Test
    void should_pass_if_the_message_contains_the_text() {
        // WHEN
        RolloutResultAssert result = assertThat(rolledBack).wasRolledBack().hasMessageContaining("ImagePullBackOff");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_the_message_lacks_the_text() {
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(rolledBack).hasMessageContaining("CrashLoopBackOff"));
        // THEN
        then(error).hasMessage(shouldHaveRolloutMessage("the rollout of release \"shop\"", "CrashLoopBackOff",
                rolledBack.message()).create());
    }
}
