package dev.kubefluent.core.render.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the strict reader expects at each place of a manifest, learnt from the fabric8 model classes: the JSON name
 * and Java type of every property, read from the {@code @JsonProperty} annotations the model generator puts on every
 * field. Results are cached per class.
 *
 * <p>Not API.
 */
final class ModelTypes {

    /** The shapes a value can have. */
    enum Shape {
        STRING, INT32, INT64, BOOLEAN, NUMBER, INT_OR_STRING, QUANTITY, ANY, OBJECT, MAP, LIST
    }

    /** An expected type: a shape, plus the class of an object, or the element type of a map or list. */
    record Expected(Shape shape, ModelClass model, Expected element) {

        static final Expected STRING = new Expected(Shape.STRING, null, null);
        static final Expected INT32 = new Expected(Shape.INT32, null, null);
        static final Expected INT64 = new Expected(Shape.INT64, null, null);
        static final Expected BOOLEAN = new Expected(Shape.BOOLEAN, null, null);
        static final Expected NUMBER = new Expected(Shape.NUMBER, null, null);
        static final Expected INT_OR_STRING = new Expected(Shape.INT_OR_STRING, null, null);
        static final Expected QUANTITY = new Expected(Shape.QUANTITY, null, null);
        static final Expected ANY = new Expected(Shape.ANY, null, null);
    }

    /** One model class: its properties by JSON name; {@code open} if it accepts any other field. */
    static final class ModelClass {
        final Class<?> type;
        final boolean open;
        private final Map<String, Type> propertyTypes;
        private final Map<String, Expected> resolved = new ConcurrentHashMap<>();

        ModelClass(Class<?> type, boolean open, Map<String, Type> propertyTypes) {
            this.type = type;
            this.open = open;
            this.propertyTypes = propertyTypes;
        }

        /** @return the JSON names of the properties */
        Collection<String> names() {
            return propertyTypes.keySet();
        }

        /** @return the expected type of a property, or {@code null} if the class has no such property */
        Expected property(String name) {
            Expected e = resolved.get(name);
            if (e == null) {
                Type t = propertyTypes.get(name);
                if (t == null) {
                    return null;
                }
                e = expected(t);
                resolved.put(name, e);
            }
            return e;
        }

        String simpleName() {
            return type.getSimpleName();
        }
    }

    private static final Map<Class<?>, ModelClass> CLASSES = new ConcurrentHashMap<>();

    private ModelTypes() {
    }

    /**
     * Returns what a model class looks like.
     *
     * @param type a fabric8 model class
     * @return its properties
     */
    static ModelClass of(Class<?> type) {
        ModelClass m = CLASSES.get(type);
        if (m == null) {
            m = introspect(type);
            CLASSES.putIfAbsent(type, m);
        }
        return m;
    }

    private static ModelClass introspect(Class<?> type) {
        Map<String, Type> properties = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                JsonProperty p = f.getAnnotation(JsonProperty.class);
                if (p == null) {
                    continue;
                }
                String name = p.value().isEmpty() ? f.getName() : p.value();
                properties.putIfAbsent(name, f.getGenericType());
            }
        }
        boolean open = GenericKubernetesResource.class.isAssignableFrom(type);
        return new ModelClass(type, open, Collections.unmodifiableMap(properties));
    }

    /** Maps a Java type of a model property to what YAML must hold there. */
    static Expected expected(Type t) {
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw) && args.length == 2) {
                return new Expected(Shape.MAP, null, expected(args[1]));
            }
            if (Collection.class.isAssignableFrom(raw) && args.length == 1) {
                return new Expected(Shape.LIST, null, expected(args[0]));
            }
            return Expected.ANY;
        }
        if (t instanceof WildcardType w && w.getUpperBounds().length == 1) {
            return expected(w.getUpperBounds()[0]);
        }
        if (!(t instanceof Class<?> c)) {
            return Expected.ANY;
        }
        if (c == String.class || c.isEnum()) {
            return Expected.STRING;
        }
        if (c == Integer.class || c == int.class || c == Short.class || c == short.class) {
            return Expected.INT32;
        }
        if (c == Long.class || c == long.class || c == BigInteger.class) {
            return Expected.INT64;
        }
        if (c == Boolean.class || c == boolean.class) {
            return Expected.BOOLEAN;
        }
        if (c == Double.class || c == double.class || c == Float.class || c == float.class || c == BigDecimal.class
                || c == Number.class) {
            return Expected.NUMBER;
        }
        if (c == IntOrString.class) {
            return Expected.INT_OR_STRING;
        }
        if (c == Quantity.class) {
            return Expected.QUANTITY;
        }
        if (Map.class.isAssignableFrom(c) || Collection.class.isAssignableFrom(c) || c.isInterface()
                || c == Object.class || !KubernetesResource.class.isAssignableFrom(c)) {
            // raw collections, polymorphic resources and special wire types are left to fabric8's own deserializers
            return Expected.ANY;
        }
        ModelClass model = of(c);
        if (model.names().isEmpty()) {
            return Expected.ANY;
        }
        return new Expected(Shape.OBJECT, model, null);
    }
}
