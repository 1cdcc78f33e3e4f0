package dev.kubefluent.core.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.core.ManifestSet;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Fabric8#toCanonicalTree} reads fabric8's tokens straight into the canonical tree; it must give exactly the
 * tree of the two-step path it replaces (fabric8's map, then {@link Canonicalizer}), value types included, and note
 * the same drops.
 */
class CanonicalTreeTest {

    private static void assertSameAsTwoSteps(HasMetadata resource) {
        boolean[] dropped = new boolean[1];
        Map<String, Object> twoSteps = Canonicalizer.canonicalResource(Fabric8.toTree(resource), dropped);
        boolean[] lossy = new boolean[1];

        Map<String, Object> fused = Fabric8.toCanonicalTree(resource, lossy);

        assertThat(fused).isEqualTo(twoSteps);
        assertThat(typesOf(fused)).isEqualTo(typesOf(twoSteps));
        assertThat(List.copyOf(fused.keySet())).isEqualTo(List.copyOf(twoSteps.keySet()));
        if (dropped[0]) {
            assertThat(lossy[0]).as("a drop is noted").isTrue();
        }
    }

    /** Every value with its Java type and every map with its key order, so that 1 and 1L or key orders differ. */
    private static String typesOf(Object value) {
        if (value instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            m.forEach((k, v) -> b.append(k).append('=').append(typesOf(v)).append(','));
            return b.append('}').toString();
        }
        if (value instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            l.forEach(v -> b.append(typesOf(v)).append(','));
            return b.append(']').toString();
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }

    static Stream<String> corpusFiles() throws IOException, URISyntaxException {
        List<String> files = new ArrayList<>();
        for (String dir : List.of("valid", "invalid")) {
            try (Stream<Path> s = Files.list(Path.of(CanonicalTreeTest.class.getResource("/corpus/" + dir).toURI()))) {
                s.filter(p -> p.toString().endsWith(".yaml")).forEach(p -> files.add(dir + "/" + p.getFileName()));
            }
        }
        return files.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void every_corpus_manifest_gives_the_tree_of_the_two_step_path(String file) throws Exception {
        String yaml = Files.readString(Path.of(getClass().getResource("/corpus/" + file).toURI()),
                StandardCharsets.UTF_8);
        for (String document : yaml.contains("# update: true") ? yaml.split("\n---\n") : new String[] {yaml}) {
            for (HasMetadata r : ManifestSet.parseYaml(document).resources()) {
                assertSameAsTwoSteps(r);
            }
        }
    }

    @Test
    void unusual_values_give_the_tree_of_the_two_step_path() {
        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("b", "2");
        withNull.put("a", null);
        assertSameAsTwoSteps(new ConfigMapBuilder().withNewMetadata().withName("c").withLabels(withNull).endMetadata()
                .addToData("z", "1").addToData("y", "").build());

        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            many.put("key-" + ((i * 37) % 100), "v" + i);
        }
        many.put("name", "first among list items only");
        assertSameAsTwoSteps(new ConfigMapBuilder().withNewMetadata().withName("big").withLabels(Map.of("b", "1",
                "a", "2")).withAnnotations(many).endMetadata().withData(many).build());

        GenericKubernetesResource generic = new GenericKubernetesResource();
        generic.setApiVersion("example.com/v1");
        generic.setKind("Widget");
        generic.setAdditionalProperty("spec", Map.of("size", 3L, "ratio", 0.25f, "big", 12345678901L,
                "list", List.of(), "nested", Map.of("n", 1.5d, "flag", true)));
        generic.setAdditionalProperty("status", Map.of());
        generic.setAdditionalProperty("metadata", Map.of("name", "w", "namespace", "ns"));
        assertSameAsTwoSteps(generic);

        var deployment = new DeploymentBuilder().withNewMetadata().withName("d").endMetadata().withNewSpec()
                .withReplicas(2).withNewTemplate().withNewSpec().addNewContainer().withName("c").withImage("i")
                .withNewResources().addToLimits("cpu", new Quantity("1", "")).addToRequests("memory",
                        new Quantity("64Mi")).endResources().addNewPort().withContainerPort(80).endPort()
                .withNewReadinessProbe().withNewHttpGet().withPort(new IntOrString(80)).endHttpGet()
                .endReadinessProbe().endContainer().endSpec().endTemplate().endSpec().build();
        deployment.getSpec().setAdditionalProperty("replicas", 5);
        deployment.getSpec().setAdditionalProperty("extra", null);
        assertSameAsTwoSteps(deployment);

        var repeated = new DeploymentBuilder().withNewMetadata().withName("r").endMetadata().withNewSpec()
                .withPaused(true).withMinReadySeconds(5).endSpec().build();
        repeated.getSpec().setAdditionalProperty("paused", null);        // written after the field: a repeated key
        repeated.getSpec().setAdditionalProperty("minReadySeconds", 7);  // written instead of the field
        assertSameAsTwoSteps(repeated);

        assertSameAsTwoSteps(new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
                .addNewContainer().withName("c").withImage("i").withCommand(new ArrayList<>()).endContainer()
                .addNewVolume().withName("v").withNewEmptyDir().endEmptyDir().endVolume().endSpec().build());

        assertSameAsTwoSteps(new CustomResourceDefinitionBuilder().withNewMetadata().withName("widgets.example.com")
                .endMetadata().withNewSpec().withGroup("example.com").addNewVersion().withName("v1").withServed(true)
                .withStorage(true).withNewSchema().withOpenAPIV3Schema(new JSONSchemaPropsBuilder().withType("object")
                        .withMinimum(0.5).withMaximum(10.0).build()).endSchema().endVersion().endSpec().build());
    }

    @Test
    void additional_properties_and_dropped_values_are_noted_and_plain_objects_are_not() {
        boolean[] plain = new boolean[1];
        Fabric8.toCanonicalTree(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata()
                .addToData("k", "v").build(), plain);
        assertThat(plain[0]).isFalse();

        var withExtra = new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build();
        withExtra.getMetadata().setAdditionalProperty("shadow", "x");
        boolean[] extra = new boolean[1];
        Fabric8.toCanonicalTree(withExtra, extra);
        assertThat(extra[0]).isTrue();

        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("k", null);
        boolean[] dropped = new boolean[1];
        Fabric8.toCanonicalTree(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata()
                .withData(withNull).build(), dropped);
        assertThat(dropped[0]).isTrue();
    }

    /** A resource whose first property is unwrapped, so that Jackson replaces its writer when it resolves it. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"inner", "apiVersion", "kind", "metadata"})
    public static class Unwrapping extends GenericKubernetesResource {
        private final Map<String, String> inner = new LinkedHashMap<>(Map.of("x", "1"));

        /** @return the unwrapped part */
        @com.fasterxml.jackson.annotation.JsonUnwrapped
        public Inner getInner() {
            return new Inner(inner.get("x"));
        }

        /** The unwrapped part. */
        public record Inner(String x) {
        }
    }

    @Test
    void a_bean_whose_first_property_is_unwrapped_is_still_watched() {
        Unwrapping plain = new Unwrapping();
        plain.setApiVersion("example.com/v1");
        plain.setKind("Unwrapping");
        plain.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("u").build());
        boolean[] lossyPlain = new boolean[1];
        assertThat(Fabric8.toCanonicalTree(plain, lossyPlain)).containsEntry("x", "1");

        Unwrapping extra = new Unwrapping();
        extra.setApiVersion("example.com/v1");
        extra.setKind("Unwrapping");
        extra.setAdditionalProperty("spec", Map.of("a", 1));
        boolean[] lossyExtra = new boolean[1];
        assertThat(Fabric8.toCanonicalTree(extra, lossyExtra)).containsKeys("x", "spec");
        assertThat(lossyExtra[0]).isTrue();
    }
}
