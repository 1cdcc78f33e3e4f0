package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldHaveRolloutMessage.shouldHaveRolloutMessage;
import static org.assertj.core.api.BDDAssertions.then;

import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldHaveRolloutMessage_create_Test {

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldHaveRolloutMessage("the rollout of release \"shop\"", "ImagePullBackOff", "deployment \"web\" successfully rolled out");
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting the rollout of release \"shop\":%n"
                + "  message%n"
                + "to contain:%n"
                + "  \"ImagePullBackOff\"%n"
                + "but was:%n"
                + "  \"deployment \"web\" successfully rolled out\""));
    }
}
