package dev.kubefluent.core.validate;

import static dev.kubefluent.core.validate.Util.isBlank;
import static dev.kubefluent.core.validate.Util.list;
import static dev.kubefluent.core.validate.Util.map;
import static dev.kubefluent.core.validate.Util.oneOf;

import dev.kubefluent.core.validate.MetadataRules.NameForm;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API server's rules for the kinds that do not run pods: configuration, RBAC, autoscaling, disruption budgets,
 * networking and namespaces.
 */
final class OtherKindRules {

    private static final int MAX_CONFIG_BYTES = 1024 * 1024;
    private static final String RBAC_GROUP = "rbac.authorization.k8s.io";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CIDR_FORMAT = "must be a valid CIDR value (e.g. 10.9.8.0/24 or 2001:db8::/64)";

    private OtherKindRules() {
    }

    /** Checks a resource of a kind this class knows; returns {@code false} for any other kind. */
    static boolean check(Findings f, HasMetadata r) {
        if (r instanceof ConfigMap cm) {
            configMap(f, cm);
        } else if (r instanceof Secret s) {
            secret(f, s);
        } else if (r instanceof ServiceAccount sa) {
            MetadataRules.check(f, sa.getMetadata(), NameForm.SUBDOMAIN, true);
        } else if (r instanceof Namespace ns) {
            namespace(f, ns);
        } else if (r instanceof Role role) {
            MetadataRules.check(f, role.getMetadata(), NameForm.PATH_SEGMENT, true);
            rules(f, list(role.getRules()), true);
        } else if (r instanceof ClusterRole role) {
            MetadataRules.check(f, role.getMetadata(), NameForm.PATH_SEGMENT, false);
            if (role.getAggregationRule() == null) {
                rules(f, list(role.getRules()), false);
            }
        } else if (r instanceof RoleBinding rb) {
            MetadataRules.check(f, rb.getMetadata(), NameForm.PATH_SEGMENT, true);
            roleRef(f, rb.getRoleRef(), true);
            subjects(f, list(rb.getSubjects()), true);
        } else if (r instanceof ClusterRoleBinding crb) {
            MetadataRules.check(f, crb.getMetadata(), NameForm.PATH_SEGMENT, false);
            roleRef(f, crb.getRoleRef(), false);
            subjects(f, list(crb.getSubjects()), false);
        } else if (r instanceof HorizontalPodAutoscaler hpa) {
            hpa(f, hpa);
        } else if (r instanceof PodDisruptionBudget pdb) {
            pdb(f, pdb);
        } else if (r instanceof Ingress ing) {
            ingress(f, ing);
        } else if (r instanceof NetworkPolicy np) {
            networkPolicy(f, np);
        } else {
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- ConfigMap, Secret, Namespace

    private static void configMap(Findings f, ConfigMap cm) {
        MetadataRules.check(f, cm.getMetadata(), NameForm.SUBDOMAIN, true);
        long size = keys(f, cm.getData(), "data") + keys(f, cm.getBinaryData(), "binaryData");
        Map<String, String> binary = map(cm.getBinaryData());
        for (String key : map(cm.getData()).keySet()) {
            if (binary.containsKey(key)) {
                f.add(Rule.CONFIG_KEY_DUPLICATE, "binaryData", "must not repeat a key of data", key);
            }
        }
        if (size > MAX_CONFIG_BYTES) {
            f.addShown(Rule.CONFIG_TOO_LARGE, "data", "must not exceed 1048576 bytes with binaryData", size + " bytes");
        }
    }

    private static long keys(Findings f, Map<String, String> data, String path) {
        long size = 0;
        for (Map.Entry<String, String> e : map(data).entrySet()) {
            if (!Formats.isConfigKey(e.getKey())) {
                f.add(Rule.CONFIG_KEY_INVALID, path, "key must consist of alphanumerics, '-', '_' or '.'", e.getKey());
            }
            if (e.getValue() != null) {
                size += e.getValue().length();
            }
        }
        return size;
    }

    private static void secret(Findings f, Secret s) {
        MetadataRules.check(f, s.getMetadata(), NameForm.SUBDOMAIN, true);
        Map<String, String> data = map(s.getData());
        Map<String, String> stringData = map(s.getStringData());
        long size = keys(f, data, "data") + keys(f, stringData, "stringData");
        if (size > MAX_CONFIG_BYTES) {
            f.addShown(Rule.CONFIG_TOO_LARGE, "data", "must not exceed 1048576 bytes", size + " bytes");
        }
        for (Map.Entry<String, String> e : data.entrySet()) {
            if (e.getValue() != null && !isBase64(e.getValue())) {
                f.addShown(Rule.SECRET_DATA_INVALID, "data[" + e.getKey() + "]",
                        "must be base64-encoded (use stringData for plain text)", "<redacted>");
            }
        }
        String type = s.getType();
        if (type == null) {
            return;
        }
        switch (type) {
            case "kubernetes.io/tls" -> {
                requireKey(f, type, data, stringData, "tls.crt");
                requireKey(f, type, data, stringData, "tls.key");
            }
            case "kubernetes.io/dockerconfigjson" -> {
                if (requireKey(f, type, data, stringData, ".dockerconfigjson")) {
                    String json = stringData.containsKey(".dockerconfigjson") ? stringData.get(".dockerconfigjson")
                            : decode(data.get(".dockerconfigjson"));
                    if (json != null && !isJson(json)) {
                        f.addShown(Rule.SECRET_DATA_INVALID, "data[.dockerconfigjson]", "must be valid JSON",
                                "<redacted>");
                    }
                }
            }
            case "kubernetes.io/dockercfg" -> requireKey(f, type, data, stringData, ".dockercfg");
            case "kubernetes.io/ssh-auth" -> requireKey(f, type, data, stringData, "ssh-privatekey");
            case "kubernetes.io/basic-auth" -> {
                if (!has(data, stringData, "username") && !has(data, stringData, "password")) {
                    f.addShown(Rule.SECRET_TYPE_KEY_MISSING, "data",
                            "must hold username or password for type kubernetes.io/basic-auth", "neither");
                }
            }
            case "kubernetes.io/service-account-token" -> {
                Map<String, String> annotations = s.getMetadata() == null ? null : s.getMetadata().getAnnotations();
                if (isBlank(map(annotations).get("kubernetes.io/service-account.name"))) {
                    f.add(Rule.SECRET_TYPE_KEY_MISSING, "metadata.annotations[kubernetes.io/service-account.name]",
                            "is required for type kubernetes.io/service-account-token", null);
                }
            }
            default -> {
                // Opaque and custom types carry any keys.
            }
        }
    }

    private static boolean has(Map<String, String> data, Map<String, String> stringData, String key) {
        return data.containsKey(key) || stringData.containsKey(key);
    }

    private static boolean requireKey(Findings f, String type, Map<String, String> data,
            Map<String, String> stringData, String key) {
        if (!has(data, stringData, key)) {
            f.addShown(Rule.SECRET_TYPE_KEY_MISSING, "data[" + key + "]", "is required for type " + type, "missing");
            return false;
        }
        return true;
    }

    private static boolean isBase64(String value) {
        return decode(value) != null;
    }

    private static String decode(String value) {
        try {
            return new String(Base64.getMimeDecoder().decode(value.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isJson(String json) {
        try {
            JSON.readTree(json);
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static void namespace(Findings f, Namespace ns) {
        MetadataRules.check(f, ns.getMetadata(), NameForm.DNS1123_LABEL, false);
        Map<String, String> labels = ns.getMetadata() == null ? null : ns.getMetadata().getLabels();
        for (Map.Entry<String, String> e : map(labels).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith("pod-security.kubernetes.io/")) {
                continue;
            }
            String mode = key.substring("pod-security.kubernetes.io/".length());
            String path = "metadata.labels[" + key + "]";
            if (oneOf(mode, "enforce", "audit", "warn")) {
                if (!oneOf(e.getValue(), "privileged", "baseline", "restricted")) {
                    f.add(Rule.POD_SECURITY_LABEL_INVALID, path, "must be privileged, baseline or restricted",
                            e.getValue());
                }
            } else if (oneOf(mode, "enforce-version", "audit-version", "warn-version")) {
                if (!"latest".equals(e.getValue()) && !isVersion(e.getValue())) {
                    f.add(Rule.POD_SECURITY_LABEL_INVALID, path, "must be latest or a version such as v1.32",
                            e.getValue());
                }
            }
        }
    }

    private static boolean isVersion(String v) {
        if (v == null || !v.startsWith("v")) {
            return false;
        }
        try {
            KubeVersion.parse(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- RBAC

    private static void rules(Findings f, List<PolicyRule> rules, boolean namespaced) {
        for (int i = 0; i < rules.size(); i++) {
            PolicyRule r = rules.get(i);
            String p = "rules[" + i + "]";
            if (list(r.getVerbs()).isEmpty()) {
                f.add(Rule.POLICY_RULE_INVALID, p + ".verbs", "must not be empty", list(r.getVerbs()));
            }
            boolean urls = !list(r.getNonResourceURLs()).isEmpty();
            boolean resources = !list(r.getResources()).isEmpty() || !list(r.getApiGroups()).isEmpty();
            if (urls && namespaced) {
                f.add(Rule.POLICY_RULE_INVALID, p + ".nonResourceURLs", "may only be used in a ClusterRole",
                        r.getNonResourceURLs());
            } else if (urls && resources) {
                f.add(Rule.POLICY_RULE_INVALID, p + ".nonResourceURLs",
                        "must not be mixed with apiGroups or resources in one rule", r.getNonResourceURLs());
            } else if (!urls) {
                if (list(r.getApiGroups()).isEmpty()) {
                    f.add(Rule.POLICY_RULE_INVALID, p + ".apiGroups",
                            "must not be empty (use \"\" for the core group)", list(r.getApiGroups()));
                }
                if (list(r.getResources()).isEmpty()) {
                    f.add(Rule.POLICY_RULE_INVALID, p + ".resources", "must not be empty", list(r.getResources()));
                }
            }
        }
    }

    private static void roleRef(Findings f, RoleRef ref, boolean namespaced) {
        if (ref == null) {
            f.add(Rule.ROLE_REF_INVALID, "roleRef", "is required", null);
            return;
        }
        if (!RBAC_GROUP.equals(ref.getApiGroup())) {
            f.add(Rule.ROLE_REF_INVALID, "roleRef.apiGroup", "must be " + RBAC_GROUP, ref.getApiGroup());
        }
        if (namespaced ? !oneOf(ref.getKind(), "Role", "ClusterRole") : !"ClusterRole".equals(ref.getKind())) {
            f.add(Rule.ROLE_REF_INVALID, "roleRef.kind", namespaced ? "must be Role or ClusterRole" : "must be ClusterRole",
                    ref.getKind());
        }
        if (isBlank(ref.getName()) || !MetadataRules.isPathSegment(ref.getName())) {
            f.add(Rule.ROLE_REF_INVALID, "roleRef.name", "must be a valid path segment", ref.getName());
        }
    }

    private static void subjects(Findings f, List<Subject> subjects, boolean namespaced) {
        for (int i = 0; i < subjects.size(); i++) {
            Subject s = subjects.get(i);
            String p = "subjects[" + i + "]";
            if (isBlank(s.getName())) {
                f.add(Rule.SUBJECT_INVALID, p + ".name", "is required", s.getName());
            }
            String kind = s.getKind();
            if ("ServiceAccount".equals(kind)) {
                if (s.getApiGroup() != null && !s.getApiGroup().isEmpty()) {
                    f.add(Rule.SUBJECT_INVALID, p + ".apiGroup", "must be \"\" for a ServiceAccount", s.getApiGroup());
                }
                if (!namespaced && isBlank(s.getNamespace())) {
                    f.add(Rule.SUBJECT_INVALID, p + ".namespace", "is required for a ServiceAccount", s.getNamespace());
                }
            } else if (oneOf(kind, "User", "Group")) {
                if (!RBAC_GROUP.equals(s.getApiGroup())) {
                    f.add(Rule.SUBJECT_INVALID, p + ".apiGroup", "must be " + RBAC_GROUP + " for a " + kind,
                            s.getApiGroup());
                }
            } else {
                f.add(Rule.SUBJECT_INVALID, p + ".kind", "must be ServiceAccount, User or Group", kind);
            }
        }
    }

    // ---------------------------------------------------------------- HPA, PDB

    private static void hpa(Findings f, HorizontalPodAutoscaler hpa) {
        MetadataRules.check(f, hpa.getMetadata(), NameForm.SUBDOMAIN, true);
        var s = hpa.getSpec();
        if (s == null) {
            f.add(Rule.HPA_SCALE_TARGET_INVALID, "spec.scaleTargetRef", "is required", null);
            return;
        }
        var ref = s.getScaleTargetRef();
        if (ref == null) {
            f.add(Rule.HPA_SCALE_TARGET_INVALID, "spec.scaleTargetRef", "is required", null);
        } else {
            if (isBlank(ref.getKind())) {
                f.add(Rule.HPA_SCALE_TARGET_INVALID, "spec.scaleTargetRef.kind", "is required", ref.getKind());
            }
            if (isBlank(ref.getName()) || !MetadataRules.isPathSegment(ref.getName())) {
                f.add(Rule.HPA_SCALE_TARGET_INVALID, "spec.scaleTargetRef.name", "must be a valid path segment",
                        ref.getName());
            }
        }
        Integer min = s.getMinReplicas();
        Integer max = s.getMaxReplicas();
        if (min != null && min < 1) {
            f.add(Rule.HPA_REPLICAS_INVALID, "spec.minReplicas", "must be greater than or equal to 1", min);
        }
        int floor = Math.max(1, min == null ? 1 : min);
        if (max == null || max < floor) {
            f.add(Rule.HPA_REPLICAS_INVALID, "spec.maxReplicas",
                    "must be greater than or equal to " + (min == null || min < 1 ? "1" : "minReplicas (" + min + ")"),
                    max);
        }
        List<MetricSpec> metrics = list(s.getMetrics());
        for (int i = 0; i < metrics.size(); i++) {
            metric(f, metrics.get(i), "spec.metrics[" + i + "]");
        }
    }

    private static void metric(Findings f, MetricSpec m, String p) {
        String type = m.getType();
        Object source;
        MetricTarget target;
        String block;
        switch (type == null ? "" : type) {
            case "Resource" -> {
                source = m.getResource();
                target = m.getResource() == null ? null : m.getResource().getTarget();
                block = "resource";
            }
            case "ContainerResource" -> {
                source = m.getContainerResource();
                target = m.getContainerResource() == null ? null : m.getContainerResource().getTarget();
                block = "containerResource";
            }
            case "Pods" -> {
                source = m.getPods();
                target = m.getPods() == null ? null : m.getPods().getTarget();
                block = "pods";
            }
            case "Object" -> {
                source = m.getObject();
                target = m.getObject() == null ? null : m.getObject().getTarget();
                block = "object";
            }
            case "External" -> {
                source = m.getExternal();
                target = m.getExternal() == null ? null : m.getExternal().getTarget();
                block = "external";
            }
            default -> {
                f.add(Rule.HPA_METRIC_INVALID, p + ".type",
                        "must be one of Resource, ContainerResource, Pods, Object, External", type);
                return;
            }
        }
        int blocks = (m.getResource() != null ? 1 : 0) + (m.getContainerResource() != null ? 1 : 0)
                + (m.getPods() != null ? 1 : 0) + (m.getObject() != null ? 1 : 0) + (m.getExternal() != null ? 1 : 0);
        if (source == null) {
            f.add(Rule.HPA_METRIC_INVALID, p + "." + block, "is required for metric type " + type, null);
            return;
        }
        if (blocks > 1) {
            f.addShown(Rule.HPA_METRIC_INVALID, p, "must set only the " + block + " block for metric type " + type,
                    blocks + " blocks");
        }
        if (target == null) {
            f.add(Rule.HPA_METRIC_INVALID, p + "." + block + ".target", "is required", null);
            return;
        }
        String tp = p + "." + block + ".target";
        String tt = target.getType();
        if ("Utilization".equals(tt)) {
            if (!oneOf(type, "Resource", "ContainerResource")) {
                f.add(Rule.HPA_METRIC_INVALID, tp + ".type", "may be Utilization only for resource metrics", tt);
            } else if (target.getAverageUtilization() == null || target.getAverageUtilization() <= 0) {
                f.add(Rule.HPA_METRIC_INVALID, tp + ".averageUtilization", "must be greater than 0",
                        target.getAverageUtilization());
            }
        } else if ("Value".equals(tt)) {
            positive(f, target.getValue(), tp + ".value");
        } else if ("AverageValue".equals(tt)) {
            positive(f, target.getAverageValue(), tp + ".averageValue");
        } else {
            f.add(Rule.HPA_METRIC_INVALID, tp + ".type", "must be Utilization, Value or AverageValue", tt);
        }
    }

    private static void positive(Findings f, Quantity q, String path) {
        if (q == null) {
            f.add(Rule.HPA_METRIC_INVALID, path, "is required for this target type", null);
        } else if (PodSpecRules.quantity(f, q, path)) {
            java.math.BigDecimal amount = PodSpecRules.amount(q);
            if (amount != null && amount.signum() <= 0) {
                f.add(Rule.HPA_METRIC_INVALID, path, "must be greater than 0", q);
            }
        }
    }

    private static void pdb(Findings f, PodDisruptionBudget pdb) {
        MetadataRules.check(f, pdb.getMetadata(), NameForm.SUBDOMAIN, true);
        var s = pdb.getSpec();
        if (s == null) {
            return;
        }
        IntOrString min = s.getMinAvailable();
        IntOrString max = s.getMaxUnavailable();
        if (Util.isSet(min) && Util.isSet(max)) {
            f.add(Rule.PDB_BUDGET_INVALID, "spec.maxUnavailable", "must not be set together with minAvailable", max);
        }
        budget(f, min, "spec.minAvailable");
        budget(f, max, "spec.maxUnavailable");
        Selectors.check(f, s.getSelector(), "spec.selector");
        String policy = s.getUnhealthyPodEvictionPolicy();
        if (policy != null && !oneOf(policy, "IfHealthyBudget", "AlwaysAllow")) {
            f.add(Rule.PDB_BUDGET_INVALID, "spec.unhealthyPodEvictionPolicy", "must be IfHealthyBudget or AlwaysAllow",
                    policy);
        }
    }

    private static void budget(Findings f, IntOrString v, String path) {
        if (!Util.isSet(v)) {
            return;
        }
        if (v.getIntVal() != null) {
            if (v.getIntVal() < 0) {
                f.add(Rule.PDB_BUDGET_INVALID, path, "must be greater than or equal to 0", v);
            }
        } else if (!Formats.isPercent(v.getStrVal())) {
            f.add(Rule.PDB_BUDGET_INVALID, path, "must be a whole number or a percentage such as 50%", v);
        } else if (Long.parseLong(v.getStrVal().substring(0, v.getStrVal().length() - 1)) > 100) {
            f.add(Rule.PDB_BUDGET_INVALID, path, "must not be greater than 100%", v);
        }
    }

    // ---------------------------------------------------------------- Ingress, NetworkPolicy

    private static void ingress(Findings f, Ingress ing) {
        MetadataRules.check(f, ing.getMetadata(), NameForm.SUBDOMAIN, true);
        var s = ing.getSpec();
        List<IngressRule> rules = s == null ? List.of() : list(s.getRules());
        if (s == null || s.getDefaultBackend() == null && rules.isEmpty()) {
            f.addShown(Rule.INGRESS_BACKEND_REQUIRED, "spec", "must set rules or defaultBackend", "neither");
            return;
        }
        backend(f, s.getDefaultBackend(), "spec.defaultBackend");
        for (int i = 0; i < rules.size(); i++) {
            IngressRule r = rules.get(i);
            String rp = "spec.rules[" + i + "]";
            String host = r.getHost();
            if (host != null && !host.isEmpty() && !isIngressHost(host)) {
                f.add(Rule.INGRESS_HOST_INVALID, rp + ".host", "must be a DNS name, not an IP address", host);
            }
            if (r.getHttp() == null) {
                continue;
            }
            List<HTTPIngressPath> paths = list(r.getHttp().getPaths());
            if (paths.isEmpty()) {
                f.add(Rule.INGRESS_PATH_INVALID, rp + ".http.paths", "must not be empty", paths);
            }
            for (int j = 0; j < paths.size(); j++) {
                HTTPIngressPath path = paths.get(j);
                String pp = rp + ".http.paths[" + j + "]";
                String type = path.getPathType();
                if (!oneOf(type, "Exact", "Prefix", "ImplementationSpecific")) {
                    f.add(Rule.INGRESS_PATH_INVALID, pp + ".pathType",
                            "must be Exact, Prefix or ImplementationSpecific", type);
                }
                String value = path.getPath();
                if (oneOf(type, "Exact", "Prefix")) {
                    if (value == null || !value.startsWith("/")) {
                        f.add(Rule.INGRESS_PATH_INVALID, pp + ".path", "must be an absolute path", value);
                    } else if (value.contains("//") || value.contains("/./") || value.contains("/../")
                            || value.endsWith("/..") || value.endsWith("/.")) {
                        f.add(Rule.INGRESS_PATH_INVALID, pp + ".path", "must not contain '//', '/./' or '/../'", value);
                    }
                } else if (value != null && !value.isEmpty() && !value.startsWith("/")) {
                    f.add(Rule.INGRESS_PATH_INVALID, pp + ".path", "must be an absolute path", value);
                }
                if (path.getBackend() == null) {
                    f.add(Rule.INGRESS_BACKEND_INVALID, pp + ".backend", "is required", null);
                } else {
                    backend(f, path.getBackend(), pp + ".backend");
                }
            }
        }
    }

    private static boolean isIngressHost(String host) {
        if (host.chars().allMatch(c -> Character.isDigit(c) || c == '.') || host.indexOf(':') >= 0) {
            return false;
        }
        String h = host.startsWith("*.") ? host.substring(2) : host;
        return Formats.isDns1123Subdomain(h);
    }

    private static void backend(Findings f, IngressBackend b, String p) {
        if (b == null) {
            return;
        }
        if ((b.getService() == null) == (b.getResource() == null)) {
            f.addShown(Rule.INGRESS_BACKEND_INVALID, p, "must set exactly one of service, resource",
                    b.getService() == null ? "none" : "service, resource");
            return;
        }
        var svc = b.getService();
        if (svc == null) {
            return;
        }
        if (!Formats.isDns1035Label(svc.getName())) {
            f.add(Rule.INGRESS_BACKEND_INVALID, p + ".service.name", "must be a DNS-1035 label (a Service name)",
                    svc.getName());
        }
        var port = svc.getPort();
        if (port == null || (port.getName() == null || port.getName().isEmpty()) == (port.getNumber() == null)) {
            f.addShown(Rule.INGRESS_BACKEND_INVALID, p + ".service.port", "must set exactly one of name, number",
                    port == null || port.getNumber() == null ? "none" : "name, number");
        } else if (port.getNumber() != null && !Formats.isPortNumber(port.getNumber())) {
            f.add(Rule.INGRESS_BACKEND_INVALID, p + ".service.port.number", "must be between 1 and 65535",
                    port.getNumber());
        } else if (port.getName() != null && !Formats.isIanaSvcName(port.getName())) {
            f.add(Rule.INGRESS_BACKEND_INVALID, p + ".service.port.name", "must be an IANA service name",
                    port.getName());
        }
    }

    private static void networkPolicy(Findings f, NetworkPolicy np) {
        MetadataRules.check(f, np.getMetadata(), NameForm.SUBDOMAIN, true);
        var s = np.getSpec();
        if (s == null) {
            return;
        }
        Selectors.check(f, s.getPodSelector(), "spec.podSelector");
        List<String> types = list(s.getPolicyTypes());
        if (types.size() > 2) {
            f.add(Rule.NETWORK_POLICY_TYPE_INVALID, "spec.policyTypes", "may not specify more than two policyTypes",
                    types);
            types = List.of();
        }
        for (int i = 0; i < types.size(); i++) {
            if (!oneOf(types.get(i), "Ingress", "Egress")) {
                f.add(Rule.NETWORK_POLICY_TYPE_INVALID, "spec.policyTypes[" + i + "]", "must be Ingress or Egress",
                        types.get(i));
            }
        }
        var ingress = list(s.getIngress());
        for (int i = 0; i < ingress.size(); i++) {
            peers(f, list(ingress.get(i).getFrom()), "spec.ingress[" + i + "].from");
            ports(f, list(ingress.get(i).getPorts()), "spec.ingress[" + i + "].ports");
        }
        var egress = list(s.getEgress());
        for (int i = 0; i < egress.size(); i++) {
            peers(f, list(egress.get(i).getTo()), "spec.egress[" + i + "].to");
            ports(f, list(egress.get(i).getPorts()), "spec.egress[" + i + "].ports");
        }
    }

    private static void ports(Findings f, List<NetworkPolicyPort> ports, String p) {
        for (int i = 0; i < ports.size(); i++) {
            NetworkPolicyPort port = ports.get(i);
            String pp = p + "[" + i + "]";
            if (port.getProtocol() != null && !oneOf(port.getProtocol(), "TCP", "UDP", "SCTP")) {
                f.add(Rule.NETWORK_POLICY_PORT_INVALID, pp + ".protocol", "must be one of TCP, UDP, SCTP",
                        port.getProtocol());
            }
            IntOrString number = port.getPort();
            if (Util.isSet(number)) {
                if (number.getIntVal() != null && !Formats.isPortNumber(number.getIntVal())) {
                    f.add(Rule.NETWORK_POLICY_PORT_INVALID, pp + ".port", "must be between 1 and 65535", number);
                } else if (number.getStrVal() != null && !Formats.isIanaSvcName(number.getStrVal())) {
                    f.add(Rule.NETWORK_POLICY_PORT_INVALID, pp + ".port", "must be a port number or an IANA service name",
                            number);
                }
            }
            Integer end = port.getEndPort();
            if (end != null) {
                if (!Util.isSet(number)) {
                    f.add(Rule.NETWORK_POLICY_PORT_INVALID, pp + ".endPort", "may not be set when port is not set", end);
                } else if (number.getIntVal() == null) {
                    f.add(Rule.NETWORK_POLICY_PORT_INVALID, pp + ".endPort", "may not be set when port is non-numeric",
                            end);
                } else {
                    if (end < number.getIntVal()) {
                        f.add(Rule.NETWORK_POLICY_PORT_INVALID, pp + ".endPort",
                                "must be greater than or equal to port " + number.getIntVal(), end);
                    }
                    if (!Formats.isPortNumber(end)) {
                        f.add(Rule.NETWORK_POLICY_PORT_INVALID, pp + ".endPort", "must be between 1 and 65535", end);
                    }
                }
            }
        }
    }

    private static void peers(Findings f, List<NetworkPolicyPeer> peers, String p) {
        for (int i = 0; i < peers.size(); i++) {
            NetworkPolicyPeer peer = peers.get(i);
            String pp = p + "[" + i + "]";
            boolean selectors = peer.getPodSelector() != null || peer.getNamespaceSelector() != null;
            if (peer.getIpBlock() != null && selectors) {
                f.addShown(Rule.NETWORK_POLICY_PEER_INVALID, pp, "must not combine ipBlock with selectors",
                        "ipBlock and selectors");
            } else if (peer.getIpBlock() == null && !selectors) {
                f.addShown(Rule.NETWORK_POLICY_PEER_INVALID, pp,
                        "must set podSelector, namespaceSelector or ipBlock", "none");
            }
            Selectors.check(f, peer.getPodSelector(), pp + ".podSelector");
            Selectors.check(f, peer.getNamespaceSelector(), pp + ".namespaceSelector");
            if (peer.getIpBlock() != null) {
                ipBlock(f, peer.getIpBlock().getCidr(), list(peer.getIpBlock().getExcept()), pp + ".ipBlock");
            }
        }
    }

    /** {@code ValidateIPBlock}: a valid CIDR, and every {@code except} entry a valid CIDR strictly inside it. */
    private static void ipBlock(Findings f, String cidr, List<String> except, String p) {
        if (cidr == null || cidr.isEmpty()) {
            f.add(Rule.NETWORK_POLICY_PEER_INVALID, p + ".cidr", "is required", cidr);
            return;
        }
        Cidr block = Cidr.parse(cidr);
        if (block == null) {
            f.add(Rule.NETWORK_POLICY_PEER_INVALID, p + ".cidr", CIDR_FORMAT, cidr);
            return;
        }
        for (int j = 0; j < except.size(); j++) {
            Cidr e = Cidr.parse(except.get(j));
            if (e == null) {
                f.add(Rule.NETWORK_POLICY_PEER_INVALID, p + ".except[" + j + "]", CIDR_FORMAT, except.get(j));
            } else if (!block.contains(e)) {
                f.add(Rule.NETWORK_POLICY_PEER_INVALID, p + ".except[" + j + "]",
                        "must be a CIDR strictly inside " + cidr + " (same IP family, longer prefix)", except.get(j));
            }
        }
    }
}
