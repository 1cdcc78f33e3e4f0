package dev.kubefluent.core;

import dev.kubefluent.core.render.ManifestParseException;
import dev.kubefluent.core.render.ParseProblem;
import dev.kubefluent.core.render.RenderOptions;
import dev.kubefluent.core.render.internal.Fabric8;
import dev.kubefluent.core.render.internal.JsonEmitter;
import dev.kubefluent.core.render.internal.KindOrder;
import dev.kubefluent.core.render.internal.StrictYamlReader;
import dev.kubefluent.core.render.internal.YamlEmitter;
import dev.kubefluent.core.internal.ManifestSetAccess;
import dev.kubefluent.core.validate.KubeVersion;
import dev.kubefluent.core.validate.ManifestValidationException;
import dev.kubefluent.core.validate.RuleSource;
import dev.kubefluent.core.validate.ValidationReport;
import dev.kubefluent.core.validate.Validator;
import dev.kubefluent.core.validate.Violation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An immutable, ordered set of Kubernetes manifests (fabric8 model objects), in the order they are applied, that
 * renders as deterministic, kubectl-clean YAML and parses YAML back.
 *
 * <pre>{@code
 * ManifestSet set = ManifestSet.of(deployment, service, configMap);
 * String yaml = set.toYaml();                       // validated, then written; same set, same bytes
 * ManifestSet back = ManifestSet.parseYaml(yaml);   // equal resources
 * List<HasMetadata> all = back.resources();         // ConfigMap, Service, Deployment: Helm's install order
 * }</pre>
 *
 * <h2>Order</h2>
 * Resources are kept in apply order: kinds in exactly Helm v3's {@code InstallOrder} (PriorityClass, Namespace, ...,
 * ServiceAccount, Secret, ConfigMap, ..., Service, DaemonSet, Pod, ..., Deployment, ...), kinds Helm does not list
 * last and alphabetically, then by namespace (cluster-scoped first) and name. The order in which resources were
 * given does not matter, except between unnamed resources of one kind and namespace.
 *
 * <h2>Identity</h2>
 * A resource is identified by its API group, kind, namespace and name. {@link #of(HasMetadata...)} refuses two
 * resources with the same identity; {@link #with(HasMetadata...)} replaces a resource of the same identity.
 * Resources without a name (only a {@code generateName}) never clash.
 *
 * <h2>Immutability</h2>
 * fabric8 model objects are mutable, so the set never keeps what it is given and never hands out what it keeps. When
 * a set is created, each resource is serialized once by fabric8's own serializer and kept as a private canonical
 * tree; that tree is what {@link #toYaml()} writes (so rendering does not serialize again), what {@link #equals}
 * compares, and what every accessor decodes <em>fresh</em> model objects from. Changing an object you passed in, or
 * one you got out, never changes the set. Decoding costs about as much as serializing, so call {@link #resources()}
 * once and keep the list rather than calling it in a loop.
 *
 * <h2>Validation</h2>
 * {@link #of(Collection)} also validates the objects it is given with {@link Validator#defaults()}, right after
 * serializing them and before the caller can change them, and keeps the report for {@link #validate()},
 * {@link #toYaml()} and a rollout. The rules only read the objects, and the objects are then exactly what the trees
 * say, so this is the report of the trees that are rendered, found without decoding copies of them. Where an object's
 * getters could disagree with its tree (an {@code additionalProperties} entry, which fabric8 writes in place of a field
 * of the same name; a {@code null} or empty list in a map, which the tree drops), the report is made from decoded
 * copies instead, when it is first needed.
 *
 * <h2>Secrets</h2>
 * {@link #toString()} lists kinds and names only; it never prints the data of a {@code Secret}.
 *
 * @since 0.1.0
 */
public final class ManifestSet implements Iterable<HasMetadata> {

    private static final ManifestSet EMPTY = new ManifestSet(List.of(), List.of());

    private static final Comparator<Entry> APPLY_ORDER = Comparator.comparingInt(Entry::rank)
            .thenComparing(e -> e.ref.kind())
            .thenComparing(e -> Objects.requireNonNullElse(e.ref.namespace(), ""))
            .thenComparing(e -> Objects.requireNonNullElse(e.ref.name(), ""))
            .thenComparing(Entry::apiVersion);

    private final List<Entry> entries;
    private final List<Violation> sourceFindings;
    private int hash;

    private ManifestSet(List<Entry> sortedEntries, List<Violation> sourceFindings) {
        this.entries = sortedEntries;
        this.sourceFindings = sourceFindings;
    }

    static {
        ManifestSetAccess.install(new ManifestSetAccess.Accessor() {
            @Override
            public List<HasMetadata> views(ManifestSet set) {
                return set.views();
            }

            @Override
            public ValidationReport defaultReport(ManifestSet set, Supplier<ValidationReport> compute) {
                ValidationReport report = set.defaultReport;
                if (report == null) {
                    report = compute.get();
                    set.defaultReport = report;
                }
                return report;
            }
        });
    }

    /** The report of {@code Validator.defaults()}, computed at most once (a benign race computes it twice). */
    private volatile ValidationReport defaultReport;

    /**
     * One resource: its identity, its canonical tree, and a decoded copy for the validator, made at most once and
     * never handed out. Entries are shared between sets made from one another ({@link #with}, {@link #plus}).
     */
    private static final class Entry {
        final ResourceRef ref;
        final String apiVersion;
        final String identity;
        final int rank;
        final Class<? extends HasMetadata> type;
        final Map<String, Object> tree;
        private volatile HasMetadata view;

        Entry(ResourceRef ref, String apiVersion, String identity, int rank, Class<? extends HasMetadata> type,
              Map<String, Object> tree, HasMetadata view) {
            this.ref = ref;
            this.apiVersion = apiVersion;
            this.identity = identity;
            this.rank = rank;
            this.type = type;
            this.tree = tree;
            this.view = view;
        }

        ResourceRef ref() {
            return ref;
        }

        String apiVersion() {
            return apiVersion;
        }

        int rank() {
            return rank;
        }

        /** A fresh object for a caller. */
        HasMetadata decode() {
            return Fabric8.fromTree(tree, type);
        }

        /** The shared read-only object for the validator. */
        HasMetadata view() {
            HasMetadata v = view;
            if (v == null) {
                v = decode();
                view = v;
            }
            return v;
        }
    }

    // ---------------------------------------------------------------- creation

    /**
     * Returns the empty set.
     *
     * @return a set without resources
     */
    public static ManifestSet empty() {
        return EMPTY;
    }

    /**
     * Creates a set of the given resources, in apply order.
     *
     * <pre>{@code
     * ManifestSet set = ManifestSet.of(web, svc, once);
     * }</pre>
     *
     * @param resources the manifests; must not be {@code null} nor contain {@code null}
     * @return the set
     * @throws IllegalArgumentException if a resource is {@code null}, has no kind, or two have the same API group,
     *                                  kind, namespace and name
     * @throws KubefluentException      if fabric8 cannot serialize a resource
     */
    public static ManifestSet of(HasMetadata... resources) {
        if (resources == null) {
            throw new IllegalArgumentException("resources must not be null");
        }
        return of(Arrays.asList(resources));
    }

    /**
     * Creates a set of the given resources, in apply order, and validates them with {@link Validator#defaults()} for
     * later (see "Validation" above); it throws nothing for violations.
     *
     * @param resources the manifests; must not be {@code null} nor contain {@code null}
     * @return the set
     * @throws IllegalArgumentException if a resource is {@code null}, has no kind, or two have the same API group,
     *                                  kind, namespace and name
     * @throws KubefluentException      if fabric8 cannot serialize a resource
     */
    public static ManifestSet of(Collection<? extends HasMetadata> resources) {
        if (resources == null) {
            throw new IllegalArgumentException("resources must not be null");
        }
        List<HasMetadata> given = new ArrayList<>(resources);
        boolean[] lossy = new boolean[1];
        List<Entry> entries = toEntries(given, lossy);
        checkNoDuplicates(entries);
        ManifestSet set = create(entries, List.of());
        if (!lossy[0]) {
            set.validateOriginals(entries, given);
        }
        return set;
    }

    /**
     * Computes the report of {@link Validator#defaults()} from the caller's objects ({@code resources}, made into
     * {@code made} in the same order) while they still are what this set serialized a moment ago, so that validating
     * or rendering the set later needs no decoded copies. The rules only read the objects. Should the validator fail on an object, the report is left to be computed later from decoded
     * copies, as for any other validator.
     */
    private void validateOriginals(List<Entry> made, List<HasMetadata> resources) {
        if (entries.isEmpty()) {
            return;
        }
        Map<Entry, HasMetadata> originals = new IdentityHashMap<>(made.size() * 2);
        for (int i = 0; i < made.size(); i++) {
            originals.put(made.get(i), resources.get(i));
        }
        List<HasMetadata> inApplyOrder = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            inApplyOrder.add(originals.get(e));
        }
        try {
            defaultReport = Validator.defaults().validateAll(inApplyOrder);
        } catch (RuntimeException e) {
            defaultReport = null;
        }
    }

    /**
     * Reads multi-document YAML (or JSON) strictly into a set.
     *
     * <pre>{@code
     * ManifestSet set = ManifestSet.parseYaml(Files.readString(Path.of("k8s/app.yaml")));
     * set.sourceFindings().forEach(System.out::println);   // warnings: unknown kinds, YAML 1.1 traps
     * }</pre>
     *
     * <p>Each document must be a mapping with {@code apiVersion} and {@code kind}; every field must exist in the
     * fabric8 model class of that kind and hold a value of its type; keys must not repeat; no two documents may
     * describe the same resource. All problems of the input are reported at once. A kind fabric8 does not know (a
     * custom resource) becomes a {@link io.fabric8.kubernetes.api.model.GenericKubernetesResource}, with a warning.
     * Plain {@code yes}, {@code no}, {@code on}, {@code off}, {@code y}, {@code n} and octal-looking numbers such as
     * {@code 0755} give warnings, because YAML 1.1 readers like kubectl read them differently from YAML 1.2 ones.
     * {@code kind: List} documents are flattened; empty and comment-only documents are skipped. The warnings are
     * available from {@link #sourceFindings()}.
     *
     * @param yaml the YAML text; must not be {@code null}
     * @return the set, in apply order
     * @throws ManifestParseException listing every problem with its document, line and field path
     */
    public static ManifestSet parseYaml(String yaml) {
        if (yaml == null) {
            throw new IllegalArgumentException("yaml must not be null");
        }
        return parse(new StringReader(yaml));
    }

    /**
     * Reads a YAML (or JSON) file strictly into a set, as {@link #parseYaml(String)} does.
     *
     * @param file the file, in UTF-8; must not be {@code null}
     * @return the set, in apply order
     * @throws ManifestParseException listing every problem with its document, line and field path
     * @throws UncheckedIOException   if the file cannot be read
     */
    public static ManifestSet parseYaml(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifests from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads YAML (or JSON) from a stream strictly into a set, as {@link #parseYaml(String)} does. The stream is read
     * to its end but not closed.
     *
     * @param in the stream, in UTF-8; must not be {@code null}
     * @return the set, in apply order
     * @throws ManifestParseException listing every problem with its document, line and field path
     */
    public static ManifestSet parseYaml(InputStream in) {
        if (in == null) {
            throw new IllegalArgumentException("in must not be null");
        }
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static ManifestSet parse(Reader reader) {
        StrictYamlReader.Result result = StrictYamlReader.read(reader);
        List<Entry> entries = new ArrayList<>(result.resources().size());
        for (StrictYamlReader.ReadResource read : result.resources()) {
            entries.add(toEntry(read.resource(), entries.size(), true, null));
        }
        List<Violation> findings = new ArrayList<>(result.warnings().size());
        for (ParseProblem p : result.warnings()) {
            findings.add(new Violation(p.resourceRef().orElseGet(() -> ResourceRef.of("Unknown", null, null)),
                    p.path(), p.ruleId(), p.severity(), RuleSource.KUBEFLUENT, KubeVersion.of(1, 0), p.message(),
                    p.hint()));
        }
        return create(entries, findings);
    }

    /**
     * Creates a set from parsed resources and the warnings found while reading them. Used by the strict reader.
     */
    private static ManifestSet create(List<Entry> entries, List<Violation> findings) {
        if (entries.isEmpty() && findings.isEmpty()) {
            return EMPTY;
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(APPLY_ORDER);
        return new ManifestSet(List.copyOf(sorted), List.copyOf(findings));
    }

    /**
     * Makes the entries of a caller's resources; sets {@code lossy[0]} if the tree of one of them may say something
     * its getters do not (see {@link #toEntry}).
     */
    private static List<Entry> toEntries(Collection<? extends HasMetadata> resources, boolean[] lossy) {
        List<Entry> entries = new ArrayList<>(resources.size());
        int i = 0;
        for (HasMetadata resource : resources) {
            if (resource == null) {
                throw new IllegalArgumentException("resources[" + i + "] must not be null");
            }
            entries.add(toEntry(resource, i, false, lossy));
            i++;
        }
        return entries;
    }

    /**
     * Makes the entry of a resource. A resource the set made itself (read from YAML), which nobody else holds,
     * becomes the entry's view as it is; a caller's resource is not kept, since the caller may change it later.
     *
     * <p>With {@code lossy}, notes whether the tree may disagree with the object's getters, so that the object cannot
     * stand in for a decoded copy: when some object in it has additionalProperties entries (fabric8 writes one in
     * place of a declared field of the same name) or a map of it holds a {@code null} or an empty list (which the
     * tree drops).
     */
    private static Entry toEntry(HasMetadata resource, int index, boolean owned, boolean[] lossy) {
        String kind = resource.getKind();
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("resources[" + index + "] must have a kind but was: "
                    + (kind == null ? "null" : "\"" + kind + "\"") + " (a " + resource.getClass().getName() + ")");
        }
        ResourceRef ref = ResourceRef.of(resource);
        String apiVersion = Objects.requireNonNullElse(resource.getApiVersion(), "");
        Map<String, Object> tree = Fabric8.toCanonicalTree(resource, lossy);
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String identity = ref.name() == null ? null
                : group + "|" + kind + "|" + Objects.requireNonNullElse(ref.namespace(), "") + "|" + ref.name();
        return new Entry(ref, apiVersion, identity, KindOrder.rank(kind), resource.getClass(), tree,
                owned ? resource : null);
    }

    private static void checkNoDuplicates(List<Entry> entries) {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (Entry e : entries) {
            if (e.identity != null && !seen.add(e.identity)) {
                duplicates.add(e.ref.kind() + " \"" + e.ref.qualifiedName() + "\"");
            }
        }
        if (!duplicates.isEmpty()) {
            throw new IllegalArgumentException("resources must be unique by API group, kind, namespace and name but "
                    + "was: " + String.join(", ", duplicates) + " given more than once");
        }
    }

    // ---------------------------------------------------------------- derivation

    /**
     * Returns a new set with the given resources added; a resource with the same API group, kind, namespace and name
     * as one already in the set replaces it.
     *
     * @param resources the manifests to add; must not be {@code null} nor contain {@code null}
     * @return the new set; this set is unchanged
     * @throws IllegalArgumentException if a resource is {@code null} or has no kind, or two of {@code resources}
     *                                  have the same identity
     */
    public ManifestSet with(HasMetadata... resources) {
        if (resources == null) {
            throw new IllegalArgumentException("resources must not be null");
        }
        return with(Arrays.asList(resources));
    }

    /**
     * Returns a new set with the given resources added; a resource with the same API group, kind, namespace and name
     * as one already in the set replaces it.
     *
     * @param resources the manifests to add; must not be {@code null} nor contain {@code null}
     * @return the new set; this set is unchanged
     * @throws IllegalArgumentException if a resource is {@code null} or has no kind, or two of {@code resources}
     *                                  have the same identity
     */
    public ManifestSet with(Collection<? extends HasMetadata> resources) {
        if (resources == null) {
            throw new IllegalArgumentException("resources must not be null");
        }
        List<Entry> added = toEntries(resources, null);
        checkNoDuplicates(added);
        return merge(added, List.of());
    }

    /**
     * Returns the union of this set and another; where both hold a resource with the same identity, the other
     * set's resource wins. Warnings from reading YAML ({@link #sourceFindings()}) are kept for the resources that
     * remain.
     *
     * @param other the set to add; must not be {@code null}
     * @return the new set; both sets are unchanged
     */
    public ManifestSet plus(ManifestSet other) {
        if (other == null) {
            throw new IllegalArgumentException("other must not be null");
        }
        return merge(other.entries, other.sourceFindings);
    }

    private ManifestSet merge(List<Entry> added, List<Violation> addedFindings) {
        Set<String> replaced = new HashSet<>();
        for (Entry e : added) {
            if (e.identity != null) {
                replaced.add(e.identity);
            }
        }
        List<Entry> result = new ArrayList<>(entries.size() + added.size());
        Set<ResourceRef> replacedRefs = new HashSet<>();
        for (Entry e : entries) {
            if (e.identity != null && replaced.contains(e.identity)) {
                replacedRefs.add(e.ref);
            } else {
                result.add(e);
            }
        }
        result.addAll(added);
        List<Violation> findings = new ArrayList<>();
        for (Violation v : sourceFindings) {
            if (!replacedRefs.contains(v.resource())) {
                findings.add(v);
            }
        }
        findings.addAll(addedFindings);
        return create(result, findings);
    }

    /**
     * Returns a new set without the resources of the given kind, namespace and name.
     *
     * @param refs the resources to drop; must not be {@code null}; references to resources not in the set are
     *             ignored
     * @return the new set; this set is unchanged
     */
    public ManifestSet without(ResourceRef... refs) {
        if (refs == null) {
            throw new IllegalArgumentException("refs must not be null");
        }
        Set<ResourceRef> drop = Set.of(refs);
        List<Entry> kept = entries.stream().filter(e -> !drop.contains(e.ref)).toList();
        List<Violation> findings = sourceFindings.stream().filter(v -> !drop.contains(v.resource())).toList();
        return create(kept, findings);
    }

    // ---------------------------------------------------------------- access

    /**
     * Returns the number of resources.
     *
     * @return the size of the set
     */
    public int size() {
        return entries.size();
    }

    /**
     * Tells whether the set has no resources.
     *
     * @return {@code true} for an empty set
     */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Returns fresh copies of all resources, in apply order. The list is unmodifiable; the objects are new on every
     * call and may be changed freely without affecting the set.
     *
     * @return the resources in apply order
     */
    public List<HasMetadata> resources() {
        List<HasMetadata> result = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            result.add(e.decode());
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * Returns fresh copies of the resources of one model class, in apply order.
     *
     * <pre>{@code
     * List<Deployment> deployments = set.resources(Deployment.class);
     * }</pre>
     *
     * @param type the fabric8 model class, e.g. {@code Deployment.class}; must not be {@code null}
     * @param <T>  the model type
     * @return the matching resources, possibly none
     */
    public <T extends HasMetadata> List<T> resources(Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        List<T> result = new ArrayList<>();
        for (Entry e : entries) {
            if (type.isAssignableFrom(e.type)) {
                result.add(type.cast(e.decode()));
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * Returns the kind, namespace and name of every resource, in apply order, without decoding any resource.
     *
     * @return the references
     */
    public List<ResourceRef> refs() {
        return entries.stream().map(Entry::ref).toList();
    }

    /**
     * Streams fresh copies of the resources in apply order.
     *
     * @return the stream
     */
    public Stream<HasMetadata> stream() {
        return entries.stream().map(Entry::decode);
    }

    /**
     * Iterates over fresh copies of the resources in apply order; {@code remove()} is not supported.
     *
     * @return the iterator
     */
    @Override
    public Iterator<HasMetadata> iterator() {
        return stream().iterator();
    }

    /**
     * Tells whether the set holds a resource of this kind, namespace and name.
     *
     * @param ref the reference; must not be {@code null}
     * @return {@code true} if present
     */
    public boolean contains(ResourceRef ref) {
        if (ref == null) {
            throw new IllegalArgumentException("ref must not be null");
        }
        return entries.stream().anyMatch(e -> e.ref.equals(ref));
    }

    /**
     * Finds a resource by kind, namespace and name.
     *
     * @param ref the reference; must not be {@code null}
     * @return a fresh copy of the first resource in apply order that matches, or empty
     */
    public Optional<HasMetadata> find(ResourceRef ref) {
        if (ref == null) {
            throw new IllegalArgumentException("ref must not be null");
        }
        return entries.stream().filter(e -> e.ref.equals(ref)).findFirst().map(Entry::decode);
    }

    /**
     * Finds a resource by kind, namespace and name.
     *
     * <pre>{@code
     * Optional<HasMetadata> web = set.find("Deployment", "shop", "web");
     * }</pre>
     *
     * @param kind      the kind, e.g. {@code Deployment}; must not be blank
     * @param namespace the namespace, {@code null} for a cluster-scoped resource
     * @param name      the name; must not be {@code null}
     * @return a fresh copy of the resource, or empty
     */
    public Optional<HasMetadata> find(String kind, String namespace, String name) {
        return find(ResourceRef.of(kind, namespace, name));
    }

    /**
     * Finds a resource of a model class by namespace and name.
     *
     * <pre>{@code
     * Deployment web = set.find(Deployment.class, "shop", "web").orElseThrow();
     * }</pre>
     *
     * @param type      the fabric8 model class; must not be {@code null}
     * @param namespace the namespace, {@code null} for a cluster-scoped resource
     * @param name      the name; must not be {@code null}
     * @param <T>       the model type
     * @return a fresh copy of the resource, or empty
     */
    public <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        return entries.stream()
                .filter(e -> type.isAssignableFrom(e.type) && name.equals(e.ref.name())
                        && Objects.equals(emptyToNull(namespace), emptyToNull(e.ref.namespace())))
                .findFirst()
                .map(e -> type.cast(e.decode()));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * Returns the warnings found while reading this set from YAML (a kind Kubefluent does not know, YAML 1.1 traps),
     * each with the document, line and field path in its message. Empty for a set built in code. The validator's
     * {@link Validator#validate(ManifestSet)} includes them in its report.
     *
     * @return the warnings, severity {@link dev.kubefluent.core.validate.Severity#WARNING}, source
     *         {@link dev.kubefluent.core.validate.RuleSource#KUBEFLUENT}
     */
    public List<Violation> sourceFindings() {
        return sourceFindings;
    }

    // ---------------------------------------------------------------- validation

    /**
     * Validates the set with {@link Validator#defaults()} and throws if it has errors. The report includes the
     * warnings found while reading the set from YAML ({@link #sourceFindings()}).
     *
     * @return the report, which may hold warnings
     * @throws ManifestValidationException listing every error at once
     */
    public ValidationReport validate() {
        ValidationReport report = validationReport();
        report.throwIfErrors();
        return report;
    }

    /**
     * Validates the set with {@link Validator#defaults()} and returns the report, errors included, without
     * throwing. The report includes the warnings found while reading the set from YAML ({@link #sourceFindings()}).
     *
     * @return the report
     */
    public ValidationReport validationReport() {
        return Validator.defaults().validate(this);
    }

    private List<HasMetadata> views() {
        List<HasMetadata> result = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            result.add(e.view());
        }
        return result;
    }

    // ---------------------------------------------------------------- rendering

    /**
     * Renders the set as multi-document YAML after validating it with {@link Validator#defaults()}.
     *
     * <p>The output is deterministic (the same set gives the same bytes): documents in apply order, each preceded by
     * {@code ---}; keys {@code apiVersion, kind, metadata, spec}, the others alphabetically, {@code status} last; in
     * metadata {@code name, namespace, labels, annotations} first; in list items {@code name} first; maps sorted;
     * nulls, empty lists and an empty status omitted; strings quoted exactly when a YAML 1.1 reader such as kubectl
     * would read something else ({@code "yes"}, {@code "0755"}, {@code "1e3"}); a newline at the end. An empty set
     * gives an empty string.
     *
     * @return the YAML text
     * @throws ManifestValidationException if the set has validation errors; use
     *                                     {@link #toYaml(RenderOptions) toYaml(RenderOptions.withoutValidation())}
     *                                     to write it anyway
     */
    public String toYaml() {
        return toYaml(RenderOptions.defaults());
    }

    /**
     * Renders the set as multi-document YAML, validating it as the options say.
     *
     * @param options how to validate first; must not be {@code null}
     * @return the YAML text
     * @throws ManifestValidationException if the options validate and the set has errors
     */
    public String toYaml(RenderOptions options) {
        checkBeforeRendering(options);
        return YamlEmitter.write(trees());
    }

    /**
     * Renders the set as pretty-printed JSON, after validating it with {@link Validator#defaults()}: a {@code v1}
     * {@code List} whose {@code items} are the resources in apply order, keys as in {@link #toYaml()}, a newline at
     * the end. {@code kubectl apply -f} and {@link #parseYaml(String)} both accept it.
     *
     * @return the JSON text
     * @throws ManifestValidationException if the set has validation errors
     */
    public String toJson() {
        return toJson(RenderOptions.defaults());
    }

    /**
     * Renders the set as pretty-printed JSON (see {@link #toJson()}), validating it as the options say.
     *
     * @param options how to validate first; must not be {@code null}
     * @return the JSON text
     * @throws ManifestValidationException if the options validate and the set has errors
     */
    public String toJson(RenderOptions options) {
        checkBeforeRendering(options);
        return JsonEmitter.writeList(trees());
    }

    /**
     * Writes {@link #toYaml()} to a file in UTF-8, creating missing parent directories and replacing an existing
     * file.
     *
     * @param file the file; must not be {@code null}
     * @throws ManifestValidationException if the set has validation errors; nothing is written then
     * @throws UncheckedIOException        if the file cannot be written
     */
    public void writeYaml(Path file) {
        writeYaml(file, RenderOptions.defaults());
    }

    /**
     * Writes {@link #toYaml(RenderOptions)} to a file in UTF-8, creating missing parent directories and replacing an
     * existing file.
     *
     * @param file    the file; must not be {@code null}
     * @param options how to validate first; must not be {@code null}
     * @throws ManifestValidationException if the options validate and the set has errors; nothing is written then
     * @throws UncheckedIOException        if the file cannot be written
     */
    public void writeYaml(Path file, RenderOptions options) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        String yaml = toYaml(options);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write manifests to " + file + ": " + e.getMessage(), e);
        }
    }

    private void checkBeforeRendering(RenderOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        Optional<Validator> validator = options.validator();
        if (validator.isPresent()) {
            validator.get().validate(this).throwIfErrors();
        }
    }

    private List<Map<String, Object>> trees() {
        List<Map<String, Object>> trees = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            trees.add(e.tree);
        }
        return trees;
    }

    // ---------------------------------------------------------------- Object

    /**
     * Two sets are equal when they hold the same resources, that is when they render the same bytes. Warnings from
     * reading YAML do not count.
     *
     * @param o the other object
     * @return {@code true} if equal
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ManifestSet other) || other.entries.size() != entries.size()) {
            return false;
        }
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).tree.equals(other.entries.get(i).tree)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 1;
            for (Entry e : entries) {
                h = 31 * h + e.tree.hashCode();
            }
            hash = h;
        }
        return h;
    }

    /**
     * Lists the kinds and names, never any data: {@code ManifestSet[2 resources: Service shop/web, Deployment shop/web]}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return entries.stream().map(e -> e.ref.kind() + " " + e.ref.qualifiedName())
                .collect(Collectors.joining(", ", "ManifestSet[" + entries.size()
                        + (entries.size() == 1 ? " resource" : " resources") + (entries.isEmpty() ? "" : ": "), "]"));
    }
}
