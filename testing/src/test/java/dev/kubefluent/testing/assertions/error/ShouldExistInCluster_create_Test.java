package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldExistInCluster.shouldExistInCluster;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldExistInCluster_create_Test {

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldExistInCluster(ResourceRef.of("Deployment", "shop", "web"), "http://127.0.0.1:41234/");
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting the cluster at:%n"
                + "  http://127.0.0.1:41234/%n"
                + "to have:%n"
                + "  Deployment shop/web%n"
                + "but it does not"));
    }
}
