/**
 * Deterministic rendering and strict parsing of manifests: {@link dev.kubefluent.core.render.RenderOptions} (how
 * {@link dev.kubefluent.core.ManifestSet#toYaml(RenderOptions)} validates before it writes),
 * {@link dev.kubefluent.core.render.ManifestParseException} and its
 * {@link dev.kubefluent.core.render.ParseProblem problems} (what {@link dev.kubefluent.core.ManifestSet#parseYaml(String)}
 * reports for YAML it cannot accept).
 *
 * <h2>Output format</h2>
 * Every byte comes from one canonical tree per manifest, made by fabric8's own serializer: resources in Helm v3's
 * install order, then by namespace and name; keys {@code apiVersion, kind, metadata, spec}, the others alphabetically,
 * {@code status} last; in {@code metadata} {@code name, namespace, labels, annotations} first; in every list item
 * {@code name} first; label, annotation and data maps sorted; nulls, empty lists and an empty {@code status} omitted;
 * empty objects such as {@code emptyDir: {}} kept. Strings are plain unless a YAML 1.1 reader (kubectl) or a YAML 1.2
 * reader would read something else ({@code "yes"}, {@code "0755"}, {@code "1e3"}, {@code "~"} are quoted).
 */
package dev.kubefluent.core.render;
