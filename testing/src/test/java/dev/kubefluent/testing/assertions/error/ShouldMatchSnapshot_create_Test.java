package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldMatchSnapshot.shouldMatchSnapshot;
import static org.assertj.core.api.BDDAssertions.then;

import java.nio.file.Path;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldMatchSnapshot_create_Test {

    @Test
    void should_create_error_message() {
        // GIVEN
        Path file = Path.of("src/test/resources/__snapshots__/shop.yaml");
        ErrorMessageFactory factory = shouldMatchSnapshot("shop", file,
                "--- " + file + "\n+++ actual output\n@@ -1,1 +1,1 @@\n-replicas: 2\n+replicas: 3");
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting the output to match snapshot \"shop\":%n"
                + "  src/test/resources/__snapshots__/shop.yaml%n"
                + "but it differs:%n"
                + "--- src/test/resources/__snapshots__/shop.yaml\n"
                + "+++ actual output\n"
                + "@@ -1,1 +1,1 @@\n"
                + "-replicas: 2\n"
                + "+replicas: 3%n"
                + "If the change is intended, rerun with -Dkubefluent.snapshots.update=true and review the rewritten"
                + " file."));
    }
}
