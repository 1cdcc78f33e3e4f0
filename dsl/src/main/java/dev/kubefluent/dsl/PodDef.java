package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bare {@code v1} Pod under construction, e.g. a one-off migration. Immutable: every method returns a new builder,
 * and each {@link #build()} returns fresh fabric8 objects.
 *
 * <pre>{@code
 * Pod once = pod("migrate").namespace("shop")
 *     .container(container("migrate").image("ghcr.io/acme/migrate:1.4.2").command("./migrate", "--all"))
 *     .restartPolicy(RestartPolicy.NEVER)
 *     .build();
 * }</pre>
 *
 * <p>Defaults and validation are those of {@link DeploymentDef}: recommended labels on the Pod, the
 * {@link SecurityProfile}, one exception listing every violation.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class PodDef extends AbstractPodDef<PodDef, Pod, PodBuilder> {

    private PodDef(String name, Ops<Pod> ops, Ops<PodBuilder> hatches, SecurityProfile profile) {
        super(name, ops, hatches, profile);
    }

    static PodDef of(String name) {
        return new PodDef(Checks.dns1123Subdomain(name, "Pod name"), Ops.empty(), Ops.empty(), null);
    }

    @Override
    PodDef copy(Ops<Pod> ops, Ops<PodBuilder> hatches, SecurityProfile profile) {
        return new PodDef(name, ops, hatches, profile);
    }

    @Override
    Pod newDraft() {
        Pod p = new Pod();
        p.setMetadata(Meta.named(name));
        p.setSpec(new PodSpec());
        return p;
    }

    @Override
    ObjectMeta podMeta(Pod p) {
        if (p.getMetadata() == null) {
            p.setMetadata(new ObjectMeta());
        }
        return p.getMetadata();
    }

    @Override
    PodSpec podSpec(Pod p) {
        if (p.getSpec() == null) {
            p.setSpec(new PodSpec());
        }
        return p.getSpec();
    }

    @Override
    PodBuilder toBuilder(Pod p) {
        return new PodBuilder(p);
    }

    @Override
    Pod fromBuilder(PodBuilder b) {
        return b.build();
    }

    @Override
    Map<String, String> ownPodSelector(Pod p) {
        Map<String, String> own = new LinkedHashMap<>();
        own.put(Meta.NAME, Meta.labels(p.getMetadata()).get(Meta.NAME));
        return own;
    }

    /**
     * Sets {@code spec.restartPolicy} (Kubernetes default Always).
     *
     * @param policy the policy; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public PodDef restartPolicy(RestartPolicy policy) {
        Checks.notNull(policy, "restartPolicy");
        return onPodSpec(s -> s.setRestartPolicy(policy.value()));
    }
}
