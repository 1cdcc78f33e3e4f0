package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPort;

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

    private IngressPathDef(String path, String pathType, String serviceName, String portName, Integer portNumber,
            Service service) {
        this.path = path;
        this.pathType = pathType;
        this.serviceName = serviceName;
        this.portName = portName;
        this.portNumber = portNumber;
        this.service = service;
    }

    /** A backend without a path: for a default backend, or as the target half of a path. */
    static IngressPathDef backend(Service service, String portName, Integer portNumber) {
        String name = Refs.name(service, "service");
        if (portName != null) {
            Checks.portName(portName, "service port name");
        } else {
            Checks.port(Checks.notNull(portNumber, "service port"), "service port");
        }
        return new IngressPathDef(null, null, name, portName, portNumber, new ServiceBuilder(service).build());
    }

    /** This backend at a path. */
    IngressPathDef at(String path, String pathType) {
        return new IngressPathDef(path, pathType, serviceName, portName, portNumber, service);
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
        return p;
    }

    /** @return the path as written in a manifest, e.g. {@code /api (Prefix) -> web:http} */
    @Override
    public String toString() {
        return path + " (" + pathType + ") -> " + serviceName + ":" + (portName != null ? portName : portNumber);
    }
}
