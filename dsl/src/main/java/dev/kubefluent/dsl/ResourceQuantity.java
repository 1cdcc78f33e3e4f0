package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * An amount of one compute resource, for a container's {@code resources.requests} or {@code resources.limits}.
 * Create it with {@link Kube#cpu(String)}, {@link Kube#memory(String)}, {@link Kube#ephemeralStorage(String)} or
 * {@link Kube#resource(String, String)}, which check the name and the amount.
 *
 * @param name   the resource name, e.g. {@code cpu}, {@code memory} or {@code nvidia.com/gpu}
 * @param amount the quantity as written in a manifest, e.g. {@code 250m} or {@code 512Mi}
 * @since 0.1.0
 */
public record ResourceQuantity(String name, String amount) {

    /**
     * Checks the name and the amount.
     *
     * @throws IllegalArgumentException if the name is not a qualified name or the amount not a quantity
     */
    public ResourceQuantity {
        Checks.labelKey(name, "resource name");
        Checks.quantity(amount, name, "\"1\", \"250m\" or \"512Mi\"");
    }

    Quantity toQuantity() {
        return new Quantity(amount);
    }

    /** @return {@code name=amount}, e.g. {@code cpu=250m} */
    @Override
    public String toString() {
        return name + "=" + amount;
    }
}
