package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.function.Consumer;

/**
 * One Service port ({@code spec.ports[]}) with every option: name, target port, protocol, node port and application
 * protocol. Immutable. For the common cases {@link ServiceDef#port(int, String)} and its overloads are shorter.
 *
 * <pre>{@code
 * service("web").type(ServiceType.NODE_PORT).port(servicePort(80).name("http").targetPort("http").nodePort(30080))
 * }</pre>
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class ServicePortDef {

    private final int port;
    private final String name;
    private final Object target;
    private final Protocol protocol;
    private final Integer nodePort;
    private final String appProtocol;
    private final Ops<ServicePortBuilder> hatches;

    private ServicePortDef(int port, String name, Object target, Protocol protocol, Integer nodePort,
            String appProtocol, Ops<ServicePortBuilder> hatches) {
        this.port = port;
        this.name = name;
        this.target = target;
        this.protocol = protocol;
        this.nodePort = nodePort;
        this.appProtocol = appProtocol;
        this.hatches = hatches;
    }

    static ServicePortDef of(int port) {
        return new ServicePortDef(Checks.port(port, "port"), null, null, null, null, null, Ops.empty());
    }

    /**
     * Names the Service port ({@code name}); required when a Service has several ports.
     *
     * @param name a DNS-1123 label; must not be {@code null}
     * @return a new port with the name
     */
    public ServicePortDef name(String name) {
        return new ServicePortDef(port, Checks.dns1123Label(name, "Service port name"), target, protocol, nodePort,
                appProtocol, hatches);
    }

    /**
     * Targets a named container port ({@code targetPort}).
     *
     * @param portName an IANA service name, e.g. {@code http}; must not be {@code null}
     * @return a new port with the target
     */
    public ServicePortDef targetPort(String portName) {
        return new ServicePortDef(port, name, Checks.portName(portName, "targetPort"), protocol, nodePort,
                appProtocol, hatches);
    }

    /**
     * Targets a container port by number ({@code targetPort}); without it the target is the port itself.
     *
     * @param containerPort 1 to 65535
     * @return a new port with the target
     */
    public ServicePortDef targetPort(int containerPort) {
        return new ServicePortDef(port, name, Checks.port(containerPort, "targetPort"), protocol, nodePort,
                appProtocol, hatches);
    }

    /**
     * Sets the {@code protocol} (Kubernetes default TCP).
     *
     * @param protocol the protocol; must not be {@code null}
     * @return a new port with the protocol
     */
    public ServicePortDef protocol(Protocol protocol) {
        return new ServicePortDef(port, name, target, Checks.notNull(protocol, "protocol"), nodePort, appProtocol,
                hatches);
    }

    /**
     * Sets the {@code nodePort} of a NodePort or LoadBalancer Service (default: allocated by the cluster).
     *
     * @param nodePort 1 to 65535, usually 30000 to 32767
     * @return a new port with the node port
     */
    public ServicePortDef nodePort(int nodePort) {
        return new ServicePortDef(port, name, target, protocol, Checks.port(nodePort, "nodePort"), appProtocol,
                hatches);
    }

    /**
     * Sets the {@code appProtocol}, e.g. {@code http}, {@code kubernetes.io/h2c}.
     *
     * @param appProtocol a qualified name; must not be {@code null}
     * @return a new port with the application protocol
     */
    public ServicePortDef appProtocol(String appProtocol) {
        return new ServicePortDef(port, name, target, protocol, nodePort,
                Checks.labelKey(appProtocol, "appProtocol"), hatches);
    }

    /**
     * Edits the Service port with fabric8's builder, for a field this DSL does not cover. It runs after every typed
     * setter, and what it sets is kept (the Service's defaults only fill fields that are still unset).
     *
     * <pre>{@code
     * servicePort(80).name("http").customize(p -> p.withAppProtocol("kubernetes.io/h2c"))
     * }</pre>
     *
     * @param edit the edit; must not be {@code null}
     * @return a new port with the edit
     */
    public ServicePortDef customize(Consumer<ServicePortBuilder> edit) {
        Checks.notNull(edit, "customize");
        return new ServicePortDef(port, name, target, protocol, nodePort, appProtocol, hatches.then(edit));
    }

    ServicePort toServicePort() {
        ServicePort p = new ServicePort();
        p.setName(name);
        p.setPort(port);
        p.setTargetPort(target == null ? null : new IntOrString(target));
        p.setProtocol(protocol == null ? null : protocol.value());
        p.setNodePort(nodePort);
        p.setAppProtocol(appProtocol);
        return hatches.edit(p, ServicePortBuilder::new, ServicePortBuilder::build);
    }

    /** @return e.g. {@code http 80 -> http} */
    @Override
    public String toString() {
        return (name != null ? name + " " : "") + port + (target != null ? " -> " + target : "")
                + (protocol != null ? "/" + protocol.value() : "") + (nodePort != null ? " nodePort " + nodePort : "");
    }
}
