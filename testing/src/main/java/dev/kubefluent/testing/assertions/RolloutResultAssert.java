package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.error.ShouldHaveRolloutMessage.shouldHaveRolloutMessage;
import static dev.kubefluent.testing.assertions.error.ShouldHaveRolloutRevision.shouldHaveRolloutRevision;
import static dev.kubefluent.testing.assertions.error.ShouldHaveRolloutStatus.shouldHaveRolloutStatus;

import dev.kubefluent.core.rollout.RolloutResult;
import dev.kubefluent.core.rollout.RolloutStatus;

/**
 * Assertions on how a rollout ended: its status, its message and the release revision it recorded. A failed status
 * assertion shows the rollout's own message, which says why (the pod problem, the progress deadline, the API
 * server's answer).
 *
 * <pre>{@code
 * assertThat(result).succeeded();
 * assertThat(result).wasRolledBack().hasMessageContaining("ImagePullBackOff");
 * }</pre>
 *
 * @since 0.1.0
 */
public class RolloutResultAssert extends AbstractKubeAssert<RolloutResultAssert, RolloutResult> {

    /**
     * Creates an assertion; prefer {@link KubeAssertions#assertThat(RolloutResult)}.
     *
     * @param actual the result under test, may be {@code null} (every assertion then fails)
     */
    public RolloutResultAssert(RolloutResult actual) {
        super(actual, RolloutResultAssert.class);
    }

    /**
     * Verifies that the rollout succeeded: every object was applied and every workload completed its rollout.
     *
     * <p>Assertion succeeds: {@code assertThat(engine.rollout(set)).succeeded();} for a rollout that completed.
     * Assertion fails: the same call for a rollout that failed on {@code ImagePullBackOff}; the message says so.
     *
     * @return this assertion for method chaining
     * @throws AssertionError if the status is not {@link RolloutStatus#SUCCEEDED}
     */
    public RolloutResultAssert succeeded() {
        return hasStatus(RolloutStatus.SUCCEEDED);
    }

    /**
     * Verifies that the rollout failed and was left as it is ({@link RolloutStatus#FAILED}).
     *
     * <p>Assertion succeeds: {@code assertThat(result).failed();} for a failed rollout under
     * {@code FailurePolicy.LEAVE}. Assertion fails: the same call for a rollout that succeeded or was rolled back.
     *
     * @return this assertion for method chaining
     * @throws AssertionError if the status is not {@link RolloutStatus#FAILED}
     */
    public RolloutResultAssert failed() {
        return hasStatus(RolloutStatus.FAILED);
    }

    /**
     * Verifies that the rollout failed and the previous release revision was restored
     * ({@link RolloutStatus#ROLLED_BACK}).
     *
     * <p>Assertion succeeds: {@code assertThat(result).wasRolledBack();} for a rollout of a bad image under
     * {@code FailurePolicy.ROLLBACK}. Assertion fails: the same call for a rollout that succeeded.
     *
     * @return this assertion for method chaining
     * @throws AssertionError if the status is not {@link RolloutStatus#ROLLED_BACK}
     */
    public RolloutResultAssert wasRolledBack() {
        return hasStatus(RolloutStatus.ROLLED_BACK);
    }

    /**
     * Verifies that the engine's overall timeout ran out ({@link RolloutStatus#TIMED_OUT}).
     *
     * <p>Assertion succeeds: {@code assertThat(result).timedOut();} for a rollout that did not complete in time.
     * Assertion fails: the same call for a rollout that succeeded.
     *
     * @return this assertion for method chaining
     * @throws AssertionError if the status is not {@link RolloutStatus#TIMED_OUT}
     */
    public RolloutResultAssert timedOut() {
        return hasStatus(RolloutStatus.TIMED_OUT);
    }

    /**
     * Verifies how the rollout ended.
     *
     * <p>Assertion succeeds: {@code assertThat(result).hasStatus(RolloutStatus.ROLLBACK_FAILED);} when restoring the
     * previous revision failed too. Assertion fails: the same call for a rollout that was rolled back.
     *
     * @param expected the expected status; must not be {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code expected} is {@code null}
     * @throws AssertionError if the status differs
     */
    public RolloutResultAssert hasStatus(RolloutStatus expected) {
        Checks.notNull(expected, "status");
        if (skipped) {
            return myself;
        }
        isNotNull();
        if (actual.status() != expected) {
            throwAssertionError(shouldHaveRolloutStatus(describe(), expected, actual.status(), actual.message()));
        }
        return myself;
    }

    /**
     * Verifies that the rollout's message contains the given text, e.g. the Kubernetes reason of a pod problem.
     *
     * <p>Assertion succeeds: {@code assertThat(result).hasMessageContaining("ImagePullBackOff");} for a rollout that
     * failed pulling an image. Assertion fails: the same call for a rollout that failed on {@code CrashLoopBackOff}.
     *
     * @param expected the text; must not be {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code expected} is {@code null}
     * @throws AssertionError if the message does not contain the text
     */
    public RolloutResultAssert hasMessageContaining(String expected) {
        Checks.notNull(expected, "expected text");
        if (skipped) {
            return myself;
        }
        isNotNull();
        if (!actual.message().contains(expected)) {
            throwAssertionError(shouldHaveRolloutMessage(describe(), expected, actual.message()));
        }
        return myself;
    }

    /**
     * Verifies the release revision the rollout recorded (1 for a first rollout, 0 when nothing was recorded).
     *
     * <p>Assertion succeeds: {@code assertThat(result).hasRevision(2);} for the second rollout of a release.
     * Assertion fails: {@code hasRevision(1)} for the same rollout.
     *
     * @param expected the expected revision
     * @return this assertion for method chaining
     * @throws AssertionError if the revision differs
     */
    public RolloutResultAssert hasRevision(int expected) {
        if (skipped) {
            return myself;
        }
        isNotNull();
        if (actual.revision() != expected) {
            throwAssertionError(shouldHaveRolloutRevision(describe(), expected, actual.revision()));
        }
        return myself;
    }

    private String describe() {
        return "the rollout of release \"" + actual.release() + "\"";
    }
}
