package dev.kubefluent.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kubefluent.core.render.RenderOptions;
import dev.kubefluent.core.validate.ManifestValidationException;
import dev.kubefluent.core.validate.ValidationReport;
import dev.kubefluent.core.validate.Validator;
import dev.kubefluent.core.validate.Violation;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering refuses a set with validation errors unless the caller opts out by name. */
class ManifestSetValidationTest {

    private static ManifestSet broken() {
        Deployment web = TestManifests.web();
        web.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).setContainerPort(70000);
        return ManifestSet.of(web);
    }

    private static final String PORT_PATH = "spec.template.spec.containers[0].ports[0].containerPort";

    @Test
    void to_yaml_refuses_a_set_with_errors_listing_them() {
        ManifestValidationException e = catchThrowableOfType(ManifestValidationException.class,
                () -> broken().toYaml());

        assertThat(e.errors()).extracting(Violation::path).contains(PORT_PATH);
        assertThat(e).hasMessageContaining("Deployment \"web\": " + PORT_PATH).hasMessageContaining("70000");
    }

    @Test
    void to_json_and_write_yaml_refuse_it_too_and_write_nothing(@TempDir Path dir) {
        Path file = dir.resolve("out.yaml");

        assertThat(catchThrowableOfType(ManifestValidationException.class, () -> broken().toJson())).isNotNull();
        assertThat(catchThrowableOfType(ManifestValidationException.class, () -> broken().writeYaml(file)))
                .isNotNull();
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void rendering_without_validation_writes_the_set_anyway() {
        String yaml = broken().toYaml(RenderOptions.withoutValidation());

        assertThat(yaml).contains("containerPort: 70000");
        assertThat(broken().toJson(RenderOptions.withoutValidation())).contains("\"containerPort\": 70000");
    }

    @Test
    void rendering_with_a_chosen_validator_uses_it() {
        ManifestSet set = ManifestSet.of(TestManifests.web(), TestManifests.webService());

        assertThat(set.toYaml(RenderOptions.validatingWith(Validator.builder().build()))).isEqualTo(set.toYaml());
        assertThat(catchThrowableOfType(ManifestValidationException.class,
                () -> broken().toYaml(RenderOptions.validatingWith(Validator.builder().build())))).isNotNull();
    }

    @Test
    void validate_throws_with_every_error_and_validation_report_does_not() {
        ManifestValidationException e = catchThrowableOfType(ManifestValidationException.class,
                () -> broken().validate());
        ValidationReport report = broken().validationReport();

        assertThat(e.errors()).isEqualTo(report.errors());
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void validate_returns_the_report_of_a_valid_set() {
        ManifestSet set = ManifestSet.of(TestManifests.web(), TestManifests.webService());

        assertThat(set.validate().hasErrors()).isFalse();
    }

    @Test
    void the_report_includes_the_warnings_from_reading_yaml() {
        ManifestSet set = ManifestSet.parseYaml("""
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                """);

        assertThat(set.validate().warnings()).containsAll(set.sourceFindings()).isNotEmpty();
        assertThat(set.validationReport().violations()).filteredOn(v -> v.ruleId().equals("yaml-unknown-kind"))
                .hasSize(1);
    }

    @Test
    void render_options_say_what_they_do() {
        assertThat(RenderOptions.withoutValidation()).hasToString("RenderOptions[without validation]");
        assertThat(RenderOptions.withoutValidation().validator()).isEmpty();
        assertThat(RenderOptions.defaults()).hasToString("RenderOptions[validate]");
        assertThat(RenderOptions.defaults().validator()).isPresent();
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> RenderOptions.validatingWith(null)))
                .hasMessage("validator must not be null");
    }

    @Test
    void the_default_report_is_computed_once_per_set_and_shared_by_validate_and_rendering() {
        ManifestSet set = ManifestSet.of(TestManifests.web());

        ValidationReport first = set.validationReport();

        assertThat(set.validate()).isSameAs(first);
        assertThat(Validator.defaults().validate(set)).isSameAs(first);
        assertThat(Validator.defaults()).isSameAs(Validator.defaults());
        ValidationReport fresh = Validator.builder().build().validate(set);
        assertThat(fresh).isNotSameAs(first);
        assertThat(fresh.violations()).isEqualTo(first.violations());
    }

    @Test
    void a_given_object_changed_after_the_set_was_made_does_not_change_its_validation() {
        Deployment web = TestManifests.web();
        ManifestSet set = ManifestSet.of(web);
        web.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).setContainerPort(70000);

        assertThat(set.validationReport().hasErrors()).isFalse();
        assertThat(Validator.builder().build().validate(set).hasErrors()).isFalse();
        assertThat(broken().validationReport().hasErrors()).isTrue();
    }

    @Test
    void validating_leaves_the_set_and_the_objects_it_returns_unchanged() {
        ManifestSet set = ManifestSet.parseYaml(ManifestSet.of(TestManifests.web()).toYaml());
        String before = set.toYaml(RenderOptions.withoutValidation());

        set.resources(Deployment.class).get(0).getSpec().setReplicas(99);
        Validator.builder().strict(true).build().validate(set);

        assertThat(set.toYaml(RenderOptions.withoutValidation())).isEqualTo(before);
        assertThat(set.resources(Deployment.class).get(0).getSpec().getReplicas()).isNotEqualTo(99);
    }
}
