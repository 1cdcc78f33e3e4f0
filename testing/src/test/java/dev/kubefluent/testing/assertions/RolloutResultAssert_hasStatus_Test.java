package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.Rollouts.result;
import static dev.kubefluent.testing.assertions.error.ShouldHaveRolloutStatus.shouldHaveRolloutStatus;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.rollout.RolloutResult;
import dev.kubefluent.core.rollout.RolloutStatus;
import org.junit.jupiter.api.Test;

class RolloutResultAssert_hasStatus_Test {

    private static final String PULL_FAILED = "pod \"web-7d9c-x2x\": container \"web\": ImagePullBackOff: Back-off"
            + " pulling image \"ghcr.io/acme/web:typo\"\nrolled back to revision 1";

    private final RolloutResult succeeded = result(RolloutStatus.SUCCEEDED, "deployment \"web\" successfully rolled out", 2);
    private final RolloutResult rolledBack = result(RolloutStatus.ROLLED_BACK, PULL_FAILED, 2);

    @Test
    void should_pass_for_each_named_status() {
        // WHEN
        RolloutResultAssert result = assertThat(succeeded).succeeded().hasStatus(RolloutStatus.SUCCEEDED);
        assertThat(rolledBack).wasRolledBack();
        assertThat(result(RolloutStatus.FAILED, "failed", 1)).failed();
        assertThat(result(RolloutStatus.TIMED_OUT, "timed out", 1)).timedOut();
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_with_the_rollout_message_when_it_did_not_succeed() {
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(rolledBack).succeeded());
        // THEN
        then(error).hasMessage(shouldHaveRolloutStatus("the rollout of release \"shop\"", RolloutStatus.SUCCEEDED,
                RolloutStatus.ROLLED_BACK, PULL_FAILED).create());
    }

    @Test
    void should_fail_when_a_successful_rollout_is_expected_to_be_rolled_back() {
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(succeeded).wasRolledBack());
        // THEN
        then(error).hasMessage(shouldHaveRolloutStatus("the rollout of release \"shop\"", RolloutStatus.ROLLED_BACK,
                RolloutStatus.SUCCEEDED, "deployment \"web\" successfully rolled out").create());
    }

    @Test
    void should_fail_for_failed_and_timed_out_on_another_status() {
        // WHEN
        AssertionError failed = expectAssertionError(() -> assertThat(succeeded).failed());
        AssertionError timedOut = expectAssertionError(() -> assertThat(succeeded).timedOut());
        // THEN
        then(failed).hasMessage(shouldHaveRolloutStatus("the rollout of release \"shop\"", RolloutStatus.FAILED,
                RolloutStatus.SUCCEEDED, "deployment \"web\" successfully rolled out").create());
        then(timedOut).hasMessage(shouldHaveRolloutStatus("the rollout of release \"shop\"", RolloutStatus.TIMED_OUT,
                RolloutStatus.SUCCEEDED, "deployment \"web\" successfully rolled out").create());
    }
}
