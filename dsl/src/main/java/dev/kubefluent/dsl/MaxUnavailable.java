package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * A Deployment's {@code spec.strategy.rollingUpdate.maxUnavailable}: how many Pods may be unavailable during a rolling update, as a count or a percentage.
 * Create it with {@link Kube#maxUnavailable(int)} or {@link Kube#maxUnavailable(String)}.
 *
 * @param count   the count, or {@code null} for a percentage
 * @param percent the percentage such as {@code 25%}, or {@code null} for a count
 * @since 0.1.0
 */
public record MaxUnavailable(Integer count, String percent) {

    /**
     * Checks that exactly one of count and percent is given and well-formed.
     *
     * @throws IllegalArgumentException if not
     */
    public MaxUnavailable {
        if ((count == null) == (percent == null)) {
            throw new IllegalArgumentException("maxUnavailable needs exactly one of a count and a percentage but was: "
                    + count + " and " + Checks.quoted(percent));
        }
        if (count != null) {
            Checks.notNegative(count, "maxUnavailable");
        } else {
            Checks.percent(percent, "maxUnavailable");
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
