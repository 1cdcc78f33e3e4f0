package dev.kubefluent.core.validate;

/**
 * Who enforces a rule. Only {@link #API_SERVER} rules are applied by the simulated cluster on write, because only
 * those would make a real API server answer 422.
 *
 * @since 0.1.0
 */
public enum RuleSource {
    /** The Kubernetes API server's own validation ({@code pkg/apis/.../validation}); a violation is a 422. */
    API_SERVER,
    /** A Pod Security Standards control (baseline or restricted), enforced by Pod Security admission when enabled. */
    POD_SECURITY,
    /** A check Kubefluent adds: cross-resource wiring and best practices that no server enforces. */
    KUBEFLUENT
}
