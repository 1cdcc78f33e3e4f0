package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The other side of a NetworkPolicy rule ({@code from[]} or {@code to[]}): the Pods of a workload, Pods by label,
 * namespaces, an IP block, or anywhere. Create it with {@link Kube#podsOf(HasMetadata)},
 * {@link Kube#podsLabelled(String, String)}, {@link Kube#namespaceNamed(String)},
 * {@link Kube#namespacesLabelled(String, String)}, {@link Kube#cidr(String, String...)} or {@link Kube#anywhere()}.
 * Immutable.
 *
 * @since 0.1.0
 */
public final class NetworkPeerDef {

    /** The label every namespace carries with its own name (Kubernetes 1.22 and later). */
    static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    private final Map<String, String> podLabels;
    private final Map<String, String> namespaceLabels;
    private final HasMetadata workload;
    private final String cidr;
    private final List<String> except;
    private final String shown;
    private final Ops<NetworkPolicyPeerBuilder> hatches;

    private NetworkPeerDef(Map<String, String> podLabels, Map<String, String> namespaceLabels, HasMetadata workload,
            String cidr, List<String> except, String shown, Ops<NetworkPolicyPeerBuilder> hatches) {
        this.podLabels = podLabels;
        this.namespaceLabels = namespaceLabels;
        this.workload = workload;
        this.cidr = cidr;
        this.except = except;
        this.shown = shown;
        this.hatches = hatches;
    }

    static NetworkPeerDef podsOf(HasMetadata workload) {
        Map<String, String> labels = ServiceDef.selectorOf(Checks.notNull(workload, "workload"));
        return new NetworkPeerDef(labels, null, workload, null, null,
                "pods of " + workload.getKind() + " " + Checks.quoted(workload.getMetadata().getName()), Ops.empty());
    }

    static NetworkPeerDef pods(Map<String, String> labels, Map<String, String> namespaceLabels, String shown) {
        return new NetworkPeerDef(labels, namespaceLabels, null, null, null, shown, Ops.empty());
    }

    /** An IP block; the validator checks the CIDR syntax and that each exception lies inside it at build time. */
    static NetworkPeerDef cidr(String cidr, String... except) {
        Checks.notBlank(cidr, "cidr");
        Checks.noNulls(except, "except");
        return new NetworkPeerDef(null, null, null, cidr, List.of(except), "ipBlock " + cidr,
                Ops.empty());
    }

    static NetworkPeerDef anywhere() {
        return new NetworkPeerDef(null, null, null, null, null, "anywhere", Ops.empty());
    }

    /**
     * Edits the peer with fabric8's builder, for a field this DSL does not cover. It runs after every typed setter,
     * and what it sets is kept; the NetworkPolicy's {@code build()} validates the result. A customized
     * {@link Kube#anywhere()} becomes a peer of its own, holding only what the edit sets.
     *
     * <pre>{@code
     * podsOf(api).customize(p -> p.editPodSelector().addToMatchLabels("tier", "backend").endPodSelector())
     * }</pre>
     *
     * @param edit the edit; must not be {@code null}
     * @return a new peer with the edit
     */
    @CheckReturnValue
    public NetworkPeerDef customize(Consumer<NetworkPolicyPeerBuilder> edit) {
        Checks.notNull(edit, "customize");
        return new NetworkPeerDef(podLabels, namespaceLabels, workload, cidr, except, shown + " (customized)",
                hatches.then(edit));
    }

    /** @return whether the rule should have no peer at all, which Kubernetes reads as "any source or destination" */
    boolean isAnywhere() {
        return podLabels == null && namespaceLabels == null && cidr == null && hatches.isEmpty();
    }

    /** @return the workload whose Pods this peer selects, or {@code null} */
    HasMetadata workload() {
        return workload;
    }

    /**
     * The peer as the policy in {@code policyNamespace} sees it: the Pods of a workload in another namespace get a
     * namespaceSelector on that namespace's name.
     */
    NetworkPolicyPeer toPeer(String policyNamespace) {
        return hatches.edit(typedPeer(policyNamespace), NetworkPolicyPeerBuilder::new, NetworkPolicyPeerBuilder::build);
    }

    private NetworkPolicyPeer typedPeer(String policyNamespace) {
        NetworkPolicyPeer p = new NetworkPolicyPeer();
        if (cidr != null) {
            p.setIpBlock(new IPBlock(cidr, except.isEmpty() ? null : new ArrayList<>(except)));
            return p;
        }
        if (podLabels != null) {
            p.setPodSelector(Defaults.selector(podLabels));
        }
        Map<String, String> ns = namespaceLabels;
        String workloadNamespace = workload == null ? null : workload.getMetadata().getNamespace();
        if (ns == null && workloadNamespace != null && !workloadNamespace.equals(policyNamespace)) {
            ns = Map.of(NAMESPACE_NAME, workloadNamespace);
        }
        if (ns != null) {
            p.setNamespaceSelector(ns.isEmpty() ? new LabelSelector() : Defaults.selector(new LinkedHashMap<>(ns)));
        }
        return p;
    }

    /** @return what the peer selects, e.g. {@code pods of Deployment "api"} or {@code ipBlock 10.0.0.0/8} */
    @Override
    public String toString() {
        return shown;
    }
}
