package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/**
 * A {@code v1} ServiceAccount under construction: the identity a workload's Pods run as. Immutable: every method
 * returns a new builder, and each {@link #build()} returns fresh fabric8 objects.
 *
 * <pre>{@code
 * ServiceAccount sa = serviceAccount("web").namespace("shop").automountToken(false).build();
 * deployment("web").namespace("shop").serviceAccount(sa)...
 * roleBinding("web-reads-config").role(reader).serviceAccount(sa).build();
 * }</pre>
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class ServiceAccountDef extends AbstractNamespacedDef<ServiceAccountDef, ServiceAccount, ServiceAccountBuilder> {

    private ServiceAccountDef(String name, Ops<ServiceAccount> ops, Ops<ServiceAccountBuilder> hatches) {
        super(name, ops, hatches);
    }

    static ServiceAccountDef of(String name) {
        return new ServiceAccountDef(Checks.dns1123Subdomain(name, "ServiceAccount name"), Ops.empty(), Ops.empty());
    }

    @Override
    ServiceAccountDef with(Ops<ServiceAccount> ops, Ops<ServiceAccountBuilder> hatches) {
        return new ServiceAccountDef(name, ops, hatches);
    }

    @Override
    ServiceAccount newDraft() {
        ServiceAccount s = new ServiceAccount();
        s.setMetadata(Meta.named(name));
        return s;
    }

    @Override
    ServiceAccountBuilder toBuilder(ServiceAccount s) {
        return new ServiceAccountBuilder(s);
    }

    @Override
    ServiceAccount fromBuilder(ServiceAccountBuilder b) {
        return b.build();
    }

    @Override
    void applyDefaults(ServiceAccount s) {
        Meta.recommendedLabels(s.getMetadata(), s.getMetadata().getName());
    }

    /**
     * Sets {@code automountServiceAccountToken}: {@code false} keeps the API token out of Pods that do not call the
     * Kubernetes API (Kubernetes default: mounted).
     *
     * @param automount whether Pods get the token
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ServiceAccountDef automountToken(boolean automount) {
        return then(s -> s.setAutomountServiceAccountToken(automount));
    }

    /**
     * Adds an {@code imagePullSecrets[]} entry that every Pod using this account inherits.
     *
     * @param secretName the docker-registry Secret's name; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ServiceAccountDef imagePullSecret(String secretName) {
        Checks.dns1123Subdomain(secretName, "imagePullSecret");
        return then(s -> s.getImagePullSecrets().add(new LocalObjectReference(secretName)));
    }
}
