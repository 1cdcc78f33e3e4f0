package dev.kubefluent.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kubefluent.core.render.RenderOptions;
import dev.kubefluent.core.validate.ManifestValidationException;
import dev.kubefluent.core.validate.Validator;
import dev.kubefluent.core.validate.Violation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ManifestSet#of} validates the caller's objects with the default validator while they are still what the set
 * serialized, instead of decoding copies from the trees later. These tests hold that shortcut to its promise: the
 * report is exactly the one of decoded copies ({@code Validator.builder().build()} is not the shared default
 * validator, so it always validates decoded copies), and it follows the trees, not later changes of the objects.
 */
class ManifestSetOriginalsValidationTest {

    private static List<Violation> fromOriginals(ManifestSet set) {
        return Validator.defaults().validate(set).violations();
    }

    private static List<Violation> fromDecodedCopies(ManifestSet set) {
        return Validator.builder().build().validate(set).violations();
    }

    static Stream<String> corpusFiles() throws IOException, URISyntaxException {
        Stream<Path> valid = Files.list(Path.of(ManifestSetOriginalsValidationTest.class.getResource("/corpus/valid")
                .toURI()));
        Stream<Path> invalid = Files.list(Path.of(ManifestSetOriginalsValidationTest.class
                .getResource("/corpus/invalid").toURI()));
        return Stream.concat(valid, invalid).filter(p -> p.toString().endsWith(".yaml"))
                .map(p -> p.getParent().getFileName() + "/" + p.getFileName()).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void the_report_from_the_given_objects_is_the_report_of_decoded_copies_for_every_corpus_manifest(String file)
            throws URISyntaxException {
        String yaml = read(Path.of(getClass().getResource("/corpus/" + file).toURI()));
        if (yaml.contains("# update: true")) {
            // An update case holds the live and the updated object, one resource twice; validate each alone.
            for (String document : yaml.split("\n---\n")) {
                assertSameReport(ManifestSet.parseYaml(document).resources());
            }
            return;
        }
        assertSameReport(ManifestSet.parseYaml(yaml).resources());
    }

    private static void assertSameReport(List<HasMetadata> resources) {
        ManifestSet set = ManifestSet.of(resources);
        assertThat(fromOriginals(set)).isEqualTo(fromDecodedCopies(set));
    }

    @Test
    void an_additional_property_written_in_place_of_a_field_is_validated_as_written() {
        Deployment web = TestManifests.web();
        web.getSpec().setAdditionalProperty("replicas", -5);   // fabric8 writes this instead of spec.replicas: 3

        ManifestSet set = ManifestSet.of(web);

        assertThat(set.toYaml(RenderOptions.withoutValidation())).contains("replicas: -5");
        assertThat(fromOriginals(set)).extracting(Violation::path).contains("spec.replicas");
        assertThat(fromOriginals(set)).isEqualTo(fromDecodedCopies(set));
        assertThat(catchThrowableOfType(ManifestValidationException.class, set::toYaml)).hasMessageContaining(
                "spec.replicas must be greater than or equal to 0 but was: -5");
    }

    @Test
    void a_null_label_value_that_the_tree_drops_is_not_reported() {
        Deployment web = TestManifests.web();
        web.getMetadata().getLabels().put("tier", null);

        ManifestSet set = ManifestSet.of(web);

        assertThat(set.toYaml(RenderOptions.withoutValidation())).doesNotContain("tier");
        assertThat(fromOriginals(set)).isEqualTo(fromDecodedCopies(set));
        assertThat(fromOriginals(set)).extracting(Violation::path).doesNotContain("metadata.labels[tier]");
    }

    @Test
    void objects_the_serializer_writes_in_normal_form_are_reported_as_decoded_copies_are() {
        List<Consumer<Deployment>> edits = List.of(
                d -> d.getSpec().getTemplate().getSpec().setContainers(null),
                d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).setEnv(null),
                d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits()
                        .put("cpu", new Quantity("2Gi", null)),
                d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getRequests()
                        .put("memory", new Quantity("1", "Gi")),
                d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits()
                        .put("cpu", new Quantity("lots", null)),
                d -> d.getSpec().setAdditionalProperty("replicaz", 3),
                d -> d.getMetadata().setAnnotations(new java.util.HashMap<>()),
                d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).setCommand(new java.util.ArrayList<>()));
        for (Consumer<Deployment> edit : edits) {
            Deployment web = TestManifests.web();
            edit.accept(web);
            ManifestSet set = ManifestSet.of(web, TestManifests.webService());
            assertThat(fromOriginals(set)).isEqualTo(fromDecodedCopies(set));
        }
    }

    @Test
    void an_invalid_object_fixed_after_the_set_was_made_still_fails_the_set() {
        Deployment web = TestManifests.web();
        web.getSpec().setReplicas(-1);
        ManifestSet set = ManifestSet.of(web);

        web.getSpec().setReplicas(3);

        assertThat(fromOriginals(set)).extracting(Violation::path).contains("spec.replicas");
        assertThat(fromOriginals(set)).isEqualTo(fromDecodedCopies(set));
        assertThat(catchThrowableOfType(ManifestValidationException.class, set::toYaml)).isNotNull();
    }

    @Test
    void a_valid_object_broken_after_the_set_was_made_leaves_the_set_valid_and_its_yaml_unchanged() {
        Deployment web = TestManifests.web();
        ManifestSet set = ManifestSet.of(web);
        String yaml = set.toYaml(RenderOptions.withoutValidation());

        web.getSpec().setReplicas(-1);
        web.getSpec().getTemplate().getSpec().getContainers().get(0).setName("Not A Name");

        assertThat(set.toYaml()).isEqualTo(yaml);
        assertThat(fromOriginals(set)).isEqualTo(fromDecodedCopies(set));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
