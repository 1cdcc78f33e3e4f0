package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;

/**
 * An {@code rbac.authorization.k8s.io/v1} Role under construction: permissions inside one namespace. Immutable:
 * every method returns a new builder, and each {@link #build()} returns fresh fabric8 objects.
 *
 * <pre>{@code
 * Role reader = role("reader").namespace("shop").allow("get", "list", "watch").on("pods", "configmaps").build();
 * }</pre>
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class RoleDef extends AbstractNamespacedDef<RoleDef, Role, RoleBuilder> {

    private RoleDef(String name, Ops<Role> ops, Ops<RoleBuilder> hatches) {
        super(name, ops, hatches);
    }

    static RoleDef of(String name) {
        return new RoleDef(Checks.pathSegment(name, "Role name"), Ops.empty(), Ops.empty());
    }

    @Override
    RoleDef with(Ops<Role> ops, Ops<RoleBuilder> hatches) {
        return new RoleDef(name, ops, hatches);
    }

    @Override
    Role newDraft() {
        Role r = new Role();
        r.setMetadata(Meta.named(name));
        return r;
    }

    @Override
    RoleBuilder toBuilder(Role r) {
        return new RoleBuilder(r);
    }

    @Override
    Role fromBuilder(RoleBuilder b) {
        return b.build();
    }

    @Override
    void applyDefaults(Role r) {
        Meta.recommendedLabels(r.getMetadata(), r.getMetadata().getName());
    }

    /**
     * Starts a rule ({@code rules[]}) granting these verbs; the next call names the resources.
     *
     * @param verbs one or more of {@code get list watch create update patch delete deletecollection} (or
     *              {@code *}); none {@code null}
     * @return the step that takes the resources
     */
    public PolicyRuleStep<RoleDef> allow(String... verbs) {
        List<String> v = Checks.verbs(verbs);
        return new PolicyRuleStep<>(v, rule -> then(r -> r.getRules().add(new PolicyRuleBuilder(rule).build())));
    }
}
