package dev.kubefluent.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.core.render.RenderOptions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Every rendering rule of issue #2, one at a time. */
class ManifestSetYamlTest {

    // Quoting is exercised with ConfigMap keys such as "~" or "1:20" that an API server rejects: render unvalidated.
    private static String yaml(io.fabric8.kubernetes.api.model.HasMetadata... resources) {
        return ManifestSet.of(resources).toYaml(RenderOptions.withoutValidation());
    }

    private static ConfigMap configMap(Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withName("cfg").endMetadata().withData(data).build();
    }

    private static GenericKubernetesResource generic(Map<String, Object> properties) {
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion("example.com/v1");
        r.setKind("Widget");
        r.setMetadata(new ObjectMetaBuilder().withName("w").build());
        properties.forEach(r::setAdditionalProperty);
        return r;
    }

    @Test
    void starts_every_document_with_three_dashes_and_ends_with_a_newline() {
        String yaml = yaml(configMap(Map.of("a", "b")), TestManifests.webService());

        assertThat(yaml).startsWith("---\napiVersion: v1\nkind: ConfigMap\n").endsWith("\n").doesNotEndWith("\n\n");
        assertThat(yaml.split("\n")).filteredOn("---"::equals).hasSize(2);
        assertThat(ManifestSet.empty().toYaml()).isEmpty();
    }

    @Test
    void top_level_keys_are_api_version_kind_metadata_spec_then_alphabetical_then_status() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("status", Map.of("phase", "Ready"));
        props.put("zeta", "z");
        props.put("data", Map.of("k", "v"));
        props.put("spec", Map.of("size", 1));
        props.put("rules", List.of("r"));

