package dev.kubefluent.testing.internal.server;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource the simulated API server serves: where it lives in the URL space, its kind, scope, subresources and
 * whether writes track {@code metadata.generation}.
 */
public record ResourceType(String group, String version, String plural, String kind, boolean namespaced,
        boolean statusSubresource, boolean scaleSubresource, boolean tracksGeneration,
        Class<? extends HasMetadata> modelClass) {

    private static final List<ResourceType> ALL = List.of(
            t("", "v1", "pods", "Pod", true, true, false, false, Pod.class),
            t("", "v1", "services", "Service", true, true, false, false, Service.class),
            t("", "v1", "configmaps", "ConfigMap", true, false, false, false, ConfigMap.class),
            t("", "v1", "secrets", "Secret", true, false, false, false, Secret.class),
            t("", "v1", "namespaces", "Namespace", false, true, false, false, Namespace.class),
            t("", "v1", "nodes", "Node", false, true, false, false, Node.class),
            t("", "v1", "serviceaccounts", "ServiceAccount", true, false, false, false, ServiceAccount.class),
            t("", "v1", "endpoints", "Endpoints", true, false, false, false, Endpoints.class),
            t("", "v1", "events", "Event", true, false, false, false, Event.class),
            t("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, true, false, false,
                    PersistentVolumeClaim.class),
            t("", "v1", "persistentvolumes", "PersistentVolume", false, true, false, false, PersistentVolume.class),
            t("", "v1", "replicationcontrollers", "ReplicationController", true, true, true, true,
                    ReplicationController.class),
            t("", "v1", "resourcequotas", "ResourceQuota", true, true, false, false, ResourceQuota.class),
            t("", "v1", "limitranges", "LimitRange", true, false, false, false, LimitRange.class),
            t("apps", "v1", "deployments", "Deployment", true, true, true, true, Deployment.class),
            t("apps", "v1", "replicasets", "ReplicaSet", true, true, true, true, ReplicaSet.class),
            t("apps", "v1", "statefulsets", "StatefulSet", true, true, true, true, StatefulSet.class),
            t("apps", "v1", "daemonsets", "DaemonSet", true, true, false, true, DaemonSet.class),
            t("apps", "v1", "controllerrevisions", "ControllerRevision", true, false, false, false,
                    ControllerRevision.class),
            t("batch", "v1", "jobs", "Job", true, true, false, true, Job.class),
            t("batch", "v1", "cronjobs", "CronJob", true, true, false, true, CronJob.class),
            t("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, true, false, true,
                    HorizontalPodAutoscaler.class),
            t("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, true, false, true,
                    PodDisruptionBudget.class),
            t("networking.k8s.io", "v1", "ingresses", "Ingress", true, true, false, true, Ingress.class),
            t("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, false, false, true,
                    NetworkPolicy.class),
            t("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true, false, false, false,
                    EndpointSlice.class),
            t("coordination.k8s.io", "v1", "leases", "Lease", true, false, false, false, Lease.class),
            t("rbac.authorization.k8s.io", "v1", "roles", "Role", true, false, false, false, Role.class),
            t("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, false, false, false,
                    RoleBinding.class),
            t("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, false, false, false,
                    ClusterRole.class),
            t("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, false, false,
                    false, ClusterRoleBinding.class));

    private static final Map<String, ResourceType> BY_PATH = new LinkedHashMap<>();
    private static final Map<Class<?>, ResourceType> BY_CLASS = new LinkedHashMap<>();

    static {
        for (ResourceType t : ALL) {
            BY_PATH.put(t.apiVersion() + "/" + t.plural(), t);
            BY_CLASS.put(t.modelClass(), t);
        }
    }

    private static ResourceType t(String group, String version, String plural, String kind, boolean namespaced,
            boolean status, boolean scale, boolean generation, Class<? extends HasMetadata> model) {
        return new ResourceType(group, version, plural, kind, namespaced, status, scale, generation, model);
    }

    public static List<ResourceType> all() {
        return ALL;
    }

    public static Optional<ResourceType> find(String apiVersion, String plural) {
        return Optional.ofNullable(BY_PATH.get(apiVersion + "/" + plural));
    }

    public static Optional<ResourceType> forClass(Class<?> modelClass) {
        return Optional.ofNullable(BY_CLASS.get(modelClass));
    }

    /** The type serving a kind in an apiVersion, e.g. {@code apps/v1} {@code Deployment}. */
    public static Optional<ResourceType> forKind(String apiVersion, String kind) {
        for (ResourceType t : ALL) {
            if (t.apiVersion().equals(apiVersion) && t.kind().equals(kind)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The plural as the API server words it in messages: {@code deployments.apps}, {@code configmaps}. */
    public String qualifiedPlural() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** The URL path of the collection or of one object. */
    public String path(String namespace, String name) {
        StringBuilder sb = new StringBuilder(group.isEmpty() ? "/api/v1" : "/apis/" + apiVersion());
        if (namespaced && namespace != null) {
            sb.append("/namespaces/").append(namespace);
        }
        sb.append('/').append(plural);
        if (name != null) {
            sb.append('/').append(name);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return qualifiedPlural();
    }
}
