package dev.kubefluent.core;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * Identifies one Kubernetes object: its kind, namespace and name.
 *
 * <p>{@link #toString()} gives the house form used at the start of every message, {@code Deployment "web"};
 * {@link #qualifiedName()} adds the namespace, {@code shop/web}.
 *
 * @param kind      the object's kind, e.g. {@code Deployment}; never {@code null}
 * @param namespace the namespace, or {@code null} for a cluster-scoped object or one whose namespace is not set
 * @param name      the object's name; may be {@code null} for an object that only has a {@code generateName}
 * @since 0.1.0
 */
public record ResourceRef(String kind, String namespace, String name) {

    /**
     * Creates a reference, checking that a kind is given.
     *
     * @throws IllegalArgumentException if {@code kind} is {@code null} or blank
     */
    public ResourceRef {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind must not be blank but was: " + (kind == null ? "null" : "\"" + kind + "\""));
        }
    }

    /**
     * Creates a reference to a namespaced object.
     *
     * @param kind      the kind, e.g. {@code Deployment}; must not be blank
     * @param namespace the namespace, may be {@code null}
     * @param name      the name
     * @return the reference
     */
    public static ResourceRef of(String kind, String namespace, String name) {
        return new ResourceRef(kind, namespace, name);
    }

    /**
     * Creates a reference to the given object.
     *
     * @param resource a fabric8 model object; must not be {@code null}
     * @return its kind, namespace and name
     * @throws IllegalArgumentException if {@code resource} is {@code null} or has no kind
     */
    public static ResourceRef of(HasMetadata resource) {
        if (resource == null) {
            throw new IllegalArgumentException("resource must not be null");
        }
        String kind = resource.getKind();
        if (kind == null || kind.isBlank()) {
            kind = resource.getClass().getSimpleName();
        }
        var meta = resource.getMetadata();
        return new ResourceRef(kind, meta == null ? null : meta.getNamespace(), meta == null ? null : meta.getName());
    }

    /**
     * Returns {@code namespace/name}, or just the name for an object without a namespace.
     *
     * @return the name qualified by its namespace
     */
    public String qualifiedName() {
        String shown = Objects.requireNonNullElse(name, "<unnamed>");
        return namespace == null || namespace.isEmpty() ? shown : namespace + "/" + shown;
    }

    /**
     * Returns the house form that starts every message about this object: {@code Deployment "web"}.
     *
     * @return the kind and the quoted name
     */
    @Override
    public String toString() {
        return kind + " \"" + Objects.requireNonNullElse(name, "<unnamed>") + "\"";
    }
}
