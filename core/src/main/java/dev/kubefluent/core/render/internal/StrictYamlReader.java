package dev.kubefluent.core.render.internal;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.render.ManifestParseException;
import dev.kubefluent.core.render.ParseProblem;
import dev.kubefluent.core.render.internal.ModelTypes.Expected;
import dev.kubefluent.core.render.internal.ModelTypes.ModelClass;
import dev.kubefluent.core.render.internal.ModelTypes.Shape;
import dev.kubefluent.core.validate.Severity;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.Reader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.core.JacksonException;

/**
 * Reads multi-document YAML into fabric8 model objects, strictly.
 *
 * <p>The YAML is composed into snakeyaml-engine nodes (YAML 1.2 core schema; every node knows its line), and each
 * document is walked against the model class of its {@code apiVersion} and {@code kind} before fabric8 converts it.
 * Every problem of the input is collected and reported at once: syntax errors, documents that are not a mapping or
 * lack {@code apiVersion}/{@code kind}, unknown fields (with the closest known name), values of the wrong type,
 * duplicate keys and duplicate resources. Kinds fabric8 does not know become {@link GenericKubernetesResource}s
 * with a warning, and YAML 1.1 traps ({@code yes}, {@code on}, {@code 0755} written plain) give warnings. A
 * {@code kind: List} document is flattened; empty and comment-only documents are skipped.
 *
 * <p>Not API.
 */
public final class StrictYamlReader {

    /** A resource read from one document, with where it came from. */
    public record ReadResource(HasMetadata resource, ResourceRef ref, int document, int line) {
    }

    /** All resources of the input and the warnings found on the way. */
    public record Result(List<ReadResource> resources, List<ParseProblem> warnings) {
    }

    private static final String UNKNOWN_KIND = "yaml-unknown-kind";

    private final List<ParseProblem> errors = new ArrayList<>();
    private final List<ParseProblem> warnings = new ArrayList<>();
    private final List<ReadResource> resources = new ArrayList<>();
    private final Map<String, ReadResource> byIdentity = new HashMap<>();

    /** State of the resource being walked. */
    private int document;
    private ResourceRef current;
    private boolean secret;
    private int errorsBefore;

    private StrictYamlReader() {
    }

    /**
     * Reads all documents.
     *
     * @param yaml the YAML text (JSON is YAML too)
     * @return the resources in input order and the warnings
     * @throws ManifestParseException listing every error of the input
     */
    public static Result read(Reader yaml) {
        StrictYamlReader reader = new StrictYamlReader();
        reader.readAll(yaml);
        if (!reader.errors.isEmpty()) {
            throw new ManifestParseException(reader.errors, reader.warnings);
        }
        return new Result(List.copyOf(reader.resources), List.copyOf(reader.warnings));
    }

