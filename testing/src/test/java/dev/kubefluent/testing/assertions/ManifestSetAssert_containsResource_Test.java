package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldContainResource.shouldContainResource;
import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenIllegalArgumentException;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestSetAssert_containsResource_Test {

    private final ManifestSet set = ManifestSet.of(web(),
            new ConfigMapBuilder().withNewMetadata().withName("web-config").endMetadata().build());

    @Test
    void should_pass_if_the_set_holds_the_object() {
        // WHEN
        ManifestSetAssert result = assertThat(set).containsResource("ConfigMap", "web-config");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_the_set_lacks_the_object() {
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(set).containsResource("Secret", "web-config"));
        // THEN
        then(error).hasMessage(shouldContainResource(ResourceRef.of("Secret", null, "web-config"),
                List.of(ResourceRef.of("ConfigMap", null, "web-config"), ResourceRef.of("Deployment", "shop", "web")))
                .create());
    }

    @Test
    void should_throw_if_kind_is_blank() {
        thenIllegalArgumentException().isThrownBy(() -> assertThat(set).containsResource(" ", "web"))
                .withMessage("kind must not be blank but was: \" \"");
    }
}
