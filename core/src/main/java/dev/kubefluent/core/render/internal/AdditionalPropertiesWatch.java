package dev.kubefluent.core.render.internal;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.AnyGetterWriter;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.BeanSerializerBuilder;
import tools.jackson.databind.ser.ValueSerializerModifier;
import tools.jackson.databind.util.TokenBuffer;

/**
 * A Jackson module that only watches: while {@link #watch(boolean[])} is on for the current thread, it notes whether
 * any model object being serialized has entries in its {@code additionalProperties}. It never changes what is
 * written.
 *
 * <p>Why: fabric8 writes an entry of {@code additionalProperties} <em>instead of</em> a declared field of the same
 * name, so the typed getters of such an object can disagree with its serialized form. Kubefluent validates the
 * caller's objects in place of decoded copies only when they cannot disagree (see {@code ManifestSet.of}).
 *
 * <p>Not API.
 */
final class AdditionalPropertiesWatch extends SimpleModule {

    private static final long serialVersionUID = 1L;

    private static final ThreadLocal<boolean[]> SEEN = new ThreadLocal<>();

    AdditionalPropertiesWatch() {
        super("kubefluent-additional-properties-watch");
        setSerializerModifier(new WatchingModifier());
    }

    /**
     * Starts (or, with {@code null}, stops) noting into {@code seen[0]} on this thread.
     *
     * @param seen the flag to set, or {@code null} to stop
     */
    static void watch(boolean[] seen) {
        if (seen == null) {
            SEEN.remove();
        } else {
            SEEN.set(seen);
        }
    }

    /**
     * A token buffer that carries the flag of the watch, so that a bean serialized into it needs no thread-local
     * lookup. Beans written to any other generator (a wrapper, say) fall back to {@link #watch(boolean[])}'s flag.
     */
    static final class WatchedBuffer extends TokenBuffer {

        private final boolean[] seen;

        /**
         * @param ctxt the serialization context, as in {@code SerializationContext.bufferForValueConversion()}
         * @param seen the flag to set
         */
        WatchedBuffer(ObjectWriteContext ctxt, boolean[] seen) {
            super(ctxt, false);
            this.seen = seen;
        }
    }

    /** Wraps one declared property of every bean that has an any-getter, so each such bean is looked at once. */
    private static final class WatchingModifier extends ValueSerializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public BeanSerializerBuilder updateBuilder(SerializationConfig config, BeanDescription.Supplier beanDesc,
                                                   BeanSerializerBuilder builder) {
            AnnotatedMember anyGetter = beanDesc.get().findAnyGetter();
            List<BeanPropertyWriter> props = builder.getProperties();
            if (anyGetter == null || props == null) {
                return builder;
            }
            for (int i = 0; i < props.size(); i++) {
                BeanPropertyWriter p = props.get(i);
                if (!(p instanceof AnyGetterWriter)) {
                    List<BeanPropertyWriter> changed = new ArrayList<>(props);
                    changed.set(i, new Watching(p, anyGetter));
                    builder.setProperties(changed);
                    break;
                }
            }
            // A bean without a declared property has no field that an additionalProperties entry could replace.
            return builder;
        }
    }

    /** Delegates everything to the wrapped writer; looks at the bean's additionalProperties first. */
    private static final class Watching extends BeanPropertyWriter {

        private static final long serialVersionUID = 1L;

        private final BeanPropertyWriter delegate;
        private final transient Function<Object, Object> anyGetter;

        Watching(BeanPropertyWriter delegate, AnnotatedMember anyGetter) {
            super(delegate);
            this.delegate = delegate;
            this.anyGetter = accessor(anyGetter);
        }

        @Override
        public void serializeAsProperty(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
            boolean[] seen = gen instanceof WatchedBuffer w ? w.seen : SEEN.get();
            if (seen != null && !seen[0]) {
                try {
                    seen[0] = anyGetter.apply(bean) instanceof Map<?, ?> m && !m.isEmpty();
                } catch (RuntimeException e) {
                    seen[0] = true;   // unreadable: assume the worst
                }
            }
            delegate.serializeAsProperty(bean, gen, ctxt);
        }

        /**
         * A fast accessor for the any-getter: a lambda bound to the public getter when there is one (reflection
         * through {@link AnnotatedMember#getValue} costs several times as much per call), else the member itself.
         */
        private static Function<Object, Object> accessor(AnnotatedMember anyGetter) {
            if (anyGetter.getMember() instanceof Method m && Modifier.isPublic(m.getModifiers())
                    && Modifier.isPublic(m.getDeclaringClass().getModifiers()) && m.getParameterCount() == 0
                    && !Modifier.isStatic(m.getModifiers())) {
                try {
                    MethodHandles.Lookup lookup = MethodHandles.lookup();
                    MethodHandle target = lookup.unreflect(m);
                    @SuppressWarnings("unchecked")
                    Function<Object, Object> f = (Function<Object, Object>) LambdaMetafactory.metafactory(lookup,
                            "apply", MethodType.methodType(Function.class), MethodType.methodType(Object.class,
                                    Object.class), target, MethodType.methodType(m.getReturnType(),
                                    m.getDeclaringClass())).getTarget().invokeExact();
                    return f;
                } catch (Throwable e) {
                    // fall through to reflection
                }
            }
            return anyGetter::getValue;
        }

        @Override
        public void assignSerializer(ValueSerializer<Object> ser) {
            delegate.assignSerializer(ser);
        }

        @Override
        public void assignNullSerializer(ValueSerializer<Object> nullSer) {
            delegate.assignNullSerializer(nullSer);
        }

        @Override
        public void assignTypeSerializer(TypeSerializer typeSer) {
            delegate.assignTypeSerializer(typeSer);
        }
    }
}
