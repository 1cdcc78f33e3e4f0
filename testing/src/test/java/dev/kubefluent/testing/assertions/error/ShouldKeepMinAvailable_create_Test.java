package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldKeepMinAvailable.shouldKeepMinAvailable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldKeepMinAvailable_create_Test {

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldKeepMinAvailable(ResourceRef.of("Deployment", "shop", "web"), 4, 1,
                "#12 MODIFIED Pod \"web-7d9c4-k2l8m\": 4 pods, 2 available");
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting the rollout of Deployment \"web\":%n"
                + "  available pods%n"
                + "to stay at or above:%n"
                + "  3 (spec.replicas 4 - maxUnavailable 1)%n"
                + "but was below at:%n"
                + "  #12 MODIFIED Pod \"web-7d9c4-k2l8m\": 4 pods, 2 available"));
    }
}
