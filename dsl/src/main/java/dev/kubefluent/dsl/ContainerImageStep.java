package dev.kubefluent.dsl;

/**
 * The required next step after {@link Kube#container(String)}: a container must have an image.
 *
 * <p>A step is meant for chaining, not for a variable.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class ContainerImageStep {

    private final String name;

    ContainerImageStep(String name) {
        this.name = name;
    }

    /**
     * Sets the container's {@code image}.
     *
     * @param image an image reference such as {@code ghcr.io/acme/web:1.4.2}; must not be {@code null}
     * @return the container, for its optional settings
     * @throws IllegalArgumentException if the reference is malformed
     */
    public ContainerDef image(String image) {
        return ContainerDef.of(name, Checks.image(image));
    }
}
