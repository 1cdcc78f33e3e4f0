package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldStartFullyAvailable.shouldStartFullyAvailable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldStartFullyAvailable_create_Test {

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldStartFullyAvailable(ResourceRef.of("Deployment", "shop", "web"), 3,
                "#1 ADDED Pod \"web-7d9c4-k2l8m\": 1 pods, 0 available");
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting the rollout of Deployment \"web\":%n"
                + "  available pods%n"
                + "to start at:%n"
                + "  3 (spec.replicas)%n"
                + "but started at:%n"
                + "  #1 ADDED Pod \"web-7d9c4-k2l8m\": 1 pods, 0 available%n"
                + "Start recording when the Deployment is fully available."));
    }
}