    private void readAll(Reader yaml) {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true)
                .setCodePointLimit(Integer.MAX_VALUE)
                .setLabel("manifests")
                .build();
        document = 0;
        try {
            for (Node root : new Compose(settings).composeAllFromReader(yaml)) {
                document++;
                readDocument(root);
            }
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            int line = mark == null ? 0 : mark.getLine() + 1;
            // the failing document is the one after the last composed one, unless the failure is inside it
            int doc = Math.max(1, document + 1);
            current = null;
            error(doc, line, "", "yaml-syntax", "is not valid YAML: " + e.getProblem()
                    + (mark == null ? "" : " at column " + (mark.getColumn() + 1)), null);
        } catch (YamlEngineException e) {
            current = null;
            error(Math.max(1, document + 1), 0, "", "yaml-syntax", "is not valid YAML: " + e.getMessage(), null);
        }
    }

    // ---------------------------------------------------------------- documents and resources

    private void readDocument(Node root) {
        current = null;
        secret = false;
        if (root instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return; // an empty or comment-only document
        }
        if (!(root instanceof MappingNode map)) {
            error(line(root), "", "yaml-not-a-mapping",
                    "must be a mapping with apiVersion and kind but was: " + describe(root), null);
            return;
        }
        String kind = scalarText(map, "kind");
        Node items = valueOf(map, "items");
        if (kind != null && kind.endsWith("List") && items instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                current = null;
                secret = false;
                if (item instanceof MappingNode m) {
                    readResource(m);
                } else {
                    error(line(item), "", "yaml-not-a-mapping",
                            "must be a mapping with apiVersion and kind but was: " + describe(item), null);
                }
            }
            return;
        }
        readResource(map);
    }

    private void readResource(MappingNode map) {
        errorsBefore = errors.size();
        String apiVersion = scalarText(map, "apiVersion");
        String kind = scalarText(map, "kind");
        String name = null;
        String namespace = null;
        if (valueOf(map, "metadata") instanceof MappingNode meta) {
            name = scalarText(meta, "name");
            namespace = scalarText(meta, "namespace");
        }
        current = kind == null || kind.isBlank() ? null : ResourceRef.of(kind, namespace, name);
        secret = "Secret".equals(kind);
        if (apiVersion == null || apiVersion.isBlank()) {
            error(line(map), "apiVersion", "yaml-missing-api-version",
                    "apiVersion must be set, e.g. apps/v1 or v1", null);
        }
        if (current == null) {
            error(line(map), "kind", "yaml-missing-kind", "kind must be set, e.g. Deployment", null);
        }
        if (errors.size() > errorsBefore) {
            return;
        }
        Class<? extends KubernetesResource> type = Fabric8.SERIALIZATION.getRegisteredKubernetesResource(apiVersion,
                kind);
        Class<? extends HasMetadata> modelClass;
        if (type != null && HasMetadata.class.isAssignableFrom(type)) {
            modelClass = type.asSubclass(HasMetadata.class);
        } else {
            modelClass = GenericKubernetesResource.class;
            warning(line(map), "", UNKNOWN_KIND, apiVersion + " " + kind
                    + " is not a kind Kubefluent knows: read as a GenericKubernetesResource, its fields unchecked",
                    "add the model class of the custom resource to the classpath to have it checked");
        }
        Object tree = readValue(map, new Expected(Shape.OBJECT, ModelTypes.of(modelClass), null), new StringBuilder());
        if (errors.size() > errorsBefore) {
            return;
        }
        HasMetadata resource;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> asMap = (Map<String, Object>) tree;
            resource = Fabric8.SERIALIZATION.convertValue(asMap, modelClass);
        } catch (JacksonException | IllegalArgumentException e) {
            error(line(map), "", "yaml-wrong-type", "cannot be read by fabric8: "
                    + (secret ? "a value is not valid" : firstLine(e.getMessage())), null);
            return;
        }
        remember(new ReadResource(resource, current, document, line(map)), apiVersion);
    }

    private void remember(ReadResource read, String apiVersion) {
        if (read.ref.name() != null) {
            int slash = apiVersion.indexOf('/');
            String identity = (slash < 0 ? "" : apiVersion.substring(0, slash)) + "|" + read.ref.kind() + "|"
                    + (read.ref.namespace() == null ? "" : read.ref.namespace()) + "|" + read.ref.name();
            ReadResource first = byIdentity.putIfAbsent(identity, read);
            if (first != null) {
                error(read.line, "", "yaml-duplicate-resource", "must appear once in the input but was: also in "
                        + "document " + first.document + " at line " + first.line, null);
                return;
            }
        }
        resources.add(read);
    }

    // ---------------------------------------------------------------- values

    /** Marks a value that could not be read; the error is already recorded. */
    private static final Object INVALID = new Object();

    private Object readValue(Node node, Expected expected, StringBuilder path) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return null;
        }
        return switch (expected.shape()) {
            case OBJECT -> readObject(node, expected.model(), path);
            case MAP -> readMap(node, expected.element(), path);
            case LIST -> readList(node, expected.element(), path);
            case ANY -> readAny(node, path);
            default -> node instanceof ScalarNode s ? readScalar(s, expected.shape(), path)
                    : wrongType(node, expected.shape(), path);
        };
    }

    private Object readObject(Node node, ModelClass model, StringBuilder path) {
        return readMapping(node, model, null, path);
    }

    private Object readMap(Node node, Expected element, StringBuilder path) {
        return readMapping(node, null, element, path);
    }

    /**
     * Reads a mapping: the fields of a model object if {@code model} is given, else a map whose values are all of
     * type {@code element}.
     */
    private Object readMapping(Node node, ModelClass model, Expected element, StringBuilder path) {
        if (!(node instanceof MappingNode map)) {
            return wrongType(node, model == null ? Shape.MAP : Shape.OBJECT, path);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = key(t.getKeyNode(), path, seen, model == null);
            if (key == null) {
                continue;
            }
            int mark = path.length();
            Expected expected = element;
            if (model == null) {
                path.append('[').append(key).append(']');
                if (t.getKeyNode() instanceof ScalarNode k && k.isPlain() && YamlScalars.isYaml11OnlyBoolean(key)) {
                    warning(line(k), path.toString(), "yaml-1.1-boolean", path + " has the key \"" + key
                            + "\", which YAML 1.1 readers such as kubectl read as the boolean " + yaml11Boolean(key),
                            "quote it: \"" + key + "\"");
                }
            } else {
                appendField(path, key);
                expected = model.property(key);
                if (expected == null && model.open) {
                    expected = Expected.ANY;
                } else if (expected == null) {
                    unknownField(t.getKeyNode(), key, model, path);
                }
            }
            if (expected != null) {
                Object value = readValue(t.getValueNode(), expected, path);
                if (value != INVALID) {
                    result.put(key, value);
                }
            }
            path.setLength(mark);
        }
        return result;
    }

    private Object readList(Node node, Expected element, StringBuilder path) {
        if (!(node instanceof SequenceNode seq)) {
            return wrongType(node, Shape.LIST, path);
        }
        List<Object> result = new ArrayList<>(seq.getValue().size());
        int i = 0;
        for (Node item : seq.getValue()) {
            int mark = path.length();
            path.append('[').append(i++).append(']');
            Object value = readValue(item, element, path);
            result.add(value == INVALID ? null : value);
            path.setLength(mark);
        }
        return result;
    }

    /** Reads a value the model does not describe (custom resources, free-form fields) by the YAML 1.2 core schema. */
    private Object readAny(Node node, StringBuilder path) {
        if (node instanceof MappingNode) {
            return readMap(node, Expected.ANY, path);
        }
        if (node instanceof SequenceNode) {
            return readList(node, Expected.ANY, path);
        }
        ScalarNode s = (ScalarNode) node;
        String text = s.getValue();
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
        }
        if (tag.equals(Tag.INT)) {
            if (s.isPlain() && YamlScalars.isYaml11Octal(text)) {
                return Canonicalizer.canonicalNumber((BigInteger) octalWarning(s, path, false));
            }
            return Canonicalizer.canonicalNumber(parseInteger(text));
        }
        if (tag.equals(Tag.FLOAT)) {
            return parseFloat(text);
        }
        return text(s, path);
    }

    /** A string scalar, with a warning if it is a YAML 1.1 boolean written plain. */
    private String text(ScalarNode s, StringBuilder path) {
        if (s.isPlain() && YamlScalars.isYaml11OnlyBoolean(s.getValue())) {
            booleanWarningForString(s, path);
        }
        return s.getValue();
    }

    private Object readScalar(ScalarNode s, Shape shape, StringBuilder path) {
        String text = s.getValue();
        Tag tag = s.getTag();
        boolean plain = s.isPlain();
        switch (shape) {
            case STRING:
                if (tag.equals(Tag.STR)) {
                    return text(s, path);
                }
                if (plain && tag.equals(Tag.INT) && YamlScalars.isYaml11Octal(text)) {
                    octalWarning(s, path, true);
                    return text;
                }
                return wrongType(s, shape, path);
            case INT32:
            case INT64:
                if (tag.equals(Tag.INT)) {
                    return integer(s, shape, path);
                }
                return wrongType(s, shape, path);
            case BOOLEAN:
                if (tag.equals(Tag.BOOL)) {
                    return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
                }
                if (plain && tag.equals(Tag.STR) && YamlScalars.isYaml11OnlyBoolean(text)) {
                    boolean value = yaml11Boolean(text);
                    warning(line(s), path.toString(), "yaml-1.1-boolean", path + " is the boolean " + value
                                    + " for YAML 1.1 readers such as kubectl but the string \"" + text
                                    + "\" for YAML 1.2 readers: read as " + value, "write " + value);
                    return value;
                }
                return wrongType(s, shape, path);
            case NUMBER:
                if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
                    return tag.equals(Tag.INT) ? (Object) parseInteger(text) : parseFloat(text);
                }
                return wrongType(s, shape, path);
            case INT_OR_STRING:
                if (tag.equals(Tag.INT)) {
                    return integer(s, Shape.INT32, path);
                }
                if (tag.equals(Tag.STR)) {
                    return text(s, path);
                }
                return wrongType(s, shape, path);
            case QUANTITY:
                if (tag.equals(Tag.STR) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
                    return text;
                }
                return wrongType(s, shape, path);
            default:
                return wrongType(s, shape, path);
        }
    }

    private Object integer(ScalarNode s, Shape shape, StringBuilder path) {
        String text = s.getValue();
        BigInteger value;
        if (s.isPlain() && YamlScalars.isYaml11Octal(text)) {
            value = (BigInteger) octalWarning(s, path, false);
        } else {
            value = parseInteger(text);
        }
        if (shape == Shape.INT32) {
            if (value.bitLength() >= 32) {
                return wrongValue(s, path, "must be an integer from -2147483648 to 2147483647");
            }
            return value.intValue();
        }
        if (value.bitLength() >= 64) {
            return wrongValue(s, path, "must be an integer from -9223372036854775808 to 9223372036854775807");
        }
        return value.longValue();
    }

    // ---------------------------------------------------------------- YAML 1.1 traps

    private void booleanWarningForString(ScalarNode s, StringBuilder path) {
        String text = s.getValue();
        warning(line(s), path.toString(), "yaml-1.1-boolean", path + " is the string " + shown(s)
                        + " for YAML 1.2 readers but the boolean " + yaml11Boolean(text)
                        + " for YAML 1.1 readers such as kubectl", "quote it: \"" + (secret ? "..." : text) + "\"");
    }

    /**
     * Warns about a plain {@code 0755}: a string field keeps the text, a number takes the YAML 1.1 (kubectl) value.
     *
     * @return the YAML 1.1 value as a {@link BigInteger}
     */
    private Object octalWarning(ScalarNode s, StringBuilder path, boolean stringField) {
        String text = s.getValue();
        BigInteger octal = new BigInteger(text.replace("_", "").replace("+", ""), 8);
        BigInteger decimal = new BigInteger(text.replace("_", "").replace("+", ""));
        if (stringField) {
            warning(line(s), path.toString(), "yaml-1.1-octal", path + " is the string " + shown(s)
                    + " here but the number " + (secret ? "<redacted>" : octal) + " for YAML 1.1 readers such as kubectl"
                    + " and " + (secret ? "<redacted>" : decimal) + " for other YAML 1.2 readers",
                    "quote it: \"" + (secret ? "..." : text) + "\"");
        } else {
            warning(line(s), path.toString(), "yaml-1.1-octal", path + " is the octal number " + shown(s)
                    + " (" + octal + ") for YAML 1.1 readers such as kubectl but " + decimal
                    + " for YAML 1.2 readers: read as " + octal,
                    "write " + octal + " or 0o" + octal.toString(8) + " to mean the same for every reader");
        }
        return octal;
    }

    private static boolean yaml11Boolean(String text) {
        char c = Character.toLowerCase(text.charAt(0));
        return c == 'y' || text.equalsIgnoreCase("on");
    }

    // ---------------------------------------------------------------- keys and errors

    /** Returns the key as a string, or {@code null} after recording why it cannot be one. */
    private String key(Node keyNode, StringBuilder path, Map<String, Integer> seen, boolean mapKey) {
        if (!(keyNode instanceof ScalarNode k)) {
            error(line(keyNode), path.toString(), "yaml-wrong-type", (path.length() == 0 ? "a key" : path + " has a key that")
                    + " must be a string but was: " + describe(keyNode), null);
            return null;
        }
        String key = k.getValue();
        Integer first = seen.putIfAbsent(key, line(k));
        if (first != null) {
            String at = mapKey ? path + "[" + key + "]" : path.length() == 0 ? key : path + "." + key;
            error(line(k), at, "yaml-duplicate-key", at + " is a duplicate key: first at line " + first
                    + ", again at line " + line(k), "keep one of them");
            return null;
        }
        return key;
    }

    private void unknownField(Node keyNode, String key, ModelClass model, StringBuilder path) {
        String suggestion = Suggestions.closest(key, model.names());
        error(line(keyNode), path.toString(), "yaml-unknown-field", path + " is not a field of "
                + model.simpleName(), suggestion == null ? null : "did you mean `" + suggestion + "`?");
    }

    private Object wrongType(Node node, Shape expected, StringBuilder path) {
        return wrongValue(node, path, "must be " + article(expected));
    }

    private Object wrongValue(Node node, StringBuilder path, String rule) {
        String hint = null;
        if (node instanceof ScalarNode s && !s.isPlain() && (rule.contains("integer") || rule.contains("boolean"))) {
            hint = "remove the quotes";
        } else if (node instanceof ScalarNode s && s.isPlain() && rule.endsWith("a string")) {
            hint = "quote it: \"" + (secret ? "..." : s.getValue()) + "\"";
        }
        error(line(node), path.toString(), "yaml-wrong-type", path + " " + rule + " but was: " + describe(node), hint);
        return INVALID;
    }

    private static String article(Shape shape) {
        return switch (shape) {
            case STRING -> "a string";
            case INT32, INT64 -> "an integer";
            case BOOLEAN -> "a boolean (true or false)";
            case NUMBER -> "a number";
            case INT_OR_STRING -> "an integer or a string";
            case QUANTITY -> "a quantity such as 500m or 1Gi";
            case OBJECT -> "a mapping";
            case MAP -> "a mapping";
            case LIST -> "a sequence";
            case ANY -> "a value";
        };
    }

    private String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a sequence";
        }
        return shown((ScalarNode) node);
    }

    /** A scalar as written: quoted if it was quoted, {@code <redacted>} inside a Secret. */
    private String shown(ScalarNode s) {
        if (secret) {
            return "<redacted>";
        }
        return s.isPlain() ? s.getValue() : "\"" + s.getValue() + "\"";
    }

    private void error(int line, String path, String ruleId, String text, String hint) {
        error(document, line, path, ruleId, text, hint);
    }

    private void error(int doc, int line, String path, String ruleId, String text, String hint) {
        errors.add(problem(doc, line, path, ruleId, Severity.ERROR, text, hint));
    }

    private void warning(int line, String path, String ruleId, String text, String hint) {
        warnings.add(problem(document, line, path, ruleId, Severity.WARNING, text, hint));
    }

    private ParseProblem problem(int doc, int line, String path, String ruleId, Severity severity, String text,
                                 String hint) {
        String where = "document " + doc + (line > 0 ? ", line " + line : "") + ": ";
        String who = current == null ? "" : current + ": ";
        return new ParseProblem(doc, line, current, path, ruleId, severity, where + who + text, hint);
    }

    // ---------------------------------------------------------------- helpers

    private static void appendField(StringBuilder path, String key) {
        if (path.length() > 0) {
            path.append('.');
        }
        path.append(key);
    }

    private static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private static Node valueOf(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static String scalarText(MappingNode map, String key) {
        return valueOf(map, key) instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? s.getValue() : null;
    }

    private static BigInteger parseInteger(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        BigInteger value;
        if (t.startsWith("0o")) {
            value = new BigInteger(t.substring(2), 8);
        } else if (t.startsWith("0x")) {
            value = new BigInteger(t.substring(2), 16);
        } else {
            value = new BigInteger(t);
        }
        return negative ? value.negate() : value;
    }

    private static Object parseFloat(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.endsWith(".inf")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (t.endsWith(".nan")) {
            return Double.NaN;
        }
        return Double.valueOf(t);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable value";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
