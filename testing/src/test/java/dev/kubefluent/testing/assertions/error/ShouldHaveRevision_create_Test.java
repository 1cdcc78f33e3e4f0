package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldHaveRevision.shouldHaveRevision;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldHaveRevision_create_Test {

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldHaveRevision(ResourceRef.of("Deployment", "shop", "web"), "metadata.annotations[\"deployment.kubernetes.io/revision\"]", 3, "2");
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting Deployment \"web\":%n"
                + "  metadata.annotations[\"deployment.kubernetes.io/revision\"]%n"
                + "to be:%n"
                + "  3%n"
                + "but was:%n"
                + "  2"));
    }
}
