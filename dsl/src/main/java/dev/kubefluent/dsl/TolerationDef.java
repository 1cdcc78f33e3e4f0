package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.util.function.Consumer;

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
    private final Ops<TolerationBuilder> hatches;

    private TolerationDef(String key, String operator, String value, TaintEffect effect, Long seconds,
            Ops<TolerationBuilder> hatches) {
        this.key = key;
        this.operator = operator;
        this.value = value;
        this.effect = effect;
        this.seconds = seconds;
        this.hatches = hatches;
    }

    static TolerationDef of(String key) {
        return new TolerationDef(Checks.labelKey(key, "toleration key"), "Exists", null, null, null, Ops.empty());
    }

    /**
     * Tolerates the taint whatever its value ({@code operator: Exists}); this is the default.
     *
     * @return a new toleration with operator Exists
     */
    public TolerationDef exists() {
        return new TolerationDef(key, "Exists", null, effect, seconds, hatches);
    }

    /**
     * Tolerates the taint only with this value ({@code operator: Equal}).
     *
     * @param value a label value; must not be {@code null}
     * @return a new toleration with operator Equal
     */
    public TolerationDef equalTo(String value) {
        return new TolerationDef(key, "Equal", Checks.labelValue(value, "toleration value"), effect, seconds,
                hatches);
    }

    /**
     * Tolerates only taints with this {@code effect} (default: all effects).
     *
     * @param effect the effect; must not be {@code null}
     * @return a new toleration for the effect
     */
    public TolerationDef effect(TaintEffect effect) {
        return new TolerationDef(key, operator, value, Checks.notNull(effect, "effect"), seconds, hatches);
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
                Checks.notNegative(seconds, "tolerationSeconds"), hatches);
    }

    /**
     * Edits the toleration with fabric8's builder, for a field this DSL does not cover. It runs after every typed
     * setter, and what it sets is kept.
     *
     * <pre>{@code
     * toleration("node.kubernetes.io/unreachable").customize(t -> t.withOperator("Exists").withEffect("NoExecute"))
     * }</pre>
     *
     * @param edit the edit; must not be {@code null}
     * @return a new toleration with the edit
     */
    public TolerationDef customize(Consumer<TolerationBuilder> edit) {
        Checks.notNull(edit, "customize");
        return new TolerationDef(key, operator, value, effect, seconds, hatches.then(edit));
    }

    Toleration toToleration() {
        return hatches.edit(new Toleration(effect == null ? null : effect.value(), key, operator, seconds, value),
                TolerationBuilder::new, TolerationBuilder::build);
    }

    /** @return e.g. {@code dedicated=web:NoSchedule} */
    @Override
    public String toString() {
        return key + (value != null ? "=" + value : " exists") + (effect != null ? ":" + effect.value() : "")
                + (seconds != null ? " for " + seconds + "s" : "");
    }
}
