package dev.kubefluent.core.render.internal;

import dev.kubefluent.core.KubefluentException;
import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * The one fabric8 {@link KubernetesSerialization} Kubefluent uses to turn model objects into trees and back. Model
 * objects are never given to any other (Jackson 2 or bare Jackson 3) mapper: only fabric8's mapper knows how
 * {@code IntOrString}, {@code Quantity} and the other special types look on the wire.
 *
 * <p>Not API.
 */
public final class Fabric8 {

    /** Thread-safe; created once. */
    public static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Fabric8() {
    }

    /**
     * Serializes a model object to its wire form as maps, lists and scalars.
     *
     * @param resource the object
     * @return a fresh tree
     * @throws KubefluentException if fabric8 cannot serialize it
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toTree(HasMetadata resource) {
        try {
            return SERIALIZATION.convertValue(resource, Map.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new KubefluentException(ResourceRef.of(resource) + ": cannot be serialized by fabric8: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Turns a tree back into a model object of the given class.
     *
     * @param tree the wire form
     * @param type the model class
     * @param <T>  the model type
     * @return a fresh object
     */
    public static <T extends HasMetadata> T fromTree(Map<String, Object> tree, Class<T> type) {
        return SERIALIZATION.convertValue(tree, type);
    }
}
