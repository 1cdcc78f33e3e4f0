package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldHaveImage.shouldHaveImage;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldHaveImage_create_Test {

    private static final ResourceRef WEB = ResourceRef.of("Deployment", "shop", "web");

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldHaveImage(WEB, "spec.template.spec.containers[0].image", "ghcr.io/acme/web:1.4.2", "ghcr.io/acme/web:1.4.1");
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting Deployment \"web\":%n"
                + "  spec.template.spec.containers[0].image%n"
                + "to be:%n"
                + "  \"ghcr.io/acme/web:1.4.2\"%n"
                + "but was:%n"
                + "  \"ghcr.io/acme/web:1.4.1\""));
    }
}
