package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldExposePort.shouldExposePort;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import java.util.List;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldExposePort_create_Test {

    private static final ResourceRef WEB = ResourceRef.of("Deployment", "shop", "web");

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldExposePort(WEB, "spec.template.spec.containers[0].ports", "http:8080", List.of("http:9090", "9901"));
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting Deployment \"web\":%n"
                + "  spec.template.spec.containers[0].ports%n"
                + "to contain the port:%n"
                + "  http:8080%n"
                + "but was:%n"
                + "  [http:9090, 9901]"));
    }
}
