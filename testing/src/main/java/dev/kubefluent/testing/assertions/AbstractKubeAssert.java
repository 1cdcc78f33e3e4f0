package dev.kubefluent.testing.assertions;

import org.assertj.core.api.AbstractAssert;

/**
 * The base of every Kubefluent assertion: it lets an assertion reached by navigation ({@code container("web")},
 * {@code deployment("web")}) take part in the same {@link KubeSoftAssertions} as the assertion it came from.
 *
 * @param <SELF>   the assertion's own type
 * @param <ACTUAL> the type of the object under test
 * @since 0.1.0
 */
public abstract class AbstractKubeAssert<SELF extends AbstractKubeAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractAssert<SELF, ACTUAL> {

    /** The soft assertions this assertion was created by, {@code null} for a hard assertion. */
    KubeSoftAssertions softly;

    /**
     * {@code true} for an assertion reached by a navigation step that already failed softly: its assertions do
     * nothing, because the missing object is reported once, by the step.
     */
    boolean skipped;

    /**
     * Creates an assertion.
     *
     * @param actual   the object under test, may be {@code null}
     * @param selfType the assertion's own class; must not be {@code null}
     */
    protected AbstractKubeAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Throws, or collects when soft, the error of a navigation step; returns whether the caller should go on. */
    final boolean navigationFailed(AssertionError error) {
        if (softly == null) {
            throw error;
        }
        softly.collectAssertionError(error);
        return true;
    }

    /** Creates the assertion a navigation step leads to: a soft proxy when this assertion is soft. */
    final <A extends AbstractKubeAssert<A, T>, T> A child(Class<A> assertType, Class<T> actualType, T value,
            java.util.function.Function<T, A> hard) {
        A child = softly == null ? hard.apply(value) : softly.proxy(assertType, actualType, value);
        child.softly = softly;
        return child;
    }

    /** Creates an assertion for a navigation step that failed softly: it checks nothing, the failure is recorded. */
    final <A extends AbstractKubeAssert<A, T>, T> A skippedChild(Class<A> assertType, Class<T> actualType) {
        A child = softly.proxy(assertType, actualType, null);
        child.softly = softly;
        child.skipped = true;
        return child;
    }
}
