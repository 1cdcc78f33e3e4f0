package dev.kubefluent.core.validate;

/**
 * How serious a {@link Violation} is.
 *
 * @since 0.1.0
 */
public enum Severity {
    /** The manifest is wrong: the API server would reject it, or a chosen policy forbids it. */
    ERROR,
    /** The manifest is accepted but probably not what was meant. */
    WARNING
}
