package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldContainResource.shouldContainResource;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import java.util.List;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldContainResource_create_Test {

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldContainResource(ResourceRef.of("Deployment", null, "web"),
                List.of(ResourceRef.of("Service", "shop", "web"), ResourceRef.of("ConfigMap", "shop", "web-config")));
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting ManifestSet:%n"
                + "  [Service \"web\", ConfigMap \"web-config\"]%n"
                + "to contain:%n"
                + "  Deployment \"web\"%n"
                + "but could not find it"));
    }
}
