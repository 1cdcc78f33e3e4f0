package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPort;
import java.util.function.Consumer;

/**
 * One path of an Ingress rule and the Service port it routes to, from {@code path("/api").to(service, "http")}.
 * Immutable.
 *
 * @since 0.1.0
 */
public final class IngressPathDef {

    private final String path;
    private final String pathType;
    private final String serviceName;
    private final String portName;
    private final Integer portNumber;
    private final Service service;
    private final Ops<HTTPIngressPathBuilder> hatches;

    private IngressPathDef(String path, String pathType, String serviceName, String portName, Integer portNumber,
            Service service, Ops<HTTPIngressPathBuilder> hatches) {
        this.path = path;
        this.pathType = pathType;
        this.serviceName = serviceName;
        this.portName = portName;
        this.portNumber = portNumber;
        this.service = service;
        this.hatches = hatches;
    }

    /** A backend without a path: for a default backend, or as the target half of a path. */
    static IngressPathDef backend(Service service, String portName, Integer portNumber) {
        String name = Refs.name(service, "service");
        if (portName != null) {
            Checks.portName(portName, "service port name");
        } else {
            Checks.port(Checks.notNull(portNumber, "service port"), "service port");
        }
        return new IngressPathDef(null, null, name, portName, portNumber, new ServiceBuilder(service).build(),
                Ops.empty());
    }

    /** This backend at a path. */
    IngressPathDef at(String path, String pathType) {
        return new IngressPathDef(path, pathType, serviceName, portName, portNumber, service, hatches);
    }

    /**
     * Edits the path with fabric8's builder, for a field this DSL does not cover. It runs after every typed setter,
     * and what it sets is kept; the Ingress's {@code build()} validates the result, and the validation of the whole
     * set checks a backend it changed against the Services there.
     *
     * <pre>{@code
     * path("/api").to(api, "http").customize(p -> p.withPathType("ImplementationSpecific"))
     * }</pre>
     *
     * @param edit the edit; must not be {@code null}
     * @return a new path with the edit
     */
    @CheckReturnValue
    public IngressPathDef customize(Consumer<HTTPIngressPathBuilder> edit) {
        Checks.notNull(edit, "customize");
        return new IngressPathDef(path, pathType, serviceName, portName, portNumber, service, hatches.then(edit));
    }

    Service service() {
        return service;
    }

    String namespace() {
        return service.getMetadata().getNamespace();
    }

    IngressBackend toBackend() {
        ServiceBackendPort port = new ServiceBackendPort();
        port.setName(portName);
        port.setNumber(portNumber);
        IngressServiceBackend svc = new IngressServiceBackend();
        svc.setName(serviceName);
        svc.setPort(port);
        IngressBackend b = new IngressBackend();
        b.setService(svc);
        return b;
    }

    HTTPIngressPath toPath() {
        HTTPIngressPath p = new HTTPIngressPath();
        p.setPath(path);
        p.setPathType(pathType);
        p.setBackend(toBackend());
        return hatches.edit(p, HTTPIngressPathBuilder::new, HTTPIngressPathBuilder::build);
    }

    /** @return the path as written in a manifest, e.g. {@code /api (Prefix) -> web:http} */
    @Override
    public String toString() {
        return path + " (" + pathType + ") -> " + serviceName + ":" + (portName != null ? portName : portNumber);
    }
}
