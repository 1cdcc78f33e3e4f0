package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.NAME_LABEL;
import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldHaveLabel.shouldHaveLabel;
import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenIllegalArgumentException;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentAssert_hasLabel_Test {

    @Test
    void should_pass_if_the_label_is_present_with_the_value() {
        // GIVEN
        Deployment web = web();
        // WHEN
        DeploymentAssert result = assertThat(web).hasLabel(NAME_LABEL, "web");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_the_label_has_another_value() {
        // GIVEN
        Deployment web = web();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).hasLabel(NAME_LABEL, "api"));
        // THEN
        then(error).hasMessage(shouldHaveLabel(ResourceRef.of(web), "metadata.labels", NAME_LABEL, "api",
                Map.of(NAME_LABEL, "web")).create());
    }

    @Test
    void should_fail_if_there_are_no_labels() {
        // GIVEN
        Deployment web = web();
        web.getMetadata().setLabels(null);
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(web).hasLabel(NAME_LABEL, "web"));
        // THEN
        then(error).hasMessage(shouldHaveLabel(ResourceRef.of(web), "metadata.labels", NAME_LABEL, "web", Map.of())
                .create());
    }

    @Test
    void should_throw_if_key_is_null() {
        thenIllegalArgumentException().isThrownBy(() -> assertThat(web()).hasLabel(null, "web"))
                .withMessage("label key must not be null");
    }
}
