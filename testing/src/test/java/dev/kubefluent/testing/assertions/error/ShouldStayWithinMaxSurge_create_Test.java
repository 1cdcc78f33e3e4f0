package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldStayWithinMaxSurge.shouldStayWithinMaxSurge;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldStayWithinMaxSurge_create_Test {

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldStayWithinMaxSurge(ResourceRef.of("Deployment", "shop", "web"), 3, 1,
                "#7 ADDED Pod \"web-6b8f9-x2x9q\": 5 pods, 3 available");
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting the rollout of Deployment \"web\":%n"
                + "  pods not terminating%n"
                + "to stay at or below:%n"
                + "  4 (spec.replicas 3 + maxSurge 1)%n"
                + "but was above at:%n"
                + "  #7 ADDED Pod \"web-6b8f9-x2x9q\": 5 pods, 3 available"));
    }
}
