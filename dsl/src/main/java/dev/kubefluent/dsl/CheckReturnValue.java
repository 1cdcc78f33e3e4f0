package dev.kubefluent.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks types whose methods return a new value that must be used: every DSL builder is immutable, so a dropped result
 * (a forgotten {@code build()} or a setter whose result is ignored) is a bug. Static analysers such as Error Prone
 * match the annotation by its simple name, as jOOQ's own {@code @CheckReturnValue} does.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
@interface CheckReturnValue {
}
