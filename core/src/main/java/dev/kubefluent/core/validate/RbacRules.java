package dev.kubefluent.core.validate;

import static dev.kubefluent.core.validate.Util.list;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Set;

/**
 * Layer 3, best practices: RBAC least privilege, after the CIS Kubernetes Benchmark (5.1.1 to 5.1.13) and the RBAC
 * checks of Polaris, kube-linter and Checkov.
 *
 * <p>A wildcard is reported once, by the wildcard rule of its field; the rules about one resource or verb (secrets,
 * pods/exec, escalate, ...) fire when it is named, so that {@code verbs: ["*"]} on {@code resources: ["*"]} gives two
 * findings rather than ten. A ClusterRole with an {@code aggregationRule} is skipped: its rules are the
 * controller's.
 */
final class RbacRules {

    private static final Set<String> READ = Set.of("get", "list", "watch", "*");
    private static final Set<String> CREATE = Set.of("create", "*");
    /** Before 1.35 a WebSocket exec or attach is authorized as get, not create. */
    private static final Set<String> EXEC = Set.of("create", "get", "*");
    private static final Set<String> PUBLIC_USERS = Set.of("system:anonymous");
    private static final Set<String> PUBLIC_GROUPS = Set.of("system:unauthenticated", "system:authenticated");

    private RbacRules() {
    }

    /** Checks a Role, ClusterRole or binding; returns {@code false} for any other kind. */
    static boolean check(Findings f, HasMetadata r) {
        if (r instanceof Role role) {
            rules(f, list(role.getRules()));
        } else if (r instanceof ClusterRole role) {
            if (role.getAggregationRule() == null) {
                rules(f, list(role.getRules()));
            }
        } else if (r instanceof RoleBinding rb) {
            binding(f, rb.getRoleRef(), list(rb.getSubjects()));
        } else if (r instanceof ClusterRoleBinding crb) {
            binding(f, crb.getRoleRef(), list(crb.getSubjects()));
        } else {
            return false;
        }
        return true;
    }

    private static void rules(Findings f, List<PolicyRule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            PolicyRule rule = rules.get(i);
            String p = "rules[" + i + "]";
            List<String> verbs = list(rule.getVerbs());
            List<String> resources = list(rule.getResources());
            List<String> groups = list(rule.getApiGroups());
            wildcard(f, Rule.BP_RBAC_WILDCARD_VERBS, verbs, p + ".verbs", "verbs");
            wildcard(f, Rule.BP_RBAC_WILDCARD_RESOURCES, resources, p + ".resources", "resources");
            wildcard(f, Rule.BP_RBAC_WILDCARD_API_GROUPS, groups, p + ".apiGroups", "API groups");
            for (int j = 0; j < verbs.size(); j++) {
                String verb = verbs.get(j);
                String vp = p + ".verbs[" + j + "]";
                if ("escalate".equals(verb)) {
                    f.add(Rule.BP_RBAC_ESCALATE_VERB, vp, "should not grant escalate", verb);
                } else if ("bind".equals(verb)) {
                    f.add(Rule.BP_RBAC_BIND_VERB, vp, "should not grant bind", verb);
                } else if ("impersonate".equals(verb)) {
                    f.add(Rule.BP_RBAC_IMPERSONATE_VERB, vp, "should not grant impersonate", verb);
                }
            }
            if (!groups.contains("") && !groups.contains("*")) {
                continue;
            }
            for (int j = 0; j < resources.size(); j++) {
                String resource = resources.get(j);
                String rp = p + ".resources[" + j + "]";
                switch (resource) {
                    case "secrets" -> granted(f, Rule.BP_RBAC_SECRETS_ACCESS, verbs, READ, rp,
                            "should not grant read access to Secrets", resource);
                    case "pods/exec", "pods/attach" -> granted(f, Rule.BP_RBAC_POD_EXEC, verbs, EXEC, rp,
                            "should not grant " + resource, resource);
                    case "nodes/proxy" -> granted(f, Rule.BP_RBAC_NODE_PROXY, verbs, null, rp,
                            "should not grant access to the kubelet API", resource);
                    case "pods" -> granted(f, Rule.BP_RBAC_CREATE_PODS, verbs, CREATE, rp,
                            "should not grant create on pods", resource);
                    case "serviceaccounts/token" -> granted(f, Rule.BP_RBAC_TOKEN_CREATE, verbs, CREATE, rp,
                            "should not grant create on serviceaccounts/token", resource);
                    default -> {
                    }
                }
            }
        }
    }

    private static void wildcard(Findings f, Rule rule, List<String> values, String p, String what) {
        int at = values.indexOf("*");
        if (at >= 0) {
            f.add(rule, p + "[" + at + "]", "should list the " + what + " it grants rather than \"*\"", "*");
        }
    }

    /** Reports a named resource if the rule grants one of {@code risky} verbs on it ({@code null}: any verb). */
    private static void granted(Findings f, Rule rule, List<String> verbs, Set<String> risky, String path,
            String text, String resource) {
        for (String verb : verbs) {
            if (risky == null || risky.contains(verb)) {
                f.add(rule, path, text + " (verbs " + Findings.show(verbs) + ")", resource);
                return;
            }
        }
    }

    private static void binding(Findings f, RoleRef ref, List<Subject> subjects) {
        if (ref != null && "ClusterRole".equals(ref.getKind()) && "cluster-admin".equals(ref.getName())) {
            f.add(Rule.BP_RBAC_CLUSTER_ADMIN_BINDING, "roleRef.name", "should not bind cluster-admin", ref.getName());
        }
        for (int i = 0; i < subjects.size(); i++) {
            Subject s = subjects.get(i);
            if ("User".equals(s.getKind()) && PUBLIC_USERS.contains(s.getName())
                    || "Group".equals(s.getKind()) && PUBLIC_GROUPS.contains(s.getName())) {
                f.add(Rule.BP_RBAC_PUBLIC_SUBJECT, "subjects[" + i + "].name",
                        "should not grant a role to everyone", s.getName());
            }
        }
    }
}
