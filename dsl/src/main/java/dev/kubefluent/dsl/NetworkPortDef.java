package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.function.Consumer;

/**
 * A port a NetworkPolicy rule allows ({@code ports[]}): a number, a range, or a container port name, with its
 * protocol. Create it with {@link Kube#tcp(int)}, {@link Kube#tcp(String)}, {@link Kube#udp(int)} or
 * {@link Kube#udp(String)}. Immutable.
 *
 * @since 0.1.0
 */
public final class NetworkPortDef {

    private final Protocol protocol;
    private final Integer number;
    private final String name;
    private final Integer endPort;
    private final Ops<NetworkPolicyPortBuilder> hatches;

    private NetworkPortDef(Protocol protocol, Integer number, String name, Integer endPort,
            Ops<NetworkPolicyPortBuilder> hatches) {
        this.protocol = protocol;
        this.number = number;
        this.name = name;
        this.endPort = endPort;
        this.hatches = hatches;
    }

    static NetworkPortDef number(Protocol protocol, int port) {
        return new NetworkPortDef(protocol, Checks.port(port, protocol.value().toLowerCase() + " port"), null, null,
                Ops.empty());
    }

    static NetworkPortDef named(Protocol protocol, String name) {
        return new NetworkPortDef(protocol, null, Checks.portName(name, protocol.value().toLowerCase() + " port"),
                null, Ops.empty());
    }

    /**
     * Widens the port to the range {@code port..endPort} ({@code endPort}).
     *
     * @param endPort the last port of the range, at least the first
     * @return the port range
     * @throws IllegalArgumentException if this port is named, or {@code endPort} is below the first port
     */
    public NetworkPortDef upTo(int endPort) {
        if (number == null) {
            throw new IllegalArgumentException("endPort may only be set with a numeric port but was: "
                    + Checks.quoted(name));
        }
        Checks.port(endPort, "endPort");
        if (endPort < number) {
            throw new IllegalArgumentException("endPort must be greater than or equal to port " + number
                    + " but was: " + endPort);
        }
        return new NetworkPortDef(protocol, number, null, endPort, hatches);
    }

    /**
     * Edits the port with fabric8's builder, for a field this DSL does not cover. It runs after every typed setter,
     * and what it sets is kept; the NetworkPolicy's {@code build()} validates the result.
     *
     * <pre>{@code
     * tcp(8000).customize(p -> p.withEndPort(8080))
     * }</pre>
     *
     * @param edit the edit; must not be {@code null}
     * @return a new port with the edit
     */
    @CheckReturnValue
    public NetworkPortDef customize(Consumer<NetworkPolicyPortBuilder> edit) {
        Checks.notNull(edit, "customize");
        return new NetworkPortDef(protocol, number, name, endPort, hatches.then(edit));
    }

    /** @return the container port name, or {@code null} for a number */
    String name() {
        return name;
    }

    NetworkPolicyPort toPort() {
        NetworkPolicyPort p = new NetworkPolicyPort();
        p.setProtocol(protocol.value());
        p.setPort(number != null ? new IntOrString(number) : new IntOrString(name));
        p.setEndPort(endPort);
        return hatches.edit(p, NetworkPolicyPortBuilder::new, NetworkPolicyPortBuilder::build);
    }

    /** @return the port as written, e.g. {@code TCP/http}, {@code UDP/53} or {@code TCP/8000-8080} */
    @Override
    public String toString() {
        return protocol.value() + "/" + (number != null ? number + (endPort != null ? "-" + endPort : "") : name);
    }
}
