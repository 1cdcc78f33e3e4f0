package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.Service;

/**
 * The required next step after {@link Kube#path(String)}: the Service port the path routes to, and optionally how the
 * path matches ({@code pathType}, default {@code Prefix}).
 *
 * <p>A step is meant for chaining, not for a variable.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class IngressPathStep {

    private final String path;
    private final String pathType;

    IngressPathStep(String path, String pathType) {
        this.path = path;
        this.pathType = pathType;
    }

    /**
     * Matches the request path exactly ({@code pathType: Exact}), e.g. {@code /login} but not {@code /login/}.
     *
     * @return the step, for its backend
     */
    public IngressPathStep exact() {
        return new IngressPathStep(path, "Exact");
    }

    /**
     * Matches on {@code /}-separated path elements ({@code pathType: Prefix}, the default): {@code /api} matches
     * {@code /api} and {@code /api/orders} but not {@code /apis}.
     *
     * @return the step, for its backend
     */
    public IngressPathStep prefix() {
        return new IngressPathStep(path, "Prefix");
    }

    /**
     * Leaves the matching to the IngressClass ({@code pathType: ImplementationSpecific}), e.g. for a regular
     * expression that an nginx controller understands.
     *
     * @return the step, for its backend
     */
    public IngressPathStep implementationSpecific() {
        return new IngressPathStep(path, "ImplementationSpecific");
    }

    /**
     * Routes the path to the Service port with this name. {@code build()} checks that the Service has such a port.
     *
     * @param service  a built Service; must not be {@code null}
     * @param portName the name of one of its ports, e.g. {@code http}; must not be {@code null}
     * @return the path, for {@link IngressDef#rule(String, IngressPathDef...)}
     */
    public IngressPathDef to(Service service, String portName) {
        return IngressPathDef.backend(service, portName, null).at(path, pathType);
    }

    /**
     * Routes the path to the Service port with this number. {@code build()} checks that the Service has such a port.
     *
     * @param service a built Service; must not be {@code null}
     * @param port    one of its port numbers (its {@code port}, not a targetPort), 1 to 65535
     * @return the path, for {@link IngressDef#rule(String, IngressPathDef...)}
     */
    public IngressPathDef to(Service service, int port) {
        return IngressPathDef.backend(service, null, port).at(path, pathType);
    }
}
