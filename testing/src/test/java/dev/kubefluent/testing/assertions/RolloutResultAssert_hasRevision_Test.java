package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.Rollouts.result;
import static dev.kubefluent.testing.assertions.error.ShouldHaveRolloutRevision.shouldHaveRolloutRevision;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.rollout.RolloutResult;
import dev.kubefluent.core.rollout.RolloutStatus;
import org.junit.jupiter.api.Test;

class RolloutResultAssert_hasRevision_Test {

    private final RolloutResult second = result(RolloutStatus.SUCCEEDED, "ok", 2);

    @Test
    void should_pass_if_the_revision_matches() {
        // WHEN
        RolloutResultAssert result = assertThat(second).hasRevision(2);
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_the_revision_differs() {
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(second).hasRevision(1));
        // THEN
        then(error).hasMessage(shouldHaveRolloutRevision("the rollout of release \"shop\"", 1, 2).create());
    }
}
