package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldHaveRolloutStatus.shouldHaveRolloutStatus;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.rollout.RolloutStatus;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldHaveRolloutStatus_create_Test {

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldHaveRolloutStatus("the rollout of release \"shop\"", RolloutStatus.SUCCEEDED, RolloutStatus.ROLLED_BACK, "pod \"web-1\": container \"web\": ImagePullBackOff\nrolled back to revision 1");
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting the rollout of release \"shop\":%n"
                + "  status%n"
                + "to be:%n"
                + "  SUCCEEDED%n"
                + "but was:%n"
                + "  ROLLED_BACK%n"
                + "because:%n"
                + "  pod \"web-1\": container \"web\": ImagePullBackOff\n"
                + "  rolled back to revision 1"));
    }
}
