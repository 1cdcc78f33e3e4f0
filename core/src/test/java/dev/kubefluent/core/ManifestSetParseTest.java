package dev.kubefluent.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kubefluent.core.render.ManifestParseException;
import dev.kubefluent.core.render.ParseProblem;
import dev.kubefluent.core.render.RenderOptions;
import dev.kubefluent.core.validate.RuleSource;
import dev.kubefluent.core.validate.Severity;
import dev.kubefluent.core.validate.Violation;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict reading of YAML: round trips, and every problem reported with document, line, path and hint. */
class ManifestSetParseTest {

    private static ManifestParseException parseFailure(String yaml) {
        return catchThrowableOfType(ManifestParseException.class, () -> ManifestSet.parseYaml(yaml));
    }

    private static List<String> messages(List<?> problems) {
        return problems.stream().map(Object::toString).toList();
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void yaml_round_trip_gives_equal_resources() {
        ManifestSet set = ManifestSet.of(TestManifests.web(), TestManifests.webService(), TestManifests.migrate(),
                TestManifests.webConfig(), TestManifests.dbSecret());

        ManifestSet back = ManifestSet.parseYaml(set.toYaml());

        assertThat(back).isEqualTo(set);
        assertThat(back.toYaml()).isEqualTo(set.toYaml());
        assertThat(back.find(Deployment.class, "shop", "web")).contains(TestManifests.web());
        assertThat(back.find(Pod.class, "shop", "migrate")).contains(TestManifests.migrate());
        assertThat(back.find(ConfigMap.class, "shop", "web-config")).contains(TestManifests.webConfig());
        assertThat(back.find(Secret.class, "shop", "db")).contains(TestManifests.dbSecret());
        assertThat(back.resources()).containsExactlyElementsOf(set.resources());
        assertThat(back.sourceFindings()).isEmpty();
    }

    @Test
    void json_round_trip_gives_equal_resources() {
        ManifestSet set = ManifestSet.of(TestManifests.web(), TestManifests.webService(), TestManifests.dbSecret());

        assertThat(ManifestSet.parseYaml(set.toJson())).isEqualTo(set);
    }

    @Test
    void custom_resources_round_trip_whatever_java_type_their_numbers_had() {
        GenericKubernetesResource widget = new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                .withApiVersion("example.com/v1").withKind("Widget")
                .withNewMetadata().withName("w").withNamespace("shop").endMetadata().build();
        widget.setAdditionalProperty("spec", Map.of("small", 3L, "big", 5_000_000_000L, "ratio", 0.5f,
                "flags", List.of(true, "yes", "0755"), "nested", Map.of("empty", Map.of())));
        ManifestSet set = ManifestSet.of(widget);

        ManifestSet back = ManifestSet.parseYaml(set.toYaml());

        assertThat(back).isEqualTo(set);
        assertThat(back.toYaml()).isEqualTo(set.toYaml()).contains("- \"yes\"\n").contains("- \"0755\"\n")
                .contains("big: 5000000000\n").contains("ratio: 0.5\n").contains("empty: {}\n");
    }

    @Test
    void reads_files_and_streams(@TempDir Path dir) throws IOException {
        ManifestSet set = ManifestSet.of(TestManifests.web(), TestManifests.webService());
        Path file = dir.resolve("app.yaml");
        set.writeYaml(file);

        assertThat(ManifestSet.parseYaml(file)).isEqualTo(set);
        assertThat(ManifestSet.parseYaml(new ByteArrayInputStream(Files.readAllBytes(file)))).isEqualTo(set);
    }

    @Test
    void reads_the_golden_file_back_into_the_objects_it_was_rendered_from() throws IOException {
        ManifestSet back = ManifestSet.parseYaml(ManifestSetGoldenTest.resource("web-golden.yaml"));

        assertThat(back.resources()).containsExactly(TestManifests.webService(), TestManifests.web());
    }

    @Test
    void flattens_lists_and_skips_empty_and_comment_only_documents() {
        ManifestSet set = ManifestSet.parseYaml("""
                # just a comment
                ---
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: a
                - apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: b
                ---
                # only a comment
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                """);

        assertThat(set.refs()).extracting(ResourceRef::toString)
                .containsExactly("Namespace \"shop\"", "ConfigMap \"a\"", "ConfigMap \"b\"");
    }

    @Test
    void reads_hand_written_yaml_with_flow_style_anchors_and_comments() {
        ManifestSet set = ManifestSet.parseYaml("""
                apiVersion: v1   # core
                kind: Service
                metadata: {name: web, labels: &labels {app: web}}
                spec:
                  selector: *labels
                  ports: [{name: http, port: 80, targetPort: http}]
                """);

        assertThat(set.toYaml()).isEqualTo("""
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  ports:
                  - name: http
                    port: 80
                    targetPort: http
                  selector:
                    app: web
                """);
    }

    // ---------------------------------------------------------------- strict failures

    @Test
    void an_unknown_field_fails_with_document_line_path_and_a_did_you_mean_hint() {
        ManifestParseException e = parseFailure("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      contianers:
                      - name: web
                        image: nginx
                """);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.document()).isEqualTo(1);
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.path()).isEqualTo("spec.template.spec.contianers");
            assertThat(p.ruleId()).isEqualTo("yaml-unknown-field");
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.resourceRef()).contains(ResourceRef.of("Deployment", null, "web"));
            assertThat(p.fixHint()).contains("did you mean `containers`?");
        });
        assertThat(e).hasMessage("""
                1 error in YAML:
                  document 1, line 12: Deployment "web": spec.template.spec.contianers is not a field of PodSpec \
                (did you mean `containers`?)""");
    }

    @Test
    void an_unknown_field_without_a_close_name_has_no_hint() {
        ManifestParseException e = parseFailure("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cfg
                  colour: blue
                """);

        assertThat(messages(e.problems())).containsExactly(
                "document 1, line 5: ConfigMap \"cfg\": metadata.colour is not a field of ObjectMeta");
    }

    @Test
    void values_of_the_wrong_type_fail_with_the_value_as_written() {
        ManifestParseException e = parseFailure("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels:
                    version: 1.0
                spec:
                  replicas: three
                  template:
                    spec:
                      containers:
                      - name: 42
                        image: [nginx]
                        ports:
                        - containerPort: "8080"
                        - containerPort: 99999999999
                        stdin: "true"
                """);

        assertThat(messages(e.problems())).containsExactly(
                "document 1, line 6: Deployment \"web\": metadata.labels[version] must be a string but was: 1.0 "
                        + "(quote it: \"1.0\")",
                "document 1, line 8: Deployment \"web\": spec.replicas must be an integer but was: three",
                "document 1, line 12: Deployment \"web\": spec.template.spec.containers[0].name must be a string "
                        + "but was: 42 (quote it: \"42\")",
                "document 1, line 13: Deployment \"web\": spec.template.spec.containers[0].image must be a string "
                        + "but was: a sequence",
                "document 1, line 15: Deployment \"web\": spec.template.spec.containers[0].ports[0].containerPort "
                        + "must be an integer but was: \"8080\" (remove the quotes)",
                "document 1, line 16: Deployment \"web\": spec.template.spec.containers[0].ports[1].containerPort "
                        + "must be an integer from -2147483648 to 2147483647 but was: 99999999999",
                "document 1, line 17: Deployment \"web\": spec.template.spec.containers[0].stdin must be a boolean "
                        + "(true or false) but was: \"true\" (remove the quotes)");
    }

    @Test
    void a_document_without_api_version_or_kind_fails() {
        ManifestParseException e = parseFailure("""
                kind: ConfigMap
                metadata:
                  name: a
                ---
                apiVersion: v1
                metadata:
                  name: b
                ---
                - just
                - a list
                """);

        assertThat(messages(e.problems())).containsExactly(
                "document 1, line 1: ConfigMap \"a\": apiVersion must be set, e.g. apps/v1 or v1",
                "document 2, line 5: kind must be set, e.g. Deployment",
                "document 3, line 9: must be a mapping with apiVersion and kind but was: a sequence");
        assertThat(e.problems()).extracting(ParseProblem::ruleId)
                .containsExactly("yaml-missing-api-version", "yaml-missing-kind", "yaml-not-a-mapping");
    }

    @Test
    void duplicate_keys_fail_with_both_lines() {
        ManifestParseException e = parseFailure("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cfg
                  labels:
                    app: a
                    app: b
                data:
                  k: v
                data:
                  k: w
                """);

        assertThat(messages(e.problems())).containsExactly(
                "document 1, line 7: ConfigMap \"cfg\": metadata.labels[app] is a duplicate key: first at line 6, "
                        + "again at line 7 (keep one of them)",
                "document 1, line 10: ConfigMap \"cfg\": data is a duplicate key: first at line 8, again at line 10 "
                        + "(keep one of them)");
        assertThat(e.problems()).extracting(ParseProblem::ruleId).containsOnly("yaml-duplicate-key");
    }

    @Test
    void the_same_resource_twice_fails() {
        ManifestParseException e = parseFailure("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg, namespace: shop}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg, namespace: shop}
                """);

        assertThat(messages(e.problems())).containsExactly("document 2, line 5: ConfigMap \"cfg\": must appear once "
                + "in the input but was: also in document 1 at line 1");
    }

    @Test
    void a_syntax_error_names_its_document_and_line() {
        ManifestParseException e = parseFailure("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: ok}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: [unclosed
                """);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("yaml-syntax");
            assertThat(p.document()).isEqualTo(2);
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).startsWith("document 2, line 9: is not valid YAML: ");
        });
    }

    @Test
    void reports_every_problem_of_every_document_at_once() {
        ManifestParseException e = parseFailure("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  prots: []
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: ok
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                spec:
                  containers:
                  - name: c
                    imgae: nginx
                  restartPolicy: 1
                """);

        assertThat(e.problems()).extracting(ParseProblem::document, ParseProblem::line, ParseProblem::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 6, "spec.prots"),
                        org.assertj.core.groups.Tuple.tuple(3, 20, "spec.containers[0].imgae"),
                        org.assertj.core.groups.Tuple.tuple(3, 21, "spec.restartPolicy"));
        assertThat(e.problems()).extracting(p -> p.fixHint().orElse(null))
                .containsExactly("did you mean `ports`?", "did you mean `image`?", "quote it: \"1\"");
        assertThat(e).hasMessageStartingWith("3 errors in YAML:\n");
    }

    // ---------------------------------------------------------------- warnings

    @Test
    void an_unknown_kind_becomes_a_generic_resource_with_a_warning() {
        ManifestSet set = ManifestSet.parseYaml("""
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                  namespace: shop
                spec:
                  size: 3
                  anything: {goes: [here]}
                """);

        HasMetadata widget = set.resources().get(0);
        assertThat(widget).isInstanceOf(GenericKubernetesResource.class);
        assertThat(((GenericKubernetesResource) widget).getAdditionalProperties())
                .containsEntry("spec", Map.of("size", 3, "anything", Map.of("goes", List.of("here"))));
        assertThat(set.sourceFindings()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("yaml-unknown-kind");
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.source()).isEqualTo(RuleSource.KUBEFLUENT);
            assertThat(v.resource()).isEqualTo(ResourceRef.of("Widget", "shop", "w"));
            assertThat(v.message()).isEqualTo("document 1, line 1: Widget \"w\": example.com/v1 Widget is not a kind "
                    + "Kubefluent knows: read as a GenericKubernetesResource, its fields unchecked");
        });
    }

    @Test
    void an_unknown_kind_still_has_its_metadata_checked() {
        ManifestParseException e = parseFailure("""
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                  lables: {a: b}
                """);

        assertThat(messages(e.problems())).containsExactly("document 1, line 5: Widget \"w\": metadata.lables is not "
                + "a field of ObjectMeta (did you mean `labels`?)");
        assertThat(e.warnings()).extracting(ParseProblem::ruleId).containsExactly("yaml-unknown-kind");
    }

    @Test
    void yaml_1_1_booleans_written_plain_give_warnings() {
        ManifestSet set = ManifestSet.parseYaml("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  labels:
                    enabled: yes
                    on: "x"
                spec:
                  containers:
                  - name: c
                    image: nginx
                    stdin: yes
                    env:
                    - name: FLAG
                      value: off
                """);

        assertThat(set.sourceFindings()).extracting(Violation::ruleId).containsOnly("yaml-1.1-boolean");
        assertThat(set.sourceFindings()).extracting(Violation::path).containsExactly("metadata.labels[enabled]",
                "metadata.labels[on]", "spec.containers[0].stdin", "spec.containers[0].env[0].value");
        assertThat(set.sourceFindings()).extracting(Violation::toString).containsExactly(
                "document 1, line 6: Pod \"p\": metadata.labels[enabled] is the string yes for YAML 1.2 readers but "
                        + "the boolean true for YAML 1.1 readers such as kubectl (quote it: \"yes\")",
                "document 1, line 7: Pod \"p\": metadata.labels[on] has the key \"on\", which YAML 1.1 readers such "
                        + "as kubectl read as the boolean true (quote it: \"on\")",
                "document 1, line 12: Pod \"p\": spec.containers[0].stdin is the boolean true for YAML 1.1 readers "
                        + "such as kubectl but the string \"yes\" for YAML 1.2 readers: read as true (write true)",
                "document 1, line 15: Pod \"p\": spec.containers[0].env[0].value is the string off for YAML 1.2 "
                        + "readers but the boolean false for YAML 1.1 readers such as kubectl (quote it: \"off\")");
        Pod pod = set.resources(Pod.class).get(0);
        assertThat(pod.getMetadata().getLabels()).containsEntry("enabled", "yes").containsEntry("on", "x");
        assertThat(pod.getSpec().getContainers().get(0).getStdin()).isTrue();
        assertThat(set.sourceFindings()).allSatisfy(v -> {
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.source()).isEqualTo(RuleSource.KUBEFLUENT);
        });
    }

    @Test
    void octal_looking_numbers_give_warnings() {
        ManifestSet set = ManifestSet.parseYaml("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    mode: 0755
                spec:
                  containers:
                  - name: c
                    image: nginx
                  volumes:
                  - name: cfg
                    configMap:
                      name: cfg
                      defaultMode: 0644
                """);

        assertThat(set.sourceFindings()).extracting(Violation::ruleId).containsOnly("yaml-1.1-octal");
        assertThat(set.sourceFindings()).extracting(Violation::toString).containsExactly(
                "document 1, line 6: Pod \"p\": metadata.annotations[mode] is the string 0755 here but the number 493 "
                        + "for YAML 1.1 readers such as kubectl and 755 for other YAML 1.2 readers (quote it: \"0755\")",
                "document 1, line 15: Pod \"p\": spec.volumes[0].configMap.defaultMode is the octal number 0644 (420) "
                        + "for YAML 1.1 readers such as kubectl but 644 for YAML 1.2 readers: read as 420 "
                        + "(write 420 or 0o644 to mean the same for every reader)");
        Pod pod = set.resources(Pod.class).get(0);
        assertThat(pod.getMetadata().getAnnotations()).containsEntry("mode", "0755");
        assertThat(pod.getSpec().getVolumes().get(0).getConfigMap().getDefaultMode()).isEqualTo(420);
    }

    @Test
    void yaml_written_by_kubefluent_gives_no_warnings() {
        ManifestSet set = ManifestSet.of(TestManifests.webConfig(), TestManifests.web());

        assertThat(ManifestSet.parseYaml(set.toYaml(RenderOptions.withoutValidation())).sourceFindings()).isEmpty();
    }

    // ---------------------------------------------------------------- secrets

    @Test
    void secret_values_never_appear_in_problems() {
        ManifestParseException e = parseFailure("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db
                stringData:
                  password: 12345
                  token: [hunter2]
                  flag: yes
                """);

        assertThat(e.getMessage()).doesNotContain("12345", "hunter2").contains("<redacted>");
        assertThat(messages(e.problems())).containsExactly(
                "document 1, line 6: Secret \"db\": stringData[password] must be a string but was: <redacted> "
                        + "(quote it: \"...\")",
                "document 1, line 7: Secret \"db\": stringData[token] must be a string but was: a sequence");
        assertThat(messages(e.warnings())).containsExactly("document 1, line 8: Secret \"db\": stringData[flag] is "
                + "the string <redacted> for YAML 1.2 readers but the boolean true for YAML 1.1 readers such as "
                + "kubectl (quote it: \"...\")");
    }

    @Test
    void reads_bytes_as_utf8() {
        ManifestSet set = ManifestSet.parseYaml(new ByteArrayInputStream("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: café}
                data: {greeting: "grüß dich"}
                """.getBytes(StandardCharsets.UTF_8)));

        assertThat(set.find(ConfigMap.class, null, "café")).get().extracting(ConfigMap::getData)
                .isEqualTo(Map.of("greeting", "grüß dich"));
    }
}
