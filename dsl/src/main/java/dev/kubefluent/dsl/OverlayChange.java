package dev.kubefluent.dsl;

import dev.kubefluent.core.ResourceRef;

/**
 * One field an {@link OverlayDef} changed: which resource, the field path, and the value before and after, as written
 * in a manifest. An overlay never touches a Secret's data, so a change never carries a Secret value.
 *
 * @param resource the changed resource; never {@code null}
 * @param path     the field path, e.g. {@code spec.template.spec.containers[0].image}; never {@code null}
 * @param oldValue the value before, or {@code null} if the field was unset
 * @param newValue the value after; never {@code null}
 * @since 0.1.0
 */
public record OverlayChange(ResourceRef resource, String path, String oldValue, String newValue) {

    /** @return e.g. {@code Deployment shop/web spec.replicas: 3 -> 5}, with {@code <unset>} for a field not set before */
    @Override
    public String toString() {
        return resource.kind() + " " + resource.qualifiedName() + " " + path + ": "
                + (oldValue == null ? "<unset>" : oldValue) + " -> " + newValue;
    }
}
