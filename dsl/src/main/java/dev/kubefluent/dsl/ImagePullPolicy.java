package dev.kubefluent.dsl;

/**
 * A container's {@code imagePullPolicy}: when the kubelet pulls the image.
 *
 * @since 0.1.0
 */
public enum ImagePullPolicy {
    /** Pull on every start. */
    ALWAYS("Always"),
    /** Pull only if the image is not on the node yet. */
    IF_NOT_PRESENT("IfNotPresent"),
    /** Never pull; the image must be on the node. */
    NEVER("Never");

    private final String value;

    ImagePullPolicy(String value) {
        this.value = value;
    }

    /** @return the value as written in a manifest, e.g. {@code IfNotPresent} */
    public String value() {
        return value;
    }
}
