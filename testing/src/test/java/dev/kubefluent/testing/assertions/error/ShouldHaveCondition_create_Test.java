package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldHaveCondition.shouldHaveCondition;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import java.util.List;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldHaveCondition_create_Test {

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldHaveCondition(ResourceRef.of("Deployment", "shop", "web"), "status.conditions", "Available=True", List.of("Available=False (MinimumReplicasUnavailable)"));
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting Deployment \"web\":%n"
                + "  status.conditions%n"
                + "to contain the condition:%n"
                + "  Available=True%n"
                + "but was:%n"
                + "  [Available=False (MinimumReplicasUnavailable)]"));
    }
}
