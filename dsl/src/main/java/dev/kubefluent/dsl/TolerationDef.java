package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.Toleration;

/**
 * A toleration of node taints ({@code spec.tolerations[]}). Immutable. Create it with {@link Kube#toleration(String)}.
 *
 * <pre>{@code
 * deployment("gpu-worker").toleration(toleration("nvidia.com/gpu").exists().effect(TaintEffect.NO_SCHEDULE))
 * deployment("web").toleration(toleration("dedicated").equalTo("web"))
 * }</pre>
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class TolerationDef {

    private final String key;
    private final String operator;
    private final String value;
    private final TaintEffect effect;
    private final Long seconds;

    private TolerationDef(String key, String operator, String value, TaintEffect effect, Long seconds) {
        this.key = key;
        this.operator = operator;
        this.value = value;
        this.effect = effect;
        this.seconds = seconds;
    }

    static TolerationDef of(String key) {
        return new TolerationDef(Checks.labelKey(key, "toleration key"), "Exists", null, null, null);
    }

    /**
     * Tolerates the taint whatever its value ({@code operator: Exists}); this is the default.
     *
     * @return a new toleration with operator Exists
     */
    public TolerationDef exists() {
        return new TolerationDef(key, "Exists", null, effect, seconds);
    }

    /**
     * Tolerates the taint only with this value ({@code operator: Equal}).
     *
     * @param value a label value; must not be {@code null}
     * @return a new toleration with operator Equal
     */
    public TolerationDef equalTo(String value) {
        return new TolerationDef(key, "Equal", Checks.labelValue(value, "toleration value"), effect, seconds);
    }

    /**
     * Tolerates only taints with this {@code effect} (default: all effects).
     *
     * @param effect the effect; must not be {@code null}
     * @return a new toleration for the effect
     */
    public TolerationDef effect(TaintEffect effect) {
        return new TolerationDef(key, operator, value, Checks.notNull(effect, "effect"), seconds);
    }

    /**
     * Keeps the Pod on a node with a {@code NoExecute} taint for this long ({@code tolerationSeconds}); sets the
     * effect to {@code NoExecute}, the only effect it applies to.
     *
     * @param seconds zero or more
     * @return a new toleration with the time limit
     */
    public TolerationDef forSeconds(long seconds) {
        return new TolerationDef(key, operator, value, TaintEffect.NO_EXECUTE,
                Checks.notNegative(seconds, "tolerationSeconds"));
    }

    Toleration toToleration() {
        return new Toleration(effect == null ? null : effect.value(), key, operator, seconds, value);
    }

    /** @return e.g. {@code dedicated=web:NoSchedule} */
    @Override
    public String toString() {
        return key + (value != null ? "=" + value : " exists") + (effect != null ? ":" + effect.value() : "")
                + (seconds != null ? " for " + seconds + "s" : "");
    }
}
