package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;

/**
 * An {@code rbac.authorization.k8s.io/v1} ClusterRoleBinding under construction: grants a ClusterRole in every
 * namespace. Immutable: every method returns a new builder.
 *
 * <pre>{@code
 * clusterRoleBinding("agent-reads-nodes", nodeReader).serviceAccount(agentAccount).build();
 * }</pre>
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class ClusterRoleBindingDef
        extends AbstractObjectDef<ClusterRoleBindingDef, ClusterRoleBinding, ClusterRoleBindingBuilder> {

    private ClusterRoleBindingDef(String name, Ops<ClusterRoleBinding> ops, Ops<ClusterRoleBindingBuilder> hatches) {
        super(name, ops, hatches);
    }

    static ClusterRoleBindingDef of(String name, ClusterRole role) {
        String roleName = Refs.name(role, "clusterRole");
        return new ClusterRoleBindingDef(Checks.pathSegment(name, "ClusterRoleBinding name"),
                Ops.<ClusterRoleBinding>empty().then(b -> b.setRoleRef(
                        new RoleRef("rbac.authorization.k8s.io", "ClusterRole", roleName))), Ops.empty());
    }

    @Override
    ClusterRoleBindingDef with(Ops<ClusterRoleBinding> ops, Ops<ClusterRoleBindingBuilder> hatches) {
        return new ClusterRoleBindingDef(name, ops, hatches);
    }

    @Override
    ClusterRoleBinding newDraft() {
        ClusterRoleBinding b = new ClusterRoleBinding();
        b.setMetadata(Meta.named(name));
        return b;
    }

    @Override
    ClusterRoleBindingBuilder toBuilder(ClusterRoleBinding b) {
        return new ClusterRoleBindingBuilder(b);
    }

    @Override
    ClusterRoleBinding fromBuilder(ClusterRoleBindingBuilder b) {
        return b.build();
    }

    @Override
    void applyDefaults(ClusterRoleBinding b) {
        Meta.recommendedLabels(b.getMetadata(), b.getMetadata().getName());
    }

    /**
     * Adds a ServiceAccount subject; its namespace is required here.
     *
     * @param serviceAccount a built ServiceAccount with a namespace; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     * @throws IllegalArgumentException if the account has no namespace
     */
    public ClusterRoleBindingDef serviceAccount(ServiceAccount serviceAccount) {
        Subject s = Subjects.serviceAccount(serviceAccount, true);
        return then(b -> b.getSubjects().add(Subjects.copy(s)));
    }

    /**
     * Adds a user subject.
     *
     * @param user the user name; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ClusterRoleBindingDef user(String user) {
        Subject s = Subjects.named("User", user);
        return then(b -> b.getSubjects().add(Subjects.copy(s)));
    }

    /**
     * Adds a group subject.
     *
     * @param group the group name; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ClusterRoleBindingDef group(String group) {
        Subject s = Subjects.named("Group", group);
        return then(b -> b.getSubjects().add(Subjects.copy(s)));
    }
}
