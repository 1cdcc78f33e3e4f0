package dev.kubefluent.core.validate;

import static dev.kubefluent.core.validate.Util.isBlank;
import static dev.kubefluent.core.validate.Util.isTrue;
import static dev.kubefluent.core.validate.Util.list;
import static dev.kubefluent.core.validate.Util.map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Layer 2: rules about the references between the resources of one set.
 *
 * <p>The index is built first, in one pass; then the validator asks {@link #check(HasMetadata)} for each resource
 * right after that resource's own rules, while its objects are still in the processor's cache, instead of walking
 * the whole set again. On a set too large for the cache, a second walk would read every object from memory twice.
 * Findings come out in the same order as a separate walk would give: those of the other kinds in the set's order,
 * then those of the workloads in the set's order ({@link #finish}).
 */
final class SetRules {

    private static final Set<String> BUILT_IN_CLUSTER_ROLES = Set.of("view", "edit", "admin", "cluster-admin");
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet");

    private final Settings settings;
    private final SetIndex index;
    /** The workloads a PodDisruptionBudget of the set selects; only with the best-practices profile. */
    private final Set<HasMetadata> protectedByPdb;
    private final List<Violation> others = new ArrayList<>();
    private final List<Violation> ofWorkloads = new ArrayList<>();
    /** The next entry of {@code index.workloads}, which are in the set's order. */
    private int nextWorkload;

    /**
     * Indexes a set.
     *
     * @param resources the set's resources, without {@code null}s, in the order {@link #check} will see them
     * @param settings  the validator's settings
     */
    SetRules(List<HasMetadata> resources, Settings settings) {
        this.settings = settings;
        this.index = new SetIndex(resources);
        if (settings.profileOn(Profile.BEST_PRACTICES)) {
            protectedByPdb = Collections.newSetFromMap(new IdentityHashMap<>());
            for (HasMetadata r : resources) {
                if (r instanceof PodDisruptionBudget pdb) {
                    protect(pdb, index, protectedByPdb);
                }
            }
        } else {
            protectedByPdb = null;
        }
    }

    /**
     * Checks one resource's references; call once per resource, in the order given to the constructor.
     *
     * @param r the resource
     */
    void check(HasMetadata r) {
        if (r instanceof Service s) {
            service(new Findings(r, settings, others), s, index);
        } else if (r instanceof RoleBinding rb) {
            roleRef(new Findings(r, settings, others), rb.getRoleRef(), SetIndex.namespaceOf(r), index);
        } else if (r instanceof ClusterRoleBinding crb) {
            roleRef(new Findings(r, settings, others), crb.getRoleRef(), null, index);
        } else if (r instanceof HorizontalPodAutoscaler hpa) {
            hpa(new Findings(r, settings, others), hpa, index);
        } else if (r instanceof PodDisruptionBudget pdb) {
            pdb(new Findings(r, settings, others), pdb, index);
        } else if (r instanceof Ingress ing) {
            ingress(new Findings(r, settings, others), ing, index);
        } else if (r instanceof NetworkPolicy np) {
            networkPolicy(new Findings(r, settings, others), np, index);
        }
        List<Workload> workloads = index.workloads;
        if (nextWorkload < workloads.size() && workloads.get(nextWorkload).resource() == r) {
            Workload w = workloads.get(nextWorkload++);
            Findings f = new Findings(r, settings, ofWorkloads);
            overlaps(f, w, index);
            references(f, w, index);
            if (protectedByPdb != null) {
                disruption(f, w, protectedByPdb);
            }
        }
    }

    /**
     * Adds the findings, once every resource has been checked.
     *
     * @param out the report's violations
     */
    void finish(List<Violation> out) {
        out.addAll(others);
        out.addAll(ofWorkloads);
    }

    // ---------------------------------------------------------------- Service -> workloads

    private static void service(Findings f, Service s, SetIndex index) {
        if (s.getSpec() == null || "ExternalName".equals(s.getSpec().getType())) {
            return;
        }
        Map<String, String> selector = s.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            return;
        }
        String ns = SetIndex.namespaceOf(s);
        boolean any = false;
        List<ServicePort> ports = list(s.getSpec().getPorts());
        for (Workload w : index.candidates(ns, selector)) {
            if (!Selectors.matches(selector, w.podLabels())) {
                continue;
            }
            any = true;
            for (int i = 0; i < ports.size(); i++) {
                IntOrString target = ports.get(i).getTargetPort();
                if (target != null && target.getIntVal() == null && target.getStrVal() != null
                        && Formats.isIanaSvcName(target.getStrVal())
                        && !hasPortNamed(w.podSpec(), target.getStrVal())) {
                    f.add(Rule.SERVICE_TARGET_PORT_MISSING, "spec.ports[" + i + "].targetPort",
                            "must name a container port of the selected " + ResourceRefs.show(w.resource())
                                    + " (it has " + Findings.show(portNames(w.podSpec())) + ")",
                            target.getStrVal());
                }
            }
        }
        if (!any) {
            f.add(Rule.SERVICE_SELECTS_NOTHING, "spec.selector",
                    "must select the pods of a workload of the set"
                            + (ns.isEmpty() ? "" : " in namespace \"" + ns + "\""),
                    selector);
        }
    }

    private static boolean hasPortNamed(PodSpec spec, String name) {
        if (spec == null) {
            return false;
        }
        return hasPortNamed(list(spec.getContainers()), name) || hasPortNamed(list(spec.getInitContainers()), name);
    }

    private static boolean hasPortNamed(List<Container> containers, String name) {
        for (Container c : containers) {
            for (ContainerPort p : list(c.getPorts())) {
                if (name.equals(p.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> portNames(PodSpec spec) {
        List<String> names = new ArrayList<>();
        if (spec != null) {
            for (Container c : list(spec.getContainers())) {
                for (ContainerPort p : list(c.getPorts())) {
                    if (p.getName() != null) {
                        names.add(p.getName());
                    }
                }
            }
        }
        return names;
    }

    // ---------------------------------------------------------------- workloads

    private static void overlaps(Findings f, Workload w, SetIndex index) {
        LabelSelector sel = w.selector();
        if (Selectors.isEmpty(sel)) {
            return;
        }
        for (Workload other : index.candidates(w.namespace(), sel.getMatchLabels())) {
            if (other == w || other.selector() == null || !Selectors.matches(sel, other.podLabels())) {
                continue;
            }
            f.add(Rule.WORKLOAD_SELECTOR_OVERLAP, "spec.selector",
                    "must not select the pods of " + ResourceRefs.show(other.resource()), sel.getMatchLabels());
        }
    }

    private static void references(Findings f, Workload w, SetIndex index) {
        PodSpec spec = w.podSpec();
        if (spec == null) {
            return;
        }
        String ns = w.namespace();
        String p = w.specPath();
        String sa = spec.getServiceAccountName();
        if (!isBlank(sa) && !"default".equals(sa) && !index.contains("ServiceAccount", ns, sa)) {
            f.add(Rule.SERVICE_ACCOUNT_REFERENCE_MISSING, p + "serviceAccountName",
                    "must name a ServiceAccount of the set", sa);
        }
        List<LocalObjectReference> pull = list(spec.getImagePullSecrets());
        for (int i = 0; i < pull.size(); i++) {
            secret(f, index, ns, pull.get(i).getName(), false, p + "imagePullSecrets[" + i + "].name");
        }
        List<Volume> volumes = list(spec.getVolumes());
        for (int i = 0; i < volumes.size(); i++) {
            Volume v = volumes.get(i);
            String vp = p + "volumes[" + i + "]";
            if (v.getConfigMap() != null) {
                configMap(f, index, ns, v.getConfigMap().getName(), isTrue(v.getConfigMap().getOptional()),
                        vp + ".configMap.name");
            }
            if (v.getSecret() != null) {
                secret(f, index, ns, v.getSecret().getSecretName(), isTrue(v.getSecret().getOptional()),
                        vp + ".secret.secretName");
            }
            if (v.getPersistentVolumeClaim() != null) {
                String claim = v.getPersistentVolumeClaim().getClaimName();
                if (!isBlank(claim) && !index.contains("PersistentVolumeClaim", ns, claim)) {
                    f.add(Rule.PVC_REFERENCE_MISSING, vp + ".persistentVolumeClaim.claimName",
                            "must name a PersistentVolumeClaim of the set", claim);
                }
            }
            if (v.getProjected() != null) {
                List<VolumeProjection> sources = list(v.getProjected().getSources());
                for (int j = 0; j < sources.size(); j++) {
                    VolumeProjection s = sources.get(j);
                    String sp = vp + ".projected.sources[" + j + "]";
                    if (s.getConfigMap() != null) {
                        configMap(f, index, ns, s.getConfigMap().getName(), isTrue(s.getConfigMap().getOptional()),
                                sp + ".configMap.name");
                    }
                    if (s.getSecret() != null) {
                        secret(f, index, ns, s.getSecret().getName(), isTrue(s.getSecret().getOptional()),
                                sp + ".secret.name");
                    }
                }
            }
        }
        containerRefs(f, index, ns, list(spec.getInitContainers()), p + "initContainers");
        containerRefs(f, index, ns, list(spec.getContainers()), p + "containers");
    }

    private static void containerRefs(Findings f, SetIndex index, String ns, List<Container> containers, String p) {
        for (int i = 0; i < containers.size(); i++) {
            Container c = containers.get(i);
            String cp = p + "[" + i + "]";
            List<EnvVar> env = list(c.getEnv());
            for (int k = 0; k < env.size(); k++) {
                var from = env.get(k).getValueFrom();
                if (from == null) {
                    continue;
                }
                String ep = cp + ".env[" + k + "].valueFrom";
                if (from.getConfigMapKeyRef() != null) {
                    configMap(f, index, ns, from.getConfigMapKeyRef().getName(),
                            isTrue(from.getConfigMapKeyRef().getOptional()), ep + ".configMapKeyRef.name");
                }
                if (from.getSecretKeyRef() != null) {
                    secret(f, index, ns, from.getSecretKeyRef().getName(),
                            isTrue(from.getSecretKeyRef().getOptional()), ep + ".secretKeyRef.name");
                }
            }
            List<EnvFromSource> envFrom = list(c.getEnvFrom());
            for (int k = 0; k < envFrom.size(); k++) {
                EnvFromSource s = envFrom.get(k);
                String ep = cp + ".envFrom[" + k + "]";
                if (s.getConfigMapRef() != null) {
                    configMap(f, index, ns, s.getConfigMapRef().getName(), isTrue(s.getConfigMapRef().getOptional()),
                            ep + ".configMapRef.name");
                }
                if (s.getSecretRef() != null) {
                    secret(f, index, ns, s.getSecretRef().getName(), isTrue(s.getSecretRef().getOptional()),
                            ep + ".secretRef.name");
                }
            }
        }
    }

    private static void configMap(Findings f, SetIndex index, String ns, String name, boolean optional, String path) {
        if (!optional && !isBlank(name) && !index.contains("ConfigMap", ns, name)) {
            f.add(Rule.CONFIGMAP_REFERENCE_MISSING, path, "must name a ConfigMap of the set", name);
        }
    }

    private static void secret(Findings f, SetIndex index, String ns, String name, boolean optional, String path) {
        if (!optional && !isBlank(name) && !index.contains("Secret", ns, name)) {
            f.add(Rule.SECRET_REFERENCE_MISSING, path, "must name a Secret of the set", name);
        }
    }

    private static void disruption(Findings f, Workload w, Set<HasMetadata> protectedByPdb) {
        Integer replicas = w.replicas();
        if (replicas == null || replicas < 2 || protectedByPdb.contains(w.resource()) || w.podSpec() == null) {
            return;
        }
        PodSpec spec = w.podSpec();
        boolean spread = !list(spec.getTopologySpreadConstraints()).isEmpty()
                || spec.getAffinity() != null && spec.getAffinity().getPodAntiAffinity() != null;
        if (!spread) {
            f.addShown(Rule.BP_DISRUPTION_PROTECTION_MISSING, "spec.replicas",
                    "should come with a PodDisruptionBudget or topologySpreadConstraints", replicas.toString());
        }
    }

    // ---------------------------------------------------------------- RBAC, HPA, PDB, Ingress

    private static void roleRef(Findings f, RoleRef ref, String ns, SetIndex index) {
        if (ref == null || isBlank(ref.getName())) {
            return;
        }
        String name = ref.getName();
        if ("ClusterRole".equals(ref.getKind())) {
            if (!BUILT_IN_CLUSTER_ROLES.contains(name) && !name.startsWith("system:")
                    && !index.contains("ClusterRole", "", name)) {
                f.add(Rule.ROLE_REFERENCE_MISSING, "roleRef.name", "must name a ClusterRole of the set or a built-in "
                        + "one (view, edit, admin, cluster-admin)", name);
            }
        } else if ("Role".equals(ref.getKind()) && ns != null && !index.contains("Role", ns, name)) {
            f.add(Rule.ROLE_REFERENCE_MISSING, "roleRef.name", "must name a Role of the set"
                    + (ns.isEmpty() ? "" : " in namespace \"" + ns + "\""), name);
        }
    }

    private static void hpa(Findings f, HorizontalPodAutoscaler hpa, SetIndex index) {
        var spec = hpa.getSpec();
        if (spec == null || spec.getScaleTargetRef() == null) {
            return;
        }
        var ref = spec.getScaleTargetRef();
        if (isBlank(ref.getName()) || ref.getKind() == null || !SCALABLE.contains(ref.getKind())) {
            return;
        }
        if (index.workload(ref.getKind(), SetIndex.namespaceOf(hpa), ref.getName()) == null) {
            f.add(Rule.HPA_TARGET_MISSING, "spec.scaleTargetRef.name", "must name a " + ref.getKind() + " of the set",
                    ref.getName());
        }
    }

    private static void pdb(Findings f, PodDisruptionBudget pdb, SetIndex index) {
        List<Workload> selected = selected(pdb, index);
        if (selected != null && selected.isEmpty()) {
            f.add(Rule.PDB_SELECTS_NOTHING, "spec.selector", "must select the pods of a workload of the set",
                    map(pdb.getSpec().getSelector().getMatchLabels()));
        }
    }

    /** Adds the workloads a PodDisruptionBudget selects to the protected ones. */
    private static void protect(PodDisruptionBudget pdb, SetIndex index, Set<HasMetadata> protectedByPdb) {
        List<Workload> selected = selected(pdb, index);
        if (selected != null) {
            selected.forEach(w -> protectedByPdb.add(w.resource()));
        }
    }

    /** The workloads whose pods a PodDisruptionBudget selects, or {@code null} when it has no selector. */
    private static List<Workload> selected(PodDisruptionBudget pdb, SetIndex index) {
        if (pdb.getSpec() == null || Selectors.isEmpty(pdb.getSpec().getSelector())) {
            return null;
        }
        LabelSelector sel = pdb.getSpec().getSelector();
        List<Workload> selected = new ArrayList<>();
        for (Workload w : index.candidates(SetIndex.namespaceOf(pdb), sel.getMatchLabels())) {
            if (Selectors.matches(sel, w.podLabels())) {
                selected.add(w);
            }
        }
        return selected;
    }

    private static void ingress(Findings f, Ingress ing, SetIndex index) {
        if (ing.getSpec() == null) {
            return;
        }
        String ns = SetIndex.namespaceOf(ing);
        backend(f, ing.getSpec().getDefaultBackend(), "spec.defaultBackend", ns, index);
        List<IngressTLS> tls = list(ing.getSpec().getTls());
        for (int k = 0; k < tls.size(); k++) {
            tlsSecret(f, tls.get(k).getSecretName(), "spec.tls[" + k + "].secretName", ns, index);
        }
        List<IngressRule> rules = list(ing.getSpec().getRules());
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).getHttp() == null) {
                continue;
            }
            List<HTTPIngressPath> paths = list(rules.get(i).getHttp().getPaths());
            for (int j = 0; j < paths.size(); j++) {
                backend(f, paths.get(j).getBackend(), "spec.rules[" + i + "].http.paths[" + j + "].backend", ns,
                        index);
            }
        }
    }

    /** An Ingress's TLS Secret: in the set, in the Ingress's namespace, of type kubernetes.io/tls. */
    private static void tlsSecret(Findings f, String name, String path, String ns, SetIndex index) {
        if (isBlank(name)) {
            return; // no secretName: the controller's default certificate, as the API allows
        }
        Secret secret = index.secret(ns, name);
        if (secret == null) {
            f.add(Rule.INGRESS_TLS_SECRET_MISSING, path, "must name a Secret of the set in the Ingress's namespace",
                    name);
        } else if (!"kubernetes.io/tls".equals(secret.getType())) {
            f.addShown(Rule.INGRESS_TLS_SECRET_TYPE, path, "must name a Secret of type kubernetes.io/tls",
                    Findings.show(name) + " of type " + Findings.show(secret.getType() == null ? "Opaque" : secret.getType()));
        }
    }

    private static void backend(Findings f, IngressBackend b, String p, String ns, SetIndex index) {
        if (b == null || b.getService() == null || isBlank(b.getService().getName())) {
            return;
        }
        String name = b.getService().getName();
        Service svc = index.service(ns, name);
        if (svc == null) {
            f.add(Rule.INGRESS_SERVICE_MISSING, p + ".service.name", "must name a Service of the set", name);
            return;
        }
        var port = b.getService().getPort();
        if (port == null || svc.getSpec() == null) {
            return;
        }
        for (ServicePort sp : list(svc.getSpec().getPorts())) {
            if (port.getNumber() != null && port.getNumber().equals(sp.getPort())
                    || port.getName() != null && port.getName().equals(sp.getName())) {
                return;
            }
        }
        Object shown = port.getNumber() != null ? port.getNumber() : port.getName();
        f.add(Rule.INGRESS_SERVICE_PORT_MISSING, p + ".service.port." + (port.getNumber() != null ? "number" : "name"),
                "must be a port of Service \"" + name + "\"", shown);
    }

    // ---------------------------------------------------------------- NetworkPolicy -> named ports

    /**
     * A named port of an ingress rule is resolved on the pods the policy selects, and a named port of an egress rule
     * on the destination pods: those its {@code to} peers select in the policy's namespace. A rule whose pods are
     * not all known from the set (an {@code ipBlock} or {@code namespaceSelector} peer, or no peer at all for egress)
     * is not checked, and neither is a rule whose pods the set does not hold.
     */
    private static void networkPolicy(Findings f, NetworkPolicy np, SetIndex index) {
        var spec = np.getSpec();
        if (spec == null) {
            return;
        }
        String ns = SetIndex.namespaceOf(np);
        var ingress = list(spec.getIngress());
        List<Workload> selected = null;
        for (int i = 0; i < ingress.size(); i++) {
            List<NetworkPolicyPort> ports = list(ingress.get(i).getPorts());
            if (hasNamedPort(ports)) {
                if (selected == null) {
                    selected = selectedPods(index, ns, spec.getPodSelector());
                }
                namedPorts(f, ports, "spec.ingress[" + i + "].ports", selected, "selected by spec.podSelector");
            }
        }
        var egress = list(spec.getEgress());
        for (int i = 0; i < egress.size(); i++) {
            List<NetworkPolicyPort> ports = list(egress.get(i).getPorts());
            List<NetworkPolicyPeer> to = list(egress.get(i).getTo());
            if (!hasNamedPort(ports) || to.isEmpty()) {
                continue;
            }
            List<Workload> destinations = new ArrayList<>();
            for (NetworkPolicyPeer peer : to) {
                if (peer.getPodSelector() == null || peer.getNamespaceSelector() != null || peer.getIpBlock() != null) {
                    destinations = null;
                    break;
                }
                destinations.addAll(selectedPods(index, ns, peer.getPodSelector()));
            }
            if (destinations != null) {
                namedPorts(f, ports, "spec.egress[" + i + "].ports", destinations, "selected by spec.egress[" + i
                        + "].to");
            }
        }
    }

    private static boolean hasNamedPort(List<NetworkPolicyPort> ports) {
        for (NetworkPolicyPort p : ports) {
            if (p.getPort() != null && p.getPort().getIntVal() == null && p.getPort().getStrVal() != null) {
                return true;
            }
        }
        return false;
    }

    /** The workloads of the set whose pods a NetworkPolicy selector selects; an empty selector selects them all. */
    private static List<Workload> selectedPods(SetIndex index, String ns, LabelSelector sel) {
        if (sel == null) {
            return List.of();
        }
        List<Workload> candidates = index.candidates(ns, sel.getMatchLabels());
        if (Selectors.isEmpty(sel)) {
            return candidates;
        }
        List<Workload> selected = new ArrayList<>();
        for (Workload w : candidates) {
            if (Selectors.matches(sel, w.podLabels())) {
                selected.add(w);
            }
        }
        return selected;
    }

    private static void namedPorts(Findings f, List<NetworkPolicyPort> ports, String p, List<Workload> pods,
            String which) {
        if (pods.isEmpty()) {
            return;
        }
        for (int j = 0; j < ports.size(); j++) {
            NetworkPolicyPort port = ports.get(j);
            if (port.getPort() == null || port.getPort().getIntVal() != null || port.getPort().getStrVal() == null
                    || !Formats.isIanaSvcName(port.getPort().getStrVal())) {
                continue;
            }
            String name = port.getPort().getStrVal();
            String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
            boolean declared = false;
            for (Workload w : pods) {
                if (declaresPort(w.podSpec(), name, protocol)) {
                    declared = true;
                    break;
                }
            }
            if (!declared) {
                f.add(Rule.NETWORK_POLICY_NAMED_PORT_MISSING, p + "[" + j + "].port",
                        "must name a " + protocol + " container port of the pods " + which + " ("
                                + ResourceRefs.show(pods.get(0).resource())
                                + (pods.size() > 1 ? " and " + (pods.size() - 1) + " more" : "") + ")",
                        name);
            }
        }
    }

    private static boolean declaresPort(PodSpec spec, String name, String protocol) {
        if (spec == null) {
            return false;
        }
        for (List<Container> containers : List.of(list(spec.getContainers()), list(spec.getInitContainers()))) {
            for (Container c : containers) {
                for (ContainerPort cp : list(c.getPorts())) {
                    if (name.equals(cp.getName())
                            && protocol.equals(cp.getProtocol() == null ? "TCP" : cp.getProtocol())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
