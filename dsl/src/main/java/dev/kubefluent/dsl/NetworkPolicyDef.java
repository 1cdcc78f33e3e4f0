package dev.kubefluent.dsl;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A {@code networking.k8s.io/v1} NetworkPolicy under construction: which traffic may reach (ingress) or leave
 * (egress) a set of Pods. Immutable: every method returns a new builder, and each {@link #build()} returns fresh
 * fabric8 objects.
 *
 * <pre>{@code
 * NetworkPolicy np = networkPolicy("web")
 *     .isolate(web)                                   // only what is allowed below may reach web's Pods
 *     .allowIngress(podsOf(gateway), tcp("http"))
 *     .allowIngress(namespaceNamed("monitoring"), tcp("metrics"))
 *     .allowEgress(podsOf(db), tcp(5432))
 *     .allowDnsEgress()
 *     .build();
 * NetworkPolicy deny = networkPolicy("default-deny").namespace("shop").defaultDeny().build();
 * }</pre>
 *
 * <h2>What it selects and isolates</h2>
 * {@link #isolate(HasMetadata)} selects a workload's Pods (its selector labels) and isolates them for ingress; without
 * it the policy selects every Pod of its namespace ({@code podSelector: {}}). {@code policyTypes} is always written
 * out, so nothing depends on Kubernetes' inference: {@code Ingress} when ingress is isolated or allowed, {@code Egress}
 * when egress is ({@code allowEgress}, {@code allowDnsEgress}, {@code defaultDenyEgress}); with neither, Kubernetes'
 * own default {@code Ingress}. Rules add up: a Pod may receive what any rule allows.
 *
 * <h2>Wiring</h2>
 * Peers from {@link Kube#podsOf(HasMetadata)} take the workload's Pod labels; a workload in another namespace also gets
 * a {@code namespaceSelector} on {@code kubernetes.io/metadata.name}. An unset namespace becomes the isolated
 * workload's. {@code build()} runs the shared validator on the policy together with the workloads it was given, so a
 * named port must be a container port of the Pods it applies to (the isolated workload's for ingress, a same-namespace
 * {@code podsOf} peer's for egress), rule {@code network-policy-named-port-missing}.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class NetworkPolicyDef extends AbstractNamespacedDef<NetworkPolicyDef, NetworkPolicy, NetworkPolicyBuilder> {

    private record Rule(NetworkPeerDef peer, List<NetworkPortDef> ports) {
    }

    private record State(Map<String, String> podSelector, HasMetadata target, boolean isolateIngress,
                         boolean isolateEgress, List<Rule> ingress, List<Rule> egress) {

        State withRule(boolean isIngress, Rule rule) {
            List<Rule> in = new ArrayList<>(ingress);
            List<Rule> out = new ArrayList<>(egress);
            (isIngress ? in : out).add(rule);
            return new State(podSelector, target, isolateIngress, isolateEgress, List.copyOf(in), List.copyOf(out));
        }
    }

    private static final State EMPTY = new State(null, null, false, false, List.of(), List.of());

    private final State state;

    private NetworkPolicyDef(String name, Ops<NetworkPolicy> ops, Ops<NetworkPolicyBuilder> hatches, State state) {
        super(name, ops, hatches);
        this.state = state;
    }

    static NetworkPolicyDef of(String name) {
        return new NetworkPolicyDef(Checks.dns1123Subdomain(name, "NetworkPolicy name"), Ops.empty(), Ops.empty(),
                EMPTY);
    }

    @Override
    NetworkPolicyDef with(Ops<NetworkPolicy> ops, Ops<NetworkPolicyBuilder> hatches) {
        return new NetworkPolicyDef(name, ops, hatches, state);
    }

    private NetworkPolicyDef with(State s) {
        return new NetworkPolicyDef(name, ops, hatches, s);
    }

    @Override
    NetworkPolicy newDraft() {
        NetworkPolicy np = new NetworkPolicy();
        np.setMetadata(Meta.named(name));
        np.setSpec(new NetworkPolicySpec());
        return np;
    }

    @Override
    NetworkPolicyBuilder toBuilder(NetworkPolicy np) {
        return new NetworkPolicyBuilder(np);
    }

    @Override
    NetworkPolicy fromBuilder(NetworkPolicyBuilder b) {
        return b.build();
    }

    @Override
    void afterTypedSetters(NetworkPolicy np) {
        if (np.getSpec() == null) {
            np.setSpec(new NetworkPolicySpec());
        }
        NetworkPolicySpec spec = np.getSpec();
        String namespace = np.getMetadata().getNamespace();
        spec.setPodSelector(state.podSelector == null ? new LabelSelector() : Defaults.selector(state.podSelector));
        List<String> types = new ArrayList<>();
        if (state.isolateIngress || !state.ingress.isEmpty()) {
            types.add("Ingress");
        }
        if (state.isolateEgress || !state.egress.isEmpty()) {
            types.add("Egress");
        }
        spec.setPolicyTypes(types);
        for (Rule r : state.ingress) {
            NetworkPolicyIngressRule rule = new NetworkPolicyIngressRule();
            rule.setFrom(peers(r, namespace));
            rule.setPorts(ports(r));
            spec.getIngress().add(rule);
        }
        for (Rule r : state.egress) {
            NetworkPolicyEgressRule rule = new NetworkPolicyEgressRule();
            rule.setTo(peers(r, namespace));
            rule.setPorts(ports(r));
            spec.getEgress().add(rule);
        }
    }

    private static List<NetworkPolicyPeer> peers(Rule r, String namespace) {
        return r.peer.isAnywhere() ? new ArrayList<>() : new ArrayList<>(List.of(r.peer.toPeer(namespace)));
    }

    private static List<NetworkPolicyPort> ports(Rule r) {
        return new ArrayList<>(r.ports.stream().map(NetworkPortDef::toPort).toList());
    }

    @Override
    void applyDefaults(NetworkPolicy np) {
        Meta.recommendedLabels(np.getMetadata(), np.getMetadata().getName());
        if (np.getSpec() != null && (np.getSpec().getPolicyTypes() == null || np.getSpec().getPolicyTypes().isEmpty())) {
            np.getSpec().setPolicyTypes(new ArrayList<>(List.of("Ingress")));
        }
    }

    /**
     * Selects a workload's Pods ({@code spec.podSelector} from its selector labels) and isolates them for ingress:
     * from now on only the traffic an {@code allowIngress} rule names may reach them. An unset namespace becomes the
     * workload's. Named ports of {@code allowIngress} rules are checked against its containers by {@code build()}.
     *
     * @param workload a built Deployment, StatefulSet, DaemonSet, ReplicaSet or Pod; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     * @throws IllegalArgumentException if the workload has no selector labels
     */
    public NetworkPolicyDef isolate(HasMetadata workload) {
        Map<String, String> labels = ServiceDef.selectorOf(Checks.notNull(workload, "workload"));
        String namespace = workload.getMetadata().getNamespace();
        NetworkPolicyDef next = new NetworkPolicyDef(name, ops.then(np -> {
            if (np.getMetadata().getNamespace() == null) {
                np.getMetadata().setNamespace(namespace);
            }
        }), hatches, state);
        return next.with(new State(new LinkedHashMap<>(labels), workload, true, state.isolateEgress, state.ingress,
                state.egress));
    }

    /**
     * Selects the Pods with this label ({@code spec.podSelector.matchLabels}), for Pods not built with this DSL; call
     * it again to require more labels. Named ports are then not checked.
     *
     * @param key   a label key; must not be {@code null}
     * @param value a label value; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public NetworkPolicyDef podSelector(String key, String value) {
        Checks.labelKey(key, "podSelector key");
        Checks.labelValue(value, "podSelector value of " + Checks.quoted(key));
        Map<String, String> labels = new LinkedHashMap<>(state.podSelector == null ? Map.of() : state.podSelector);
        labels.put(key, value);
        return with(new State(labels, state.target, state.isolateIngress, state.isolateEgress, state.ingress,
                state.egress));
    }

    /**
     * Denies all ingress and egress traffic of the selected Pods (all Pods of the namespace unless
     * {@link #isolate(HasMetadata)} or {@link #podSelector(String, String)} narrows it), except what the allow rules
     * name: {@code policyTypes: [Ingress, Egress]}.
     *
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public NetworkPolicyDef defaultDeny() {
        return defaultDenyIngress().defaultDenyEgress();
    }

    /**
     * Denies all ingress traffic of the selected Pods except what {@code allowIngress} rules name
     * ({@code policyTypes} includes {@code Ingress}).
     *
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public NetworkPolicyDef defaultDenyIngress() {
        return with(new State(state.podSelector, state.target, true, state.isolateEgress, state.ingress,
                state.egress));
    }

    /**
     * Denies all egress traffic of the selected Pods except what {@code allowEgress} rules name ({@code policyTypes}
     * includes {@code Egress}). Pods then cannot resolve DNS names unless {@link #allowDnsEgress()} allows it.
     *
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public NetworkPolicyDef defaultDenyEgress() {
        return with(new State(state.podSelector, state.target, state.isolateIngress, true, state.ingress,
                state.egress));
    }

    /**
     * Allows traffic from a peer to the selected Pods ({@code spec.ingress[]}), on the given ports or, without ports,
     * on every port. Named ports are container port names of the selected Pods.
     *
     * @param from  the sources, e.g. {@code podsOf(gateway)} or {@code cidr("10.0.0.0/8")}; must not be {@code null}
     * @param ports the allowed ports, e.g. {@code tcp("http")}; none {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public NetworkPolicyDef allowIngress(NetworkPeerDef from, NetworkPortDef... ports) {
        return with(state.withRule(true, rule(Checks.notNull(from, "from"), ports)));
    }

    /**
     * Allows traffic from the selected Pods to a peer ({@code spec.egress[]}), on the given ports or, without ports,
     * on every port. Named ports are container port names of the peer's Pods.
     *
     * @param to    the destinations, e.g. {@code podsOf(db)} or {@code cidr("0.0.0.0/0")}; must not be {@code null}
     * @param ports the allowed ports, e.g. {@code tcp(5432)}; none {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public NetworkPolicyDef allowEgress(NetworkPeerDef to, NetworkPortDef... ports) {
        return with(state.withRule(false, rule(Checks.notNull(to, "to"), ports)));
    }

    /**
     * Allows DNS lookups: egress to the cluster DNS Pods ({@code k8s-app: kube-dns} in namespace {@code kube-system},
     * which both kube-dns and CoreDNS use) on UDP and TCP port 53.
     *
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public NetworkPolicyDef allowDnsEgress() {
        NetworkPeerDef dns = NetworkPeerDef.pods(Map.of("k8s-app", "kube-dns"),
                Map.of(NetworkPeerDef.NAMESPACE_NAME, "kube-system"), "cluster DNS");
        return allowEgress(dns, NetworkPortDef.number(Protocol.UDP, 53), NetworkPortDef.number(Protocol.TCP, 53));
    }

    private static Rule rule(NetworkPeerDef peer, NetworkPortDef[] ports) {
        Checks.noNulls(ports, "ports");
        return new Rule(peer, List.of(ports));
    }

    /**
     * The shared validator's findings about this policy, in a set with the workloads it was given (the isolated one,
     * {@code podsOf} peers), in strict mode, so a named port those workloads' containers do not declare is an error
     * ({@code network-policy-named-port-missing}).
     */
    @Override
    void validate(NetworkPolicy np) {
        Map<ResourceRef, HasMetadata> set = new LinkedHashMap<>();
        set.put(ResourceRef.of(np), np);
        if (state.target != null) {
            set.put(ResourceRef.of(state.target), state.target);
        }
        Stream.concat(state.ingress.stream(), state.egress.stream()).map(r -> r.peer.workload())
                .filter(Objects::nonNull).forEach(w -> set.putIfAbsent(ResourceRef.of(w), w));
        if (set.size() == 1) {
            super.validate(np);
            return;
        }
        ResourceRef self = ResourceRef.of(np);
        DslRules.throwIfAny(DslRules.STRICT.validateAll(set.values())
                .violations().stream().filter(v -> v.resource().equals(self)).toList());
    }
}
