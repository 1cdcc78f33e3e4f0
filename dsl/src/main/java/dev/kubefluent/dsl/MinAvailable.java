package dev.kubefluent.dsl;

/**
 * A PodDisruptionBudget's {@code minAvailable}: how many Pods must stay available during voluntary disruptions, as a
 * count or a percentage. Create it with {@link Kube#minAvailable(int)} or {@link Kube#minAvailable(String)}.
 *
 * @param count   the count, or {@code null} for a percentage
 * @param percent the percentage such as {@code 50%}, or {@code null} for a count
 * @since 0.1.0
 */
public record MinAvailable(Integer count, String percent) {

    /**
     * Checks that exactly one of count and percent is given and well-formed.
     *
     * @throws IllegalArgumentException if not
     */
    public MinAvailable {
        if ((count == null) == (percent == null)) {
            throw new IllegalArgumentException("minAvailable needs exactly one of a count and a percentage but was: "
                    + count + " and " + Checks.quoted(percent));
        }
        if (count != null) {
            Checks.notNegative(count, "minAvailable");
        } else {
            Checks.percent(percent, "minAvailable");
        }
    }

    /** @return the value as written in a manifest, e.g. {@code 50%} or {@code 2} */
    @Override
    public String toString() {
        return count != null ? count.toString() : percent;
    }
}
