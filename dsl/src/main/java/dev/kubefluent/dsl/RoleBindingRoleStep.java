package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;

/**
 * The required next step after {@link Kube#roleBinding(String)}: the role it grants. Taking the role object, not its
 * name, makes a binding to a missing role impossible by construction.
 *
 * <p>A step is meant for chaining, not for a variable.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class RoleBindingRoleStep {

    private final String name;

    RoleBindingRoleStep(String name) {
        this.name = name;
    }

    /**
     * Grants a Role of the binding's namespace ({@code roleRef.kind: Role}); the binding takes the Role's namespace.
     *
     * @param role a built Role; must not be {@code null}
     * @return the binding, for its subjects
     */
    public RoleBindingDef role(Role role) {
        return RoleBindingDef.of(name, "Role", Refs.name(role, "role"), role.getMetadata().getNamespace());
    }

    /**
     * Grants a ClusterRole's permissions inside the binding's namespace only ({@code roleRef.kind: ClusterRole}).
     *
     * @param clusterRole a built ClusterRole; must not be {@code null}
     * @return the binding, for its subjects
     */
    public RoleBindingDef clusterRole(ClusterRole clusterRole) {
        return RoleBindingDef.of(name, "ClusterRole", Refs.name(clusterRole, "clusterRole"), null);
    }
}
