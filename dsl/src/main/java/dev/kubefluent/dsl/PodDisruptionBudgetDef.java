package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code policy/v1} PodDisruptionBudget under construction: how many of a workload's Pods voluntary disruptions
 * (node drains, upgrades) may take down at once. Immutable: every method returns a new builder.
 *
 * <pre>{@code
 * PodDisruptionBudget pdb = podDisruptionBudget(web).maxUnavailable(1).build();
 * }</pre>
 *
 * <p>The name, namespace and selector come from the workload, so the budget always selects its Pods.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class PodDisruptionBudgetDef
        extends AbstractNamespacedDef<PodDisruptionBudgetDef, PodDisruptionBudget, PodDisruptionBudgetBuilder> {

    private PodDisruptionBudgetDef(String name, Ops<PodDisruptionBudget> ops, Ops<PodDisruptionBudgetBuilder> hatches) {
        super(name, ops, hatches);
    }

    static PodDisruptionBudgetDef of(HasMetadata workload, boolean maxUnavailable, IntOrString budget) {
        String name = Refs.name(workload, "workload");
        String namespace = workload.getMetadata().getNamespace();
        Map<String, String> selector = ServiceDef.selectorOf(workload);
        return new PodDisruptionBudgetDef(name, Ops.<PodDisruptionBudget>empty().then(p -> {
            p.getMetadata().setNamespace(namespace);
            PodDisruptionBudgetSpec spec = new PodDisruptionBudgetSpec();
            spec.setSelector(Defaults.selector(new LinkedHashMap<>(selector)));
            IntOrString value = budget.getIntVal() != null ? new IntOrString(budget.getIntVal())
                    : new IntOrString(budget.getStrVal());
            if (maxUnavailable) {
                spec.setMaxUnavailable(value);
            } else {
                spec.setMinAvailable(value);
            }
            p.setSpec(spec);
        }), Ops.empty());
    }

    @Override
    PodDisruptionBudgetDef with(Ops<PodDisruptionBudget> ops, Ops<PodDisruptionBudgetBuilder> hatches) {
        return new PodDisruptionBudgetDef(name, ops, hatches);
    }

    @Override
    PodDisruptionBudget newDraft() {
        PodDisruptionBudget p = new PodDisruptionBudget();
        p.setMetadata(Meta.named(name));
        return p;
    }

    @Override
    PodDisruptionBudgetBuilder toBuilder(PodDisruptionBudget p) {
        return new PodDisruptionBudgetBuilder(p);
    }

    @Override
    PodDisruptionBudget fromBuilder(PodDisruptionBudgetBuilder b) {
        return b.build();
    }

    @Override
    void applyDefaults(PodDisruptionBudget p) {
        Meta.recommendedLabels(p.getMetadata(), p.getMetadata().getName());
    }
}
