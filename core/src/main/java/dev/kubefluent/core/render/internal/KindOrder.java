package dev.kubefluent.core.render.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm v3's install order of kinds ({@code pkg/releaseutil/kind_sorter.go}, {@code InstallOrder}): the order in
 * which manifests are applied so that what a resource needs exists before it.
 *
 * <p>Not API.
 */
public final class KindOrder {

    /** Helm v3's {@code InstallOrder}, verbatim. */
    public static final List<String> INSTALL_ORDER = List.of(
            "PriorityClass",
            "Namespace",
            "NetworkPolicy",
            "ResourceQuota",
            "LimitRange",
            "PodSecurityPolicy",
            "PodDisruptionBudget",
            "ServiceAccount",
            "Secret",
            "SecretList",
            "ConfigMap",
            "StorageClass",
            "PersistentVolume",
            "PersistentVolumeClaim",
            "CustomResourceDefinition",
            "ClusterRole",
            "ClusterRoleList",
            "ClusterRoleBinding",
            "ClusterRoleBindingList",
            "Role",
            "RoleList",
            "RoleBinding",
            "RoleBindingList",
            "Service",
            "DaemonSet",
            "Pod",
            "ReplicationController",
            "ReplicaSet",
            "Deployment",
            "HorizontalPodAutoscaler",
            "StatefulSet",
            "Job",
            "CronJob",
            "IngressClass",
            "Ingress",
            "APIService",
            "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration");

    private static final Map<String, Integer> RANK = new HashMap<>();

    static {
        for (int i = 0; i < INSTALL_ORDER.size(); i++) {
            RANK.put(INSTALL_ORDER.get(i), i);
        }
    }

    private KindOrder() {
    }

    /**
     * Returns the position of a kind in Helm's install order; kinds Helm does not list share the last position
     * (they are then ordered alphabetically by kind).
     *
     * @param kind the kind
     * @return the rank, lower is applied first
     */
    public static int rank(String kind) {
        return RANK.getOrDefault(kind, INSTALL_ORDER.size());
    }
}
