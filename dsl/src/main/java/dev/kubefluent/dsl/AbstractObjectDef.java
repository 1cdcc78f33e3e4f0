package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What every DSL builder of a Kubernetes object shares: metadata setters, the escape hatch and the fixed order of
 * {@code build()}. Package-private; users only see the public subclasses, whose methods return the subclass type.
 *
 * @param <SELF> the public builder type
 * @param <R>    the fabric8 resource it builds
 * @param <B>    the fabric8 builder of the escape hatch
 */
abstract class AbstractObjectDef<SELF extends AbstractObjectDef<SELF, R, B>, R extends HasMetadata, B> {

    final String name;
    final Ops<R> ops;
    final Ops<B> hatches;

    AbstractObjectDef(String name, Ops<R> ops, Ops<B> hatches) {
        this.name = name;
        this.ops = ops;
        this.hatches = hatches;
    }

    abstract SELF with(Ops<R> ops, Ops<B> hatches);

    /** A new resource with metadata.name set and its spec objects present. */
    abstract R newDraft();

    abstract B toBuilder(R resource);

    abstract R fromBuilder(B builder);

    /** Fills what is still unset: recommended labels and the kind's own defaults. */
    abstract void applyDefaults(R resource);

    /**
     * Renders what a builder keeps as data rather than as edits (because it depends on the final namespace), right
     * after the typed setters and before the escape hatch, so {@link #customize} sees and can change it.
     */
    void afterTypedSetters(R resource) {
    }

    /** Validates the finished object; throws one exception listing every violation. */
    void validate(R resource) {
        Defaults.validate(resource);
    }

    final SELF then(Consumer<R> op) {
        return with(ops.then(op), hatches);
    }

    /**
     * Adds a label to the object's {@code metadata.labels}. It wins over the recommended labels that
     * {@code build()} adds ({@code app.kubernetes.io/name}, {@code app.kubernetes.io/managed-by}).
     *
     * @param key   a qualified name such as {@code app.kubernetes.io/part-of}; must not be {@code null}
     * @param value a label value; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF label(String key, String value) {
        Checks.labelKey(key, "label key");
        Checks.labelValue(value, "label value of " + Checks.quoted(key));
        return then(r -> Meta.labels(r.getMetadata()).put(key, value));
    }

    /**
     * Adds labels to the object's {@code metadata.labels}, as {@link #label(String, String)} does for each entry.
     *
     * @param labels the labels; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF labels(Map<String, String> labels) {
        Checks.labels(labels, "label");
        Map<String, String> copy = new LinkedHashMap<>(labels);
        return then(r -> Meta.labels(r.getMetadata()).putAll(copy));
    }

    /**
     * Adds an annotation to the object's {@code metadata.annotations}.
     *
     * @param key   a qualified name such as {@code example.com/owner}; must not be {@code null}
     * @param value any text; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF annotation(String key, String value) {
        Checks.labelKey(key, "annotation key");
        Checks.notNull(value, "annotation value of " + Checks.quoted(key));
        return then(r -> Meta.annotations(r.getMetadata()).put(key, value));
    }

    /**
     * Edits the object with fabric8's builder, for a field this DSL does not cover. The edits run in {@code build()}
     * after every typed setter and before the defaults, which only fill what is still unset, so nothing set here is
     * dropped; the result is validated like the rest.
     *
     * @param edit the edit; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF customize(Consumer<B> edit) {
        return with(ops, hatches.then(Checks.notNull(edit, "customize")));
    }

    /**
     * Builds a fresh fabric8 object: typed setters, then {@link #customize} edits, then the defaults for what is still
     * unset, then validation. Each call returns new objects, so this builder can be built again or extended.
     *
     * @return the resource
     * @throws dev.kubefluent.core.validate.ManifestValidationException listing every violation, if the object would
     *                                                                  be rejected
     */
    public final R build() {
        R r = buildUnvalidated();
        validate(r);
        return r;
    }

    /** Every step of {@link #build()} but the validation; for tests that compare the DSL with the validator. */
    final R buildUnvalidated() {
        R r = newDraft();
        ops.applyTo(r);
        afterTypedSetters(r);
        if (!hatches.isEmpty()) {
            B b = toBuilder(r);
            hatches.applyTo(b);
            r = fromBuilder(b);
        }
        applyDefaults(r);
        return r;
    }
}
