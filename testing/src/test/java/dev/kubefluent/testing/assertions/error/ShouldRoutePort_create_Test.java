package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldRoutePort.shouldRoutePort;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import java.util.List;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldRoutePort_create_Test {

    private static final ResourceRef WEB = ResourceRef.of("Deployment", "shop", "web");

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldRoutePort(ResourceRef.of("Service", "shop", "web"), "spec.ports", "80 -> http", List.of("80 -> 8080"));
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting Service \"web\":%n"
                + "  spec.ports%n"
                + "to route:%n"
                + "  80 -> http%n"
                + "but was:%n"
                + "  [80 -> 8080]"));
    }
}
