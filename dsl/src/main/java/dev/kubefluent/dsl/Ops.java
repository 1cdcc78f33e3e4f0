package dev.kubefluent.dsl;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A persistent (immutable, shared-tail) list of edits, replayed in call order. Adding an edit is O(1) and leaves the
 * original list unchanged, which is what makes every DSL builder reusable as a base.
 */
final class Ops<T> {

    private static final Ops<Object> EMPTY = new Ops<>(null, null, 0);

    private final Ops<T> prev;
    private final Consumer<? super T> op;
    private final int size;

    private Ops(Ops<T> prev, Consumer<? super T> op, int size) {
        this.prev = prev;
        this.op = op;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <T> Ops<T> empty() {
        return (Ops<T>) EMPTY;
    }

    Ops<T> then(Consumer<? super T> next) {
        return new Ops<>(this, next, size + 1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    @SuppressWarnings("unchecked")
    void applyTo(T target) {
        Consumer<? super T>[] all = new Consumer[size];
        Ops<T> o = this;
        for (int i = size - 1; i >= 0; i--) {
            all[i] = o.op;
            o = o.prev;
        }
        for (Consumer<? super T> c : all) {
            c.accept(target);
        }
    }

    /**
     * Runs these edits, an escape hatch of fabric8 builder edits, on a copy of {@code object} made through its
     * builder; returns {@code object} itself when there is no edit.
     */
    <R> R edit(R object, Function<R, T> toBuilder, Function<T, R> build) {
        if (isEmpty()) {
            return object;
        }
        T builder = toBuilder.apply(object);
        applyTo(builder);
        return build.apply(builder);
    }
}
