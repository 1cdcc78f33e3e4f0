package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldHaveRolloutRevision.shouldHaveRolloutRevision;
import static org.assertj.core.api.BDDAssertions.then;

import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldHaveRolloutRevision_create_Test {

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldHaveRolloutRevision("the rollout of release \"shop\"", 1, 2);
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting the rollout of release \"shop\":%n"
                + "  revision%n"
                + "to be:%n"
                + "  1%n"
                + "but was:%n"
                + "  2"));
    }
}
