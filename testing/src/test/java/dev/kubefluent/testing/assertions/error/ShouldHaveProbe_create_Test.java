package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldHaveProbe.shouldHaveProbe;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldHaveProbe_create_Test {

    private static final ResourceRef WEB = ResourceRef.of("Deployment", "shop", "web");

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldHaveProbe(WEB, "spec.template.spec.containers[0].readinessProbe");
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting Deployment \"web\":%n"
                + "  spec.template.spec.containers[0].readinessProbe%n"
                + "to be set%n"
                + "but was:%n"
                + "  null"));
    }
}
