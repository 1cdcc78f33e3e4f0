package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.Subject;

/** RBAC subjects. */
final class Subjects {

    private Subjects() {
        throw new UnsupportedOperationException("no instances");
    }

    static Subject serviceAccount(ServiceAccount sa, boolean namespaceRequired) {
        String name = Refs.name(sa, "serviceAccount");
        String namespace = sa.getMetadata().getNamespace();
        if (namespaceRequired && namespace == null) {
            throw new IllegalArgumentException("serviceAccount must have metadata.namespace in a ClusterRoleBinding"
                    + " but was: ServiceAccount " + Checks.quoted(name) + " without a namespace");
        }
        return new Subject(null, "ServiceAccount", name, namespace);
    }

    static Subject named(String kind, String name) {
        return new Subject("rbac.authorization.k8s.io", kind, Checks.notBlank(name, kind.toLowerCase()), null);
    }

    static Subject copy(Subject s) {
        return new Subject(s.getApiGroup(), s.getKind(), s.getName(), s.getNamespace());
    }
}
