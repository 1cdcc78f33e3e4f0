package dev.kubefluent.core.validate;

import java.util.HashMap;
import java.util.Map;

/** apiVersions that Kubernetes stopped serving, per kind, with the version that removed them and the replacement. */
final class RemovedApis {

    record Removal(KubeVersion removedIn, String replacement) {
    }

    private static final Map<String, Removal> REMOVED = new HashMap<>();

    static {
        for (String kind : new String[] {"Deployment", "DaemonSet", "ReplicaSet"}) {
            put("extensions/v1beta1", kind, 16, "apps/v1");
            put("apps/v1beta2", kind, 16, "apps/v1");
        }
        put("apps/v1beta1", "Deployment", 16, "apps/v1");
        put("apps/v1beta1", "StatefulSet", 16, "apps/v1");
        put("apps/v1beta2", "StatefulSet", 16, "apps/v1");
        put("extensions/v1beta1", "NetworkPolicy", 16, "networking.k8s.io/v1");
        put("extensions/v1beta1", "PodSecurityPolicy", 16, "policy/v1beta1 (itself removed in 1.25)");
        put("extensions/v1beta1", "Ingress", 22, "networking.k8s.io/v1");
        put("networking.k8s.io/v1beta1", "Ingress", 22, "networking.k8s.io/v1");
        put("networking.k8s.io/v1beta1", "IngressClass", 22, "networking.k8s.io/v1");
        for (String kind : new String[] {"Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding"}) {
            put("rbac.authorization.k8s.io/v1beta1", kind, 22, "rbac.authorization.k8s.io/v1");
            put("rbac.authorization.k8s.io/v1alpha1", kind, 22, "rbac.authorization.k8s.io/v1");
        }
        put("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", 22, "apiextensions.k8s.io/v1");
        put("apiregistration.k8s.io/v1beta1", "APIService", 22, "apiregistration.k8s.io/v1");
        put("admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", 22,
                "admissionregistration.k8s.io/v1");
        put("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", 22,
                "admissionregistration.k8s.io/v1");
        put("certificates.k8s.io/v1beta1", "CertificateSigningRequest", 22, "certificates.k8s.io/v1");
        put("coordination.k8s.io/v1beta1", "Lease", 22, "coordination.k8s.io/v1");
        put("scheduling.k8s.io/v1beta1", "PriorityClass", 22, "scheduling.k8s.io/v1");
        for (String kind : new String[] {"StorageClass", "VolumeAttachment", "CSIDriver", "CSINode"}) {
            put("storage.k8s.io/v1beta1", kind, 22, "storage.k8s.io/v1");
        }
        put("batch/v1beta1", "CronJob", 25, "batch/v1");
        put("policy/v1beta1", "PodDisruptionBudget", 25, "policy/v1");
        put("policy/v1beta1", "PodSecurityPolicy", 25, "Pod Security admission");
        put("autoscaling/v2beta1", "HorizontalPodAutoscaler", 25, "autoscaling/v2");
        put("autoscaling/v2beta2", "HorizontalPodAutoscaler", 26, "autoscaling/v2");
        put("discovery.k8s.io/v1beta1", "EndpointSlice", 25, "discovery.k8s.io/v1");
        put("events.k8s.io/v1beta1", "Event", 25, "events.k8s.io/v1");
        put("node.k8s.io/v1beta1", "RuntimeClass", 25, "node.k8s.io/v1");
        put("storage.k8s.io/v1beta1", "CSIStorageCapacity", 27, "storage.k8s.io/v1");
        for (String kind : new String[] {"FlowSchema", "PriorityLevelConfiguration"}) {
            put("flowcontrol.apiserver.k8s.io/v1beta1", kind, 26, "flowcontrol.apiserver.k8s.io/v1");
            put("flowcontrol.apiserver.k8s.io/v1beta2", kind, 29, "flowcontrol.apiserver.k8s.io/v1");
            put("flowcontrol.apiserver.k8s.io/v1beta3", kind, 32, "flowcontrol.apiserver.k8s.io/v1");
        }
    }

    private RemovedApis() {
    }

    private static void put(String apiVersion, String kind, int minor, String replacement) {
        REMOVED.put(apiVersion + "|" + kind, new Removal(KubeVersion.of(1, minor), replacement));
    }

    /** The removal of this apiVersion and kind, or {@code null} when it is served (or unknown). */
    static Removal lookup(String apiVersion, String kind) {
        if (apiVersion == null || kind == null) {
            return null;
        }
        return REMOVED.get(apiVersion + "|" + kind);
    }

    /** Reports a removed apiVersion; returns {@code true} if the object uses one for the target version. */
    static boolean check(Findings f, String apiVersion, String kind) {
        Removal r = lookup(apiVersion, kind);
        if (r == null || !f.version().isAtLeast(r.removedIn())) {
            return false;
        }
        f.addAt(Rule.API_VERSION_REMOVED, "apiVersion",
                "is no longer served for " + kind + " since Kubernetes " + r.removedIn() + "; use " + r.replacement(),
                Findings.show(apiVersion), r.removedIn());
        return true;
    }
}
