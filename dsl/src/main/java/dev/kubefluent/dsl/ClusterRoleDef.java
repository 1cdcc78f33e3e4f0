package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.List;

/**
 * An {@code rbac.authorization.k8s.io/v1} ClusterRole under construction: permissions in every namespace or on
 * cluster-scoped resources. Immutable: every method returns a new builder.
 *
 * <pre>{@code
 * ClusterRole nodeReader = clusterRole("node-reader").allow("get", "list").on("nodes").build();
 * }</pre>
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class ClusterRoleDef extends AbstractObjectDef<ClusterRoleDef, ClusterRole, ClusterRoleBuilder> {

    private ClusterRoleDef(String name, Ops<ClusterRole> ops, Ops<ClusterRoleBuilder> hatches) {
        super(name, ops, hatches);
    }

    static ClusterRoleDef of(String name) {
        return new ClusterRoleDef(Checks.pathSegment(name, "ClusterRole name"), Ops.empty(), Ops.empty());
    }

    @Override
    ClusterRoleDef with(Ops<ClusterRole> ops, Ops<ClusterRoleBuilder> hatches) {
        return new ClusterRoleDef(name, ops, hatches);
    }

    @Override
    ClusterRole newDraft() {
        ClusterRole r = new ClusterRole();
        r.setMetadata(Meta.named(name));
        return r;
    }

    @Override
    ClusterRoleBuilder toBuilder(ClusterRole r) {
        return new ClusterRoleBuilder(r);
    }

    @Override
    ClusterRole fromBuilder(ClusterRoleBuilder b) {
        return b.build();
    }

    @Override
    void applyDefaults(ClusterRole r) {
        Meta.recommendedLabels(r.getMetadata(), r.getMetadata().getName());
    }

    /**
     * Starts a rule ({@code rules[]}) granting these verbs; the next call names the resources.
     *
     * @param verbs one or more verbs; none {@code null}
     * @return the step that takes the resources
     */
    public PolicyRuleStep<ClusterRoleDef> allow(String... verbs) {
        List<String> v = Checks.verbs(verbs);
        return new PolicyRuleStep<>(v, rule -> then(r -> r.getRules().add(new PolicyRuleBuilder(rule).build())));
    }
}
