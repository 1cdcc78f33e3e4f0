package dev.kubefluent.dsl;

/**
 * A Pod's {@code spec.restartPolicy}: what the kubelet does when a container exits.
 *
 * @since 0.1.0
 */
public enum RestartPolicy {
    /** Always restart (the Kubernetes default; the only value Deployments accept). */
    ALWAYS("Always"),
    /** Restart only after a non-zero exit. */
    ON_FAILURE("OnFailure"),
    /** Never restart; for one-off Pods such as migrations. */
    NEVER("Never");

    private final String value;

    RestartPolicy(String value) {
        this.value = value;
    }

    /** @return the value as written in a manifest, e.g. {@code Never} */
    public String value() {
        return value;
    }
}
