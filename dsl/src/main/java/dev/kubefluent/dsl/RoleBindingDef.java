package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;

/**
 * An {@code rbac.authorization.k8s.io/v1} RoleBinding under construction: grants a Role (or a ClusterRole, inside
 * this namespace) to ServiceAccounts, users or groups. Immutable: every method returns a new builder.
 *
 * <pre>{@code
 * Role reader = role("reader").namespace("shop").allow("get", "list", "watch").on("configmaps").build();
 * ServiceAccount sa = serviceAccount("web").namespace("shop").build();
 * RoleBinding binding = roleBinding("web-reader").role(reader).serviceAccount(sa).build();
 * }</pre>
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class RoleBindingDef extends AbstractNamespacedDef<RoleBindingDef, RoleBinding, RoleBindingBuilder> {

    private RoleBindingDef(String name, Ops<RoleBinding> ops, Ops<RoleBindingBuilder> hatches) {
        super(name, ops, hatches);
    }

    static RoleBindingDef of(String name, String kind, String roleName, String namespace) {
        return new RoleBindingDef(name, Ops.<RoleBinding>empty().then(b -> {
            b.setRoleRef(new RoleRef("rbac.authorization.k8s.io", kind, roleName));
            b.getMetadata().setNamespace(namespace);
        }), Ops.empty());
    }

    @Override
    RoleBindingDef with(Ops<RoleBinding> ops, Ops<RoleBindingBuilder> hatches) {
        return new RoleBindingDef(name, ops, hatches);
    }

    @Override
    RoleBinding newDraft() {
        RoleBinding b = new RoleBinding();
        b.setMetadata(Meta.named(name));
        return b;
    }

    @Override
    RoleBindingBuilder toBuilder(RoleBinding b) {
        return new RoleBindingBuilder(b);
    }

    @Override
    RoleBinding fromBuilder(RoleBindingBuilder b) {
        return b.build();
    }

    @Override
    void applyDefaults(RoleBinding b) {
        Meta.recommendedLabels(b.getMetadata(), b.getMetadata().getName());
    }

    /**
     * Adds a ServiceAccount subject ({@code subjects[]}, kind ServiceAccount) with the account's namespace.
     *
     * @param serviceAccount a built ServiceAccount; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public RoleBindingDef serviceAccount(ServiceAccount serviceAccount) {
        Subject s = Subjects.serviceAccount(serviceAccount, false);
        return then(b -> b.getSubjects().add(Subjects.copy(s)));
    }

    /**
     * Adds a user subject ({@code subjects[]}, kind User).
     *
     * @param user the user name as the authenticator reports it; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public RoleBindingDef user(String user) {
        Subject s = Subjects.named("User", user);
        return then(b -> b.getSubjects().add(Subjects.copy(s)));
    }

    /**
     * Adds a group subject ({@code subjects[]}, kind Group).
     *
     * @param group the group name; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public RoleBindingDef group(String group) {
        Subject s = Subjects.named("Group", group);
        return then(b -> b.getSubjects().add(Subjects.copy(s)));
    }
}
