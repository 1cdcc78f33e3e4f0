package dev.kubefluent.core.validate;

import static dev.kubefluent.core.validate.Util.isBlank;
import static dev.kubefluent.core.validate.Util.isTrue;
import static dev.kubefluent.core.validate.Util.list;
import static dev.kubefluent.core.validate.Util.map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The API server's rules on UPDATE: the fields an update may not change ({@code ValidateXxxUpdate} in
 * {@code pkg/apis/{core,apps,batch,rbac}/validation}, plus the Service and PersistentVolumeClaim strategies).
 *
 * <p>Fields are compared the way {@code apiequality.Semantic.DeepEqual} compares them: an empty list or map equals an
 * absent one. A field the update leaves unset where the API server keeps the live value (a Service's
 * {@code clusterIP}, a workload's defaulted fields) is not a change. A violation names the immutable field as the API
 * server does ({@code spec.template}) and shows the first value inside it that differs, before and after; values of a
 * Secret are never shown.
 */
final class UpdateRules {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final int MAX_SHOWN = 120;

    private UpdateRules() {
    }

    static void check(Findings f, HasMetadata live, HasMetadata updated) {
        metadata(f, live.getMetadata(), updated.getMetadata());
        if (updated instanceof Deployment d && live instanceof Deployment old) {
            selector(f, old.getSpec() == null ? null : old.getSpec().getSelector(),
                    d.getSpec() == null ? null : d.getSpec().getSelector());
        } else if (updated instanceof ReplicaSet rs && live instanceof ReplicaSet old) {
            selector(f, old.getSpec() == null ? null : old.getSpec().getSelector(),
                    rs.getSpec() == null ? null : rs.getSpec().getSelector());
        } else if (updated instanceof DaemonSet ds && live instanceof DaemonSet old) {
            selector(f, old.getSpec() == null ? null : old.getSpec().getSelector(),
                    ds.getSpec() == null ? null : ds.getSpec().getSelector());
        } else if (updated instanceof StatefulSet sts && live instanceof StatefulSet old) {
            statefulSet(f, spec(old.getSpec(), StatefulSetSpec::new), spec(sts.getSpec(), StatefulSetSpec::new));
        } else if (updated instanceof Job job && live instanceof Job old) {
            job(f, old, job);
        } else if (updated instanceof Service svc && live instanceof Service old) {
            service(f, spec(old.getSpec(), ServiceSpec::new), spec(svc.getSpec(), ServiceSpec::new));
        } else if (updated instanceof ConfigMap cm && live instanceof ConfigMap old) {
            configMap(f, old, cm);
        } else if (updated instanceof Secret s && live instanceof Secret old) {
            secret(f, old, s);
        } else if (updated instanceof PersistentVolumeClaim pvc && live instanceof PersistentVolumeClaim old) {
            pvc(f, old, pvc);
        } else if (updated instanceof RoleBinding rb && live instanceof RoleBinding old) {
            changed(f, Rule.ROLE_REF_IMMUTABLE, "roleRef", old.getRoleRef(), rb.getRoleRef());
        } else if (updated instanceof ClusterRoleBinding crb && live instanceof ClusterRoleBinding old) {
            changed(f, Rule.ROLE_REF_IMMUTABLE, "roleRef", old.getRoleRef(), crb.getRoleRef());
        }
    }

    private static <T> T spec(T spec, java.util.function.Supplier<T> empty) {
        return spec == null ? empty.get() : spec;
    }

    // ---------------------------------------------------------------- metadata, selectors

    /** {@code ValidateObjectMetaUpdate}: name and namespace never change; nor does the uid once both sides have one. */
    private static void metadata(Findings f, ObjectMeta old, ObjectMeta meta) {
        ObjectMeta o = old == null ? new ObjectMeta() : old;
        ObjectMeta n = meta == null ? new ObjectMeta() : meta;
        if (!isBlank(o.getName()) && !isBlank(n.getName())) {
            changed(f, Rule.METADATA_IMMUTABLE, "metadata.name", o.getName(), n.getName());
        }
        // An update without a namespace is sent to the live object's namespace.
        if (!isBlank(n.getNamespace())) {
            changed(f, Rule.METADATA_IMMUTABLE, "metadata.namespace", o.getNamespace(), n.getNamespace());
        }
        if (!isBlank(o.getUid()) && !isBlank(n.getUid())) {
            changed(f, Rule.METADATA_IMMUTABLE, "metadata.uid", o.getUid(), n.getUid());
        }
    }

    private static void selector(Findings f, LabelSelector old, LabelSelector updated) {
        changed(f, Rule.SELECTOR_IMMUTABLE, "spec.selector", old, updated);
    }

    // ---------------------------------------------------------------- StatefulSet, Job

    /**
     * {@code ValidateStatefulSetUpdate}: everything but replicas, ordinals, template, updateStrategy,
     * persistentVolumeClaimRetentionPolicy and minReadySeconds is fixed. The selector is reported by its own rule, as
     * for the other workloads; fields the update leaves unset are defaulted as the API server defaults them.
     */
    private static void statefulSet(Findings f, StatefulSetSpec old, StatefulSetSpec spec) {
        selector(f, old.getSelector(), spec.getSelector());
        changed(f, Rule.STATEFULSET_SPEC_IMMUTABLE, "spec.serviceName", blankToNull(old.getServiceName()),
                blankToNull(spec.getServiceName()));
        changed(f, Rule.STATEFULSET_SPEC_IMMUTABLE, "spec.podManagementPolicy",
                orDefault(old.getPodManagementPolicy(), "OrderedReady"),
                orDefault(spec.getPodManagementPolicy(), "OrderedReady"));
        changed(f, Rule.STATEFULSET_SPEC_IMMUTABLE, "spec.revisionHistoryLimit",
                orDefault(old.getRevisionHistoryLimit(), 10), orDefault(spec.getRevisionHistoryLimit(), 10));
        changed(f, Rule.STATEFULSET_SPEC_IMMUTABLE, "spec.volumeClaimTemplates",
                claimTemplates(old.getVolumeClaimTemplates()), claimTemplates(spec.getVolumeClaimTemplates()));
    }

    /** Volume claim templates without what the API server adds to them: status and the default volumeMode. */
    private static Object claimTemplates(List<PersistentVolumeClaim> templates) {
        List<Object> out = new ArrayList<>();
        for (PersistentVolumeClaim t : list(templates)) {
            Map<String, Object> tree = tree(t);
            if (tree == null) {
                continue;
            }
            tree.remove("status");
            tree.remove("apiVersion");
            tree.remove("kind");
            Object spec = tree.get("spec");
            if (spec instanceof Map<?, ?> m && "Filesystem".equals(m.get("volumeMode"))) {
                m.remove("volumeMode");
            }
            out.add(tree);
        }
        return out;
    }

    /**
     * {@code ValidateJobSpecUpdate}: selector, template, completionMode, podFailurePolicy, backoffLimitPerIndex,
     * managedBy and successPolicy are fixed; completions too, except for an Indexed Job that changes it together with
     * parallelism. A suspended Job that has not started may change its template's scheduling directives (node
     * affinity, nodeSelector, tolerations, labels, annotations, schedulingGates).
     */
    private static void job(Findings f, Job live, Job job) {
        JobSpec old = spec(live.getSpec(), JobSpec::new);
        JobSpec spec = spec(job.getSpec(), JobSpec::new);
        changed(f, Rule.JOB_SPEC_IMMUTABLE, "spec.selector", old.getSelector(), spec.getSelector());
        boolean indexed = "Indexed".equals(spec.getCompletionMode());
        if (!indexed) {
            changed(f, Rule.JOB_SPEC_IMMUTABLE, "spec.completions", old.getCompletions(), spec.getCompletions());
        } else if (spec.getCompletions() != null && !spec.getCompletions().equals(old.getCompletions())
                && !spec.getCompletions().equals(spec.getParallelism())) {
            f.add(Rule.JOB_SPEC_IMMUTABLE, "spec.completions",
                    "of an Indexed Job may only change together with spec.parallelism (" + spec.getParallelism()
                            + ")", spec.getCompletions());
        }
        boolean schedulingMutable = isTrue(spec.getSuspend())
                && (live.getStatus() == null || live.getStatus().getStartTime() == null);
        changed(f, Rule.JOB_SPEC_IMMUTABLE, "spec.template", template(old.getTemplate(), schedulingMutable),
                template(spec.getTemplate(), schedulingMutable));
        changed(f, Rule.JOB_SPEC_IMMUTABLE, "spec.completionMode", orDefault(old.getCompletionMode(), "NonIndexed"),
                orDefault(spec.getCompletionMode(), "NonIndexed"));
        changed(f, Rule.JOB_SPEC_IMMUTABLE, "spec.podFailurePolicy", old.getPodFailurePolicy(),
                spec.getPodFailurePolicy());
        changed(f, Rule.JOB_SPEC_IMMUTABLE, "spec.backoffLimitPerIndex", old.getBackoffLimitPerIndex(),
                spec.getBackoffLimitPerIndex());
        changed(f, Rule.JOB_SPEC_IMMUTABLE, "spec.managedBy", old.getManagedBy(), spec.getManagedBy());
        changed(f, Rule.JOB_SPEC_IMMUTABLE, "spec.successPolicy", old.getSuccessPolicy(), spec.getSuccessPolicy());
    }

    /**
     * A Job template as a tree; when scheduling directives may change they are left out of the comparison, as
     * {@code validatePodTemplateUpdate} copies them from the new template onto the old one.
     */
    private static Object template(PodTemplateSpec template, boolean schedulingMutable) {
        Map<String, Object> tree = tree(template);
        if (!schedulingMutable || tree == null) {
            return tree;
        }
        Map<String, Object> meta = child(tree, "metadata");
        meta.remove("labels");
        meta.remove("annotations");
        Map<String, Object> spec = child(tree, "spec");
        spec.remove("nodeSelector");
        spec.remove("tolerations");
        spec.remove("schedulingGates");
        Map<String, Object> affinity = child(spec, "affinity");
        affinity.remove("nodeAffinity");
        return tree;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> tree, String key) {
        Object v = tree.get(key);
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        tree.put(key, created);
        return created;
    }

    // ---------------------------------------------------------------- Service

    /**
     * {@code ValidateServiceUpdate}: the primary cluster IP and IP family never change, a secondary one may only be
     * added, or removed with {@code ipFamilyPolicy: SingleStack}; none of this applies to or from ExternalName, and
     * a headless Service may change its families. A cluster IP the update leaves unset keeps its live value, as the
     * Service registry does before validating. A LoadBalancer keeps its loadBalancerClass.
     */
    private static void service(Findings f, ServiceSpec old, ServiceSpec spec) {
        if ("ExternalName".equals(old.getType()) || "ExternalName".equals(spec.getType())) {
            return;
        }
        List<String> oldIps = clusterIps(old);
        List<String> newIps = isBlank(spec.getClusterIP()) && list(spec.getClusterIPs()).isEmpty() ? oldIps
                : clusterIps(spec);
        boolean oldHeadless = oldIps.size() == 1 && "None".equals(oldIps.get(0));
        boolean newHeadless = newIps.size() == 1 && "None".equals(newIps.get(0));
        if (!(oldHeadless && newHeadless)) {
            if (!oldIps.isEmpty() && !newIps.isEmpty() && !oldIps.get(0).equals(newIps.get(0))) {
                String path = isBlank(spec.getClusterIP()) ? "spec.clusterIPs[0]" : "spec.clusterIP";
                changed(f, Rule.SERVICE_CLUSTER_IP_IMMUTABLE, path, oldIps.get(0), newIps.get(0));
            } else if (oldIps.size() == newIps.size()) {
                for (int i = 1; i < oldIps.size(); i++) {
                    changed(f, Rule.SERVICE_CLUSTER_IP_IMMUTABLE, "spec.clusterIPs[" + i + "]", oldIps.get(i),
                            newIps.get(i));
                }
            } else if (oldIps.size() > newIps.size() && newIps.size() == 1
                    && !"SingleStack".equals(spec.getIpFamilyPolicy())) {
                f.add(Rule.SERVICE_CLUSTER_IP_IMMUTABLE, "spec.clusterIPs",
                        "may only release the secondary cluster IP with ipFamilyPolicy SingleStack", newIps);
            }
        }
        if (oldHeadless == newHeadless && !newHeadless) {
            ipFamilies(f, list(old.getIpFamilies()), list(spec.getIpFamilies()), spec.getIpFamilyPolicy());
        }
        if ("LoadBalancer".equals(old.getType()) && "LoadBalancer".equals(spec.getType())) {
            changed(f, Rule.SERVICE_LOAD_BALANCER_CLASS_IMMUTABLE, "spec.loadBalancerClass",
                    old.getLoadBalancerClass(), spec.getLoadBalancerClass());
        }
    }

    private static List<String> clusterIps(ServiceSpec s) {
        List<String> ips = list(s.getClusterIPs());
        if (!ips.isEmpty()) {
            return ips;
        }
        return isBlank(s.getClusterIP()) ? List.of() : List.of(s.getClusterIP());
    }

    private static void ipFamilies(Findings f, List<String> old, List<String> families, String policy) {
        if (old.isEmpty() || families.isEmpty()) {
            return;
        }
        if (!old.get(0).equals(families.get(0))) {
            changed(f, Rule.SERVICE_IP_FAMILIES_IMMUTABLE, "spec.ipFamilies[0]", old.get(0), families.get(0));
        } else if (old.size() == families.size() && old.size() > 1) {
            changed(f, Rule.SERVICE_IP_FAMILIES_IMMUTABLE, "spec.ipFamilies[1]", old.get(1), families.get(1));
        } else if (old.size() > families.size() && !"SingleStack".equals(policy)) {
            f.add(Rule.SERVICE_IP_FAMILIES_IMMUTABLE, "spec.ipFamilies",
                    "may only release the secondary IP family with ipFamilyPolicy SingleStack", families);
        }
    }

    // ---------------------------------------------------------------- ConfigMap, Secret

    /** {@code ValidateConfigMapUpdate}: once {@code immutable: true}, data, binaryData and the flag itself are fixed. */
    private static void configMap(Findings f, ConfigMap old, ConfigMap cm) {
        if (!isTrue(old.getImmutable())) {
            return;
        }
        if (!isTrue(cm.getImmutable())) {
            f.add(Rule.CONFIGMAP_IMMUTABLE, "immutable", "may not be unset once true", cm.getImmutable());
        }
        changed(f, Rule.CONFIGMAP_IMMUTABLE, "data", old.getData(), cm.getData());
        changed(f, Rule.CONFIGMAP_IMMUTABLE, "binaryData", old.getBinaryData(), cm.getBinaryData());
    }

    /**
     * {@code ValidateSecretUpdate}: the type never changes (unset is Opaque); once {@code immutable: true}, data
     * (with stringData merged in, as the API server merges it) and the flag are fixed. Only the changed keys are
     * shown, never a value.
     */
    private static void secret(Findings f, Secret old, Secret s) {
        changed(f, Rule.SECRET_TYPE_IMMUTABLE, "type", orDefault(blankToNull(old.getType()), "Opaque"),
                orDefault(blankToNull(s.getType()), "Opaque"));
        if (!isTrue(old.getImmutable())) {
            return;
        }
        if (!isTrue(s.getImmutable())) {
            f.add(Rule.SECRET_IMMUTABLE, "immutable", "may not be unset once true", s.getImmutable());
        }
        Map<String, String> before = secretData(old);
        Map<String, String> after = secretData(s);
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.removeIf(k -> Objects.equals(before.get(k), after.get(k)));
        if (!keys.isEmpty()) {
            f.addShown(Rule.SECRET_IMMUTABLE, "data", "is immutable while immutable is true (changed keys: "
                    + Findings.show(List.copyOf(keys)) + ")", "<redacted>");
        }
    }

    private static Map<String, String> secretData(Secret s) {
        Map<String, String> data = new HashMap<>(map(s.getData()));
        for (Map.Entry<String, String> e : map(s.getStringData()).entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue();
            data.put(e.getKey(), Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        return data;
    }

    // ---------------------------------------------------------------- PersistentVolumeClaim

    /**
     * {@code ValidatePersistentVolumeClaimUpdate}: the spec is fixed except the storage request of a bound claim,
     * volumeAttributesClassName, a volumeName set for the first time and a storageClassName set for the first time.
     * The request never shrinks; from 1.32 (RecoverVolumeExpansionFailure) it may shrink while it stays above the
     * capacity in the status.
     */
    private static void pvc(Findings f, PersistentVolumeClaim live, PersistentVolumeClaim pvc) {
        PersistentVolumeClaimSpec old = spec(live.getSpec(), PersistentVolumeClaimSpec::new);
        PersistentVolumeClaimSpec spec = spec(pvc.getSpec(), PersistentVolumeClaimSpec::new);
        Map<String, Object> before = pvcTree(old);
        Map<String, Object> after = pvcTree(spec);
        if (isBlank(old.getVolumeName())) {
            after.remove("volumeName");
        }
        if (old.getStorageClassName() == null) {
            after.remove("storageClassName");
        }
        boolean bound = live.getStatus() != null && "Bound".equals(live.getStatus().getPhase());
        if (bound) {
            before.remove("storage");
            after.remove("storage");
        }
        Difference d = diff(before, after, "spec");
        if (d != null) {
            String path = d.path().startsWith("spec.storage") ? "spec.resources.requests.storage" : d.path();
            report(f, Rule.PVC_SPEC_IMMUTABLE, "spec", new Difference(path, d.before(), d.after()));
        }
        BigDecimal oldSize = storage(old);
        BigDecimal newSize = storage(spec);
        if (oldSize == null || newSize == null || newSize.compareTo(oldSize) >= 0) {
            return;
        }
        if (!f.version().isAtLeast(KubeVersion.of(1, 32))) {
            f.add(Rule.PVC_STORAGE_SHRINK, "spec.resources.requests.storage",
                    "can not be less than the previous value " + Findings.show(request(old)), request(spec));
            return;
        }
        BigDecimal capacity = live.getStatus() == null ? null
                : amount(map(live.getStatus().getCapacity()).get("storage"));
        if (newSize.compareTo(capacity == null ? BigDecimal.ZERO : capacity) <= 0) {
            f.add(Rule.PVC_STORAGE_SHRINK, "spec.resources.requests.storage",
                    "can not be less than or equal to status.capacity "
                            + Findings.show(map(live.getStatus() == null ? null
                                    : live.getStatus().getCapacity()).get("storage")), request(spec));
        }
    }

    /** The spec as a tree, with the storage request lifted out (compared by amount) and volumeAttributesClassName dropped. */
    private static Map<String, Object> pvcTree(PersistentVolumeClaimSpec spec) {
        Map<String, Object> tree = tree(spec);
        Map<String, Object> out = tree == null ? new LinkedHashMap<>() : tree;
        out.remove("volumeAttributesClassName");
        Object resources = out.get("resources");
        if (resources instanceof Map<?, ?> r && r.get("requests") instanceof Map<?, ?> req) {
            req.remove("storage");
        }
        if ("Filesystem".equals(out.get("volumeMode"))) {
            out.remove("volumeMode");
        }
        BigDecimal size = storage(spec);
        if (size != null) {
            out.put("storage", size.stripTrailingZeros().toPlainString());
        }
        return out;
    }

    private static Quantity request(PersistentVolumeClaimSpec spec) {
        return spec.getResources() == null ? null : map(spec.getResources().getRequests()).get("storage");
    }

    private static BigDecimal storage(PersistentVolumeClaimSpec spec) {
        return amount(request(spec));
    }

    private static BigDecimal amount(Quantity q) {
        if (q == null) {
            return null;
        }
        try {
            return q.getNumericalAmount();
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- comparing

    /** The first place where two trees differ: its path and the values on both sides. */
    record Difference(String path, Object before, Object after) {
    }

    /** Reports {@code path} if {@code before} and {@code after} differ, naming the first differing value inside. */
    private static void changed(Findings f, Rule rule, String path, Object before, Object after) {
        if (!f.enabled(rule)) {
            return;
        }
        Difference d = diff(normalize(before), normalize(after), path);
        if (d != null) {
            report(f, rule, path, d);
        }
    }

    private static void report(Findings f, Rule rule, String path, Difference d) {
        String text = d.path().equals(path) ? "is immutable and must stay " + shown(d.before())
                : "is immutable: " + d.path() + " must stay " + shown(d.before());
        f.addShown(rule, path, text, shown(d.after()));
    }

    private static String shown(Object value) {
        String s = value instanceof Map<?, ?> || value instanceof List<?> ? SERIALIZATION.asJson(value)
                : Findings.show(value);
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN - 3) + "...";
    }

    /** A model object as plain maps, lists and scalars; strings, numbers and booleans stay as they are. */
    private static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Map<?, ?> || value instanceof List<?>) {
            return value;
        }
        return SERIALIZATION.convertValue(value, Object.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(Object value) {
        return value == null ? null : SERIALIZATION.convertValue(value, LinkedHashMap.class);
    }

    /** Whether a value counts as absent: null, or an empty map or list, as {@code Semantic.DeepEqual} sees it. */
    private static boolean absent(Object v) {
        return v == null || v instanceof Map<?, ?> m && m.isEmpty() || v instanceof List<?> l && l.isEmpty();
    }

    static Difference diff(Object a, Object b, String path) {
        if (absent(a) && absent(b)) {
            return null;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            TreeSet<String> keys = new TreeSet<>();
            ma.keySet().forEach(k -> keys.add(String.valueOf(k)));
            mb.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String k : keys) {
                Difference d = diff(ma.get(k), mb.get(k), child(path, k));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            int common = Math.min(la.size(), lb.size());
            for (int i = 0; i < common; i++) {
                Difference d = diff(la.get(i), lb.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            if (la.size() == lb.size()) {
                return null;
            }
            return new Difference(path + "[" + common + "]", common < la.size() ? la.get(common) : null,
                    common < lb.size() ? lb.get(common) : null);
        }
        if (a instanceof Number na && b instanceof Number nb) {
            return new BigDecimal(na.toString()).compareTo(new BigDecimal(nb.toString())) == 0 ? null
                    : new Difference(path, a, b);
        }
        return Objects.equals(a, b) ? null : new Difference(path, a, b);
    }

    /** {@code a.b} for a field name, {@code a[app.kubernetes.io/name]} for a map key that is not one. */
    private static String child(String path, String key) {
        boolean plain = !key.isEmpty() && key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
        return plain ? path + "." + key : path + "[" + key + "]";
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s;
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