        assertThat(yaml(generic(props))).isEqualTo("""
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                spec:
                  size: 1
                data:
                  k: v
                rules:
                - r
                zeta: z
                status:
                  phase: Ready
                """);
    }

    @Test
    void metadata_keys_are_name_namespace_labels_annotations_then_alphabetical() {
        ConfigMap cm = new ConfigMapBuilder().withMetadata(new ObjectMetaBuilder()
                .withFinalizers("example.com/keep")
                .withAnnotations(Map.of("note", "x"))
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("v1").withKind("Pod").withName("p")
                        .withUid("u-1").build())
                .withLabels(Map.of("app", "a"))
                .withNamespace("shop")
                .withGenerateName("cfg-")
                .withName("cfg")
                .build()).build();

        assertThat(yaml(cm)).isEqualTo("""
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cfg
                  namespace: shop
                  labels:
                    app: a
                  annotations:
                    note: x
                  finalizers:
                  - example.com/keep
                  generateName: cfg-
                  ownerReferences:
                  - name: p
                    apiVersion: v1
                    kind: Pod
                    uid: u-1
                """);
    }

    @Test
    void every_list_item_starts_with_name_and_other_keys_are_alphabetical() {
        String yaml = yaml(new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
                .addToContainers(new ContainerBuilder().withImage("nginx:1.27").withName("web")
                        .addNewPort().withProtocol("TCP").withContainerPort(80).withName("http").endPort()
                        .addNewEnv().withValue("1").withName("A").endEnv()
                        .build())
                .endSpec().build());

        assertThat(yaml).contains("""
                  containers:
                  - name: web
                    env:
                    - name: A
                      value: "1"
                    image: nginx:1.27
                    ports:
                    - name: http
                      containerPort: 80
                      protocol: TCP
                """);
    }

    @Test
    void label_annotation_and_data_maps_are_sorted() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("zone", "z");
        labels.put("app", "a");
        labels.put("mid", "m");
        ConfigMap cm = configMap(labels);
        cm.getMetadata().setLabels(labels);
        cm.getMetadata().setAnnotations(labels);

        assertThat(yaml(cm)).isEqualTo("""
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cfg
                  labels:
                    app: a
                    mid: m
                    zone: z
                  annotations:
                    app: a
                    mid: m
                    zone: z
                data:
                  app: a
                  mid: m
                  zone: z
                """);
    }

    @Test
    void insertion_order_of_maps_does_not_change_the_bytes() {
        Map<String, String> forward = new LinkedHashMap<>();
        Map<String, String> backward = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            forward.put("k" + i, "v" + i);
        }
        for (int i = 19; i >= 0; i--) {
            backward.put("k" + i, "v" + i);
        }
        Map<String, String> hashed = new HashMap<>(forward);
        Map<String, String> sorted = new TreeMap<>(forward);

        String expected = yaml(configMap(forward));

        assertThat(yaml(configMap(backward))).isEqualTo(expected);
        assertThat(yaml(configMap(hashed))).isEqualTo(expected);
        assertThat(yaml(configMap(sorted))).isEqualTo(expected);
    }

    @Test
    void rendering_the_same_set_twice_gives_identical_bytes() {
        ManifestSet set = ManifestSet.of(TestManifests.web(), TestManifests.webService(), TestManifests.migrate(),
                TestManifests.webConfig(), TestManifests.dbSecret());

        byte[] first = set.toYaml().getBytes(StandardCharsets.UTF_8);
        byte[] second = set.toYaml().getBytes(StandardCharsets.UTF_8);
        byte[] rebuilt = ManifestSet.of(TestManifests.dbSecret(), TestManifests.webConfig(), TestManifests.migrate(),
                TestManifests.webService(), TestManifests.web()).toYaml().getBytes(StandardCharsets.UTF_8);

        assertThat(second).isEqualTo(first);
        assertThat(rebuilt).isEqualTo(first);
    }

    @Test
    void omits_nulls_empty_lists_empty_maps_and_an_empty_status() {
        Deployment d = TestManifests.web();
        d.getMetadata().setAnnotations(new HashMap<>());
        d.getMetadata().setFinalizers(new ArrayList<>());
        d.getSpec().getTemplate().getSpec().getContainers().get(0).setArgs(new ArrayList<>());
        d.getSpec().getTemplate().getSpec().setNodeSelector(new HashMap<>());
        d.getSpec().setPaused(null);
        d.setStatus(new DeploymentStatus());
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("nothing", null);
        props.put("none", List.of());
        props.put("spec", Map.of("list", List.of()));

        String yaml = yaml(d, generic(props));

        assertThat(yaml).doesNotContain("annotations", "finalizers", "args", "nodeSelector", "paused", "status",
                "nothing", "none", "list", "null", "[]");
        assertThat(yaml).contains("""
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                spec: {}
                """);
    }

    @Test
    void keeps_a_status_that_has_content_last() {
        Deployment d = TestManifests.web();
        d.setStatus(new DeploymentStatusBuilder().withReplicas(3).build());

        assertThat(yaml(d)).endsWith("""
                      name: web-config
                status:
                  replicas: 3
                """);
    }

    @Test
    void keeps_empty_objects_that_carry_meaning() {
        String yaml = yaml(TestManifests.web(), new NetworkPolicyBuilder()
                .withNewMetadata().withName("deny-all").withNamespace("shop").endMetadata()
                .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes("Ingress").endSpec().build());

        assertThat(yaml).contains("\nspec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n").contains("""
                      - name: tmp
                        emptyDir: {}
                """);
    }

    @Test
    void int_or_string_and_quantity_render_as_kubernetes_expects() {
        String yaml = yaml(TestManifests.web(), new ServiceBuilder().withNewMetadata().withName("api").endMetadata()
                .withNewSpec().addNewPort().withPort(80).withTargetPort(new IntOrString(8080)).endPort().endSpec()
                .build());

        assertThat(yaml).contains("""
                    rollingUpdate:
                      maxSurge: 25%
                      maxUnavailable: 0
                """).contains("""
                          limits:
                            cpu: "1"
                            memory: 512Mi
                          requests:
                            cpu: 250m
                            memory: 256Mi
                """).contains("""
                  - port: 80
                    targetPort: 8080
                """).contains("port: http\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "on", "off", "y", "n", "Y", "N", "Yes", "NO", "On", "OFF", "~", "null",
            "Null", "NULL", "true", "False", "TRUE", "0755", "0o755", "0x1F", "1e3", "1E3", "1.5", "-1", "+1", "8080",
            "1_000", "1:20", ".5", ".inf", "-.Inf", ".nan", "2024-01-01", "2001-12-14t21:59:43.10-05:00", "<<", "=",
            ""})
    void quotes_values_and_keys_that_yaml_1_1_or_1_2_readers_take_for_something_else(String s) {
        String yaml = yaml(configMap(Map.of(s, s)));

        String quoted = "\"" + s + "\"";
        assertThat(yaml).endsWith("data:\n  " + quoted + ": " + quoted + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"- x", "-", "---", "? x", ": x", "a: b", "a #b", "a:", "#x", "&x", "*x", "!x", "|x",
            ">x", "'x", "\"x", "%x", "@x", "`x", "[x", "]x", "{x", "}x", ",x", " x", "x ", "a\tb", "caf\u0007e"})
    void quotes_strings_that_are_not_safe_as_plain_scalars(String s) {
        String yaml = yaml(configMap(Map.of("k", s)));

        assertThat(yaml).doesNotContain("k: " + s + "\n").contains("k: \"");
        assertThat(loadFirst(yaml)).extracting(m -> ((Map<?, ?>) m.get("data")).get("k")).isEqualTo(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "ghcr.io/acme/web:1.4.2", "1.4.2", "250m", "512Mi", "25%", "--all", "-Xmx512m",
            "/ready", "app.kubernetes.io/name", "a:b", "a#b", "hello world", "yesterday", "nope", "0xZZ", "v1",
            "10.0.0.1", "café", "x[0]"})
    void writes_everything_else_plain(String s) {
        String yaml = yaml(configMap(Map.of("k", s)));

        assertThat(yaml).endsWith("data:\n  k: " + s + "\n");
    }

    @Test
    void writes_multi_line_text_as_a_literal_block() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("clip", "a=1\nb=2\n");
        data.put("keep", "a\n\n");
        data.put("strip", "a\n\nb");
        data.put("trailing-space", "a \nb");

        String yaml = yaml(configMap(data));

        assertThat(yaml).endsWith("""
                data:
                  clip: |
                    a=1
                    b=2
                  keep: |+
                    a

                  strip: |-
                    a

                    b
                  trailing-space: "a \\nb"
                """);
        assertThat(loadFirst(yaml).get("data")).isEqualTo(data);
    }

    @Test
    void every_tricky_string_survives_a_yaml_1_2_reader() {
        Map<String, String> data = new TreeMap<>();
        List<String> tricky = List.of("yes", "0755", "1e3", "~", "", " lead", "trail ", "a: b", "#x", "- x",
                "line1\nline2", "tab\there", "quote\"back\\slash", "\u2028sep", "x\r\ny", "emoji \uD83D\uDE00",
                "ctrl\u0001");
        for (int i = 0; i < tricky.size(); i++) {
            data.put("k" + i, tricky.get(i));
            data.put(tricky.get(i).replace("\n", "").replace("\r", "") + "-key", "v");
        }

        assertThat(loadFirst(yaml(configMap(data))).get("data")).isEqualTo(data);
    }

    @Test
    void renders_json_as_a_list_in_the_same_order() {
        String json = ManifestSet.of(configMap(Map.of("port", "8080", "b", "x")),
                new NamespaceFixture().namespace()).toJson();

        assertThat(json).isEqualTo("""
                {
                  "apiVersion": "v1",
                  "kind": "List",
                  "items": [
                    {
                      "apiVersion": "v1",
                      "kind": "Namespace",
                      "metadata": {
                        "name": "shop"
                      }
                    },
                    {
                      "apiVersion": "v1",
                      "kind": "ConfigMap",
                      "metadata": {
                        "name": "cfg"
                      },
                      "data": {
                        "b": "x",
                        "port": "8080"
                      }
                    }
                  ]
                }
                """);
    }

    @Test
    void json_of_a_rich_set_is_valid_json_with_numbers_and_booleans() {
        String json = ManifestSet.of(TestManifests.web()).toJson(RenderOptions.defaults());

        assertThat(json).contains("\"replicas\": 3,").contains("\"readOnly\": true").contains("\"emptyDir\": {}")
                .contains("\"cpu\": \"1\"").endsWith("}\n");
        assertThat(loadFirst(json)).containsEntry("kind", "List");
    }

    @Test
    void writes_yaml_to_a_file_creating_parent_directories(@TempDir Path dir) throws IOException {
        ManifestSet set = ManifestSet.of(TestManifests.web(), TestManifests.webService());
        Path file = dir.resolve("out/k8s/app.yaml");

        set.writeYaml(file);
        set.writeYaml(file, RenderOptions.withoutValidation());

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(set.toYaml());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> loadFirst(String yaml) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadAllFromString(yaml).iterator().next();
    }

    /** A tiny helper so the JSON test reads top-down. */
    private static final class NamespaceFixture {
        io.fabric8.kubernetes.api.model.Namespace namespace() {
            return new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName("shop")
                    .endMetadata().build();
        }
    }
}
