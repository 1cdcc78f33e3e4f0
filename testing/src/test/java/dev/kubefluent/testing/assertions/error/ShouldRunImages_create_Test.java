package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldRunImages.shouldRunImages;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldRunImages_create_Test {

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldRunImages(ResourceRef.of("Deployment", "shop", "web"), new TreeSet<>(Set.of("web:2")), new TreeSet<>(Set.of("web:1", "web:2")), List.of("web-a: [web:1]", "web-b: [web:2]"));
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting the running pods of Deployment \"web\"%n"
                + "  spec.containers[*].image%n"
                + "to use exactly the images:%n"
                + "  [\"web:2\"]%n"
                + "but used:%n"
                + "  [\"web:1\", \"web:2\"]%n"
                + "in pods:%n"
                + "  - web-a: [web:1]%n"
                + "  - web-b: [web:2]"));
    }
}
