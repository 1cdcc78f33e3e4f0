package dev.kubefluent.dsl;

/**
 * A Service's {@code spec.type}. A headless Service is a ClusterIP Service with {@code clusterIP: None}: see {@link ServiceDef#headless()}.
 *
 * @since 0.1.0
 */
public enum ServiceType {
    /** A virtual IP inside the cluster (the Kubernetes default). */
    CLUSTER_IP("ClusterIP"),
    /** A ClusterIP plus a port on every node. */
    NODE_PORT("NodePort"),
    /** A NodePort plus an external load balancer from the cloud provider. */
    LOAD_BALANCER("LoadBalancer");

    private final String value;

    ServiceType(String value) {
        this.value = value;
    }

    /** @return the value as written in a manifest, e.g. {@code NodePort} */
    public String value() {
        return value;
    }
}
