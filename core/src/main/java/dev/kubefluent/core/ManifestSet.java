package dev.kubefluent.core;

import dev.kubefluent.core.validate.ValidationReport;
import dev.kubefluent.core.validate.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An immutable, ordered set of Kubernetes manifests (fabric8 model objects).
 *
 * <p>SKELETON: rendering and parsing are being written (issue #2).
 *
 * @since 0.1.0
 */
public final class ManifestSet {

    private final List<HasMetadata> resources;

    private ManifestSet(List<HasMetadata> resources) {
        this.resources = List.copyOf(resources);
    }

    /**
     * Creates a set of the given resources.
     *
     * @param resources the manifests
     * @return the set
     */
    public static ManifestSet of(HasMetadata... resources) {
        return new ManifestSet(Arrays.asList(resources));
    }

    /**
     * Creates a set of the given resources.
     *
     * @param resources the manifests
     * @return the set
     */
    public static ManifestSet of(Collection<? extends HasMetadata> resources) {
        return new ManifestSet(List.copyOf(resources));
    }

    /** @return the resources */
    public List<HasMetadata> resources() {
        return resources;
    }

    /**
     * Validates the set with the default validator.
     *
     * @return the report
     */
    public ValidationReport validationReport() {
        return Validator.defaults().validate(this);
    }
}
