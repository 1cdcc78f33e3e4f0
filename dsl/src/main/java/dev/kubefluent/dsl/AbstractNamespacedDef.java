package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A builder of a namespaced object: adds {@code namespace(..)}, which cluster-scoped kinds (ClusterRole,
 * ClusterRoleBinding) do not offer.
 *
 * @param <SELF> the public builder type
 * @param <R>    the fabric8 resource it builds
 * @param <B>    the fabric8 builder of the escape hatch
 */
abstract class AbstractNamespacedDef<SELF extends AbstractNamespacedDef<SELF, R, B>, R extends HasMetadata, B>
        extends AbstractObjectDef<SELF, R, B> {

    AbstractNamespacedDef(String name, Ops<R> ops, Ops<B> hatches) {
        super(name, ops, hatches);
    }

    /**
     * Sets {@code metadata.namespace} (default: the namespace of the kubectl context or client applying it).
     *
     * @param namespace a DNS-1123 label such as {@code shop}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF namespace(String namespace) {
        Checks.dns1123Label(namespace, "namespace");
        return then(r -> r.getMetadata().setNamespace(namespace));
    }

}
