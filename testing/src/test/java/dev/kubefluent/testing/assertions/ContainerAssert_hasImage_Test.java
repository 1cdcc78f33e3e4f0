package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.webContainer;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldHaveImage.shouldHaveImage;
import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenIllegalArgumentException;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.Container;
import org.junit.jupiter.api.Test;

class ContainerAssert_hasImage_Test {

    @Test
    void should_pass_if_image_matches() {
        // GIVEN
        Container web = webContainer();
        // WHEN
        ContainerAssert result = assertThat(web).hasImage("ghcr.io/acme/web:1.4.2");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_image_differs() {
        // GIVEN
        Container web = webContainer();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).hasImage("ghcr.io/acme/web:1.4.1"));
        // THEN
        then(error).hasMessage(shouldHaveImage(ResourceRef.of("Container", null, "web"), "image",
                "ghcr.io/acme/web:1.4.1", "ghcr.io/acme/web:1.4.2").create());
    }

    @Test
    void should_throw_if_expected_is_null() {
        thenIllegalArgumentException().isThrownBy(() -> assertThat(webContainer()).hasImage(null))
                .withMessage("image must not be null");
    }
}
