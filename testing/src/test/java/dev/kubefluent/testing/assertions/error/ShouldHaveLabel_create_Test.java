package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldHaveLabel.shouldHaveLabel;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldHaveLabel_create_Test {

    private static final ResourceRef WEB = ResourceRef.of("Deployment", "shop", "web");

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldHaveLabel(WEB, "metadata.labels", "app.kubernetes.io/name", "web", labels("app.kubernetes.io/name", "api", "tier", "front"));
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting Deployment \"web\":%n"
                + "  metadata.labels%n"
                + "to contain the label:%n"
                + "  app.kubernetes.io/name=web%n"
                + "but was:%n"
                + "  {\"app.kubernetes.io/name\"=\"api\", \"tier\"=\"front\"}"));
    }

    private static Map<String, String> labels(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
