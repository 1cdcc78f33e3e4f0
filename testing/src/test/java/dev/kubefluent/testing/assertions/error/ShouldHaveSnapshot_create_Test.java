package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldHaveSnapshot.shouldHaveSnapshot;
import static org.assertj.core.api.BDDAssertions.then;

import java.nio.file.Path;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldHaveSnapshot_create_Test {

    @Test
    void should_create_error_message() {
        // GIVEN
        ErrorMessageFactory factory = shouldHaveSnapshot("shop", Path.of("src/test/resources/__snapshots__/shop.yaml"));
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting snapshot \"shop\":%n"
                + "  src/test/resources/__snapshots__/shop.yaml%n"
                + "to exist%n"
                + "but it is missing, and snapshots are never created in CI (CI=true).%n"
                + "To create it, run this test locally (or with -Dkubefluent.snapshots.update=true), review the new"
                + " file and commit it."));
    }
}
