package dev.kubefluent.core.validate;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** Short descriptions of other resources inside messages. */
final class ResourceRefs {

    private ResourceRefs() {
    }

    static String show(HasMetadata r) {
        return ResourceRef.of(r).toString();
    }
}
