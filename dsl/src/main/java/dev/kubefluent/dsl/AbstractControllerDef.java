package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code apps/v1} controller with a label selector (Deployment, StatefulSet, DaemonSet): the selector defaults to
 * the stable {@code app.kubernetes.io/name} label of the Pod template.
 *
 * @param <SELF> the public builder type
 * @param <R>    the fabric8 resource it builds
 * @param <B>    the fabric8 builder of the escape hatch
 */
abstract class AbstractControllerDef<SELF extends AbstractControllerDef<SELF, R, B>, R extends HasMetadata, B>
        extends AbstractTemplateDef<SELF, R, B> {

    AbstractControllerDef(String name, Ops<R> ops, Ops<B> hatches, SecurityProfile profile) {
        super(name, ops, hatches, profile);
    }

    abstract LabelSelector selector(R resource);

    abstract void selector(R resource, LabelSelector selector);

    abstract void minReadySeconds(R resource, int seconds);

    abstract void revisionHistoryLimit(R resource, int limit);

    @Override
    final Map<String, String> ownPodSelector(R r) {
        LabelSelector sel = selector(r);
        boolean noExpressions = sel == null || sel.getMatchExpressions() == null || sel.getMatchExpressions().isEmpty();
        boolean empty = noExpressions && (sel == null || sel.getMatchLabels() == null || sel.getMatchLabels().isEmpty());
        if (empty) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(Meta.NAME, Meta.labels(podMeta(r)).get(Meta.NAME));
            selector(r, Defaults.selector(labels));
            return labels;
        }
        return noExpressions ? sel.getMatchLabels() : null;
    }

    /**
     * Adds a label to both the selector ({@code spec.selector.matchLabels}) and the Pod template, replacing the
     * default selector. Choose stable labels only: the selector cannot change after creation.
     *
     * @param key   a qualified name; must not be {@code null}
     * @param value a label value; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF selectorLabel(String key, String value) {
        Checks.labelKey(key, "selector key");
        Checks.labelValue(value, "selector value of " + Checks.quoted(key));
        return then(r -> {
            LabelSelector sel = selector(r);
            if (sel == null) {
                sel = new LabelSelector();
                selector(r, sel);
            }
            if (sel.getMatchLabels() == null) {
                sel.setMatchLabels(new LinkedHashMap<>());
            }
            sel.getMatchLabels().put(key, value);
            Meta.labels(podMeta(r)).put(key, value);
        });
    }

    /**
     * Sets {@code spec.minReadySeconds}: how long a new Pod must be ready before it counts as available.
     *
     * @param seconds zero or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF minReadySeconds(int seconds) {
        Checks.notNegative(seconds, "minReadySeconds");
        return then(r -> minReadySeconds(r, seconds));
    }

    /**
     * Sets {@code spec.revisionHistoryLimit}: how many old revisions to keep for rollback (Kubernetes default 10).
     *
     * @param limit zero or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SELF revisionHistoryLimit(int limit) {
        Checks.notNegative(limit, "revisionHistoryLimit");
        return then(r -> revisionHistoryLimit(r, limit));
    }
}
