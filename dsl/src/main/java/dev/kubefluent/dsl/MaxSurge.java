package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * A Deployment's {@code spec.strategy.rollingUpdate.maxSurge}: how many Pods a rolling update may create above the desired replica count, as a count or a percentage.
 * Create it with {@link Kube#maxSurge(int)} or {@link Kube#maxSurge(String)}.
 *
 * @param count   the count, or {@code null} for a percentage
 * @param percent the percentage such as {@code 25%}, or {@code null} for a count
 * @since 0.1.0
 */
public record MaxSurge(Integer count, String percent) {

    /**
     * Checks that exactly one of count and percent is given and well-formed.
     *
     * @throws IllegalArgumentException if not
     */
    public MaxSurge {
        if ((count == null) == (percent == null)) {
            throw new IllegalArgumentException("maxSurge needs exactly one of a count and a percentage but was: "
                    + count + " and " + Checks.quoted(percent));
        }
        if (count != null) {
            Checks.notNegative(count, "maxSurge");
        } else {
            Checks.percent(percent, "maxSurge");
        }
    }

    IntOrString toIntOrString() {
        return count != null ? new IntOrString(count) : new IntOrString(percent);
    }

    /** @return the value as written in a manifest, e.g. {@code 25%} or {@code 1} */
    @Override
    public String toString() {
        return count != null ? count.toString() : percent;
    }
}
