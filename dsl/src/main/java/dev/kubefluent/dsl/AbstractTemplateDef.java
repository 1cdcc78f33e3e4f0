package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A workload that creates Pods from a Pod template: Pod-template labels and annotations on top of the Pod settings.
 *
 * @param <SELF> the public builder type
 * @param <R>    the fabric8 resource it builds
 * @param <B>    the fabric8 builder of the escape hatch
 */
abstract class AbstractTemplateDef<SELF extends AbstractTemplateDef<SELF, R, B>, R extends HasMetadata, B>
        extends AbstractPodDef<SELF, R, B> {

    AbstractTemplateDef(String name, Ops<R> ops, Ops<B> hatches, SecurityProfile profile) {
        super(name, ops, hatches, profile);
    }

    /**
     * Adds a label to the Pod template ({@code spec.template.metadata.labels}) only, e.g. a version label. It is not
     * part of the selector.
     *
     * @param key   a qualified name; must not be {@code null}
     * @param value a label value; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF podLabel(String key, String value) {
        Checks.labelKey(key, "pod label key");
        Checks.labelValue(value, "pod label value of " + Checks.quoted(key));
        return then(r -> Meta.labels(podMeta(r)).put(key, value));
    }

    /**
     * Adds an annotation to the Pod template ({@code spec.template.metadata.annotations}); changing it rolls the
     * Pods.
     *
     * @param key   a qualified name; must not be {@code null}
     * @param value any text; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF podAnnotation(String key, String value) {
        Checks.labelKey(key, "pod annotation key");
        Checks.notNull(value, "pod annotation value of " + Checks.quoted(key));
        return then(r -> Meta.annotations(podMeta(r)).put(key, value));
    }
}
