package dev.kubefluent.core.render.internal;

import dev.kubefluent.core.KubefluentException;
import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.model.jackson.Jackson2JdkTypesModule;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.SerializationContextExt;
import tools.jackson.databind.util.TokenBuffer;

/**
 * The one fabric8 {@link KubernetesSerialization} Kubefluent uses to turn model objects into trees and back. Model
 * objects are never given to any other (Jackson 2 or bare Jackson 3) mapper: only fabric8's mapper knows how
 * {@code IntOrString}, {@code Quantity} and the other special types look on the wire.
 *
 * <p>Not API.
 */
public final class Fabric8 {

    private static final Serialization FABRIC8 = new Serialization();

    /**
     * Thread-safe; created once. It is fabric8's default serialization (the mapper of
     * {@code new KubernetesSerialization()}) plus a module that only watches for {@code additionalProperties} while
     * {@link #toCanonicalTree(HasMetadata, boolean[])} asks it to.
     */
    public static final KubernetesSerialization SERIALIZATION = FABRIC8;

    /**
     * Whether fabric8's mapper reads numbers into a map as {@link Canonicalizer#canonicalResource(JsonParser,
     * boolean[])} assumes (the Jackson defaults); if not, {@link #toCanonicalTree} takes the two-step path.
     */
    private static final boolean DEFAULT_NUMBER_READING = !FABRIC8.mapper.isEnabled(
            DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            && !FABRIC8.mapper.isEnabled(DeserializationFeature.USE_LONG_FOR_INTS)
            && !FABRIC8.mapper.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            && !FABRIC8.mapper.isEnabled(DeserializationFeature.USE_JAVA_ARRAY_FOR_JSON_ARRAY)
            && !FABRIC8.mapper.isEnabled(SerializationFeature.WRAP_ROOT_VALUE);

    /** fabric8's serialization, keeping a reference to the mapper that fabric8 configured. */
    private static final class Serialization extends KubernetesSerialization {

        /** Set from the super constructor, through {@link #configureMapper}; hence no initializer. */
        private ObjectMapper mapper;

        Serialization() {
            super(JsonMapper.builderWithJackson2Defaults()
                    .addModule(new Jackson2JdkTypesModule())
                    .addModule(new AdditionalPropertiesWatch())
                    .build(), true);
        }

        @Override
        protected ObjectMapper configureMapper(ObjectMapper given) {
            ObjectMapper configured = super.configureMapper(given);
            this.mapper = configured;
            return configured;
        }
    }

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
     * Serializes a model object with fabric8's serializer straight into its canonical tree: the same tree as
     * {@code Canonicalizer.canonicalResource(toTree(resource))}, without the intermediate map. It also notes whether
     * the tree may say something the object's getters do not: when an object in it has {@code additionalProperties}
     * entries (fabric8 writes such an entry in place of a declared field of the same name), or when a map of it holds
     * a {@code null} or an empty list (which the canonical tree drops).
     *
     * @param resource the object
     * @param lossy    {@code [0]} is set to {@code true} in either case; may be {@code null}
     * @return a fresh canonical tree
     * @throws KubefluentException if fabric8 cannot serialize it
     */
    public static Map<String, Object> toCanonicalTree(HasMetadata resource, boolean[] lossy) {
        boolean[] seen = lossy == null ? new boolean[1] : lossy;
        AdditionalPropertiesWatch.watch(seen);
        try {
            if (!DEFAULT_NUMBER_READING) {
                return Canonicalizer.canonicalResource(toTree(resource), seen);
            }
            SerializationContextExt ctxt = FABRIC8.mapper._serializationContext();
            TokenBuffer buffer = new AdditionalPropertiesWatch.WatchedBuffer(ctxt, seen);   // as bufferForValueConversion()
            ctxt.serializeValue(buffer, resource);
            try (JsonParser p = buffer.asParser(ObjectReadContext.empty())) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return Canonicalizer.canonicalResource(toTree(resource), seen);
                }
                return Canonicalizer.canonicalResource(p, seen);
            }
        } catch (JacksonException | IllegalArgumentException e) {
            throw new KubefluentException(ResourceRef.of(resource) + ": cannot be serialized by fabric8: "
                    + e.getMessage(), e);
        } finally {
            AdditionalPropertiesWatch.watch(null);
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
