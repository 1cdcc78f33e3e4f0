package dev.kubefluent.dsl;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.validate.ValidationReport;
import dev.kubefluent.core.validate.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code v1} Service under construction. Immutable: every method returns a new builder, and each {@link #build()}
 * returns fresh fabric8 objects.
 *
 * <pre>{@code
 * Service svc = service("web").namespace("shop").selecting(web).port(80, "http").build();
 * }</pre>
 *
 * <h2>Ports</h2>
 * {@code port(80, "http")} exposes port 80 and forwards to the container port named {@code http}; the Service port
 * takes the target's name. {@code port(80, 8080)} forwards to a port number, {@code port("web", 80, "http")} names the
 * Service port explicitly (a Service with several ports needs a name on each), and {@link #port(ServicePortDef)} takes
 * every option.
 *
 * <h2>Defaults</h2>
 * The labels {@code app.kubernetes.io/name=<name>} and {@code app.kubernetes.io/managed-by=kubefluent} where unset.
 * The type stays unset (Kubernetes' default is ClusterIP).
 *
 * <h2>Validation</h2>
 * {@code build()} runs the shared {@link Validator}; after {@link #selecting(HasMetadata)} it also checks, with the
 * selected workload, that every named {@code targetPort} exists in its Pods (rule {@code service-target-port-missing}).
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class ServiceDef extends AbstractNamespacedDef<ServiceDef, Service, ServiceBuilder> {

    private final HasMetadata workload;

    private ServiceDef(String name, Ops<Service> ops, Ops<ServiceBuilder> hatches, HasMetadata workload) {
        super(name, ops, hatches);
        this.workload = workload;
    }

    static ServiceDef of(String name) {
        return new ServiceDef(Checks.dns1035Label(name, "Service name"), Ops.empty(), Ops.empty(), null);
    }

    @Override
    ServiceDef with(Ops<Service> ops, Ops<ServiceBuilder> hatches) {
        return new ServiceDef(name, ops, hatches, workload);
    }

    @Override
    Service newDraft() {
        Service s = new Service();
        s.setMetadata(Meta.named(name));
        s.setSpec(new ServiceSpec());
        return s;
    }

    private static ServiceSpec spec(Service s) {
        if (s.getSpec() == null) {
            s.setSpec(new ServiceSpec());
        }
        return s.getSpec();
    }

    @Override
    ServiceBuilder toBuilder(Service s) {
        return new ServiceBuilder(s);
    }

    @Override
    Service fromBuilder(ServiceBuilder b) {
        return b.build();
    }

    @Override
    void applyDefaults(Service s) {
        Meta.recommendedLabels(s.getMetadata(), s.getMetadata().getName());
    }

    @Override
    void validate(Service s) {
        if (workload == null || Wiring.alreadyWired(s, workload)) {
            super.validate(s);
            return;
        }
        ResourceRef self = ResourceRef.of(s);
        ValidationReport both = DslRules.STRICT.validateAll(List.of(s, workload));
        List<dev.kubefluent.core.validate.Violation> own = both.violations().stream()
                .filter(v -> v.resource().equals(self)).toList();
        new ValidationReport(own).throwIfErrors();
    }

    boolean selectsWorkload() {
        return workload != null;
    }

    HasMetadata selectedWorkload() {
        return workload;
    }

    /**
     * Routes to the Pods of a workload: copies its selector labels into {@code spec.selector} (a Deployment's,
     * StatefulSet's, DaemonSet's or ReplicaSet's {@code matchLabels}; a Pod's {@code app.kubernetes.io/name} label, or
     * all its labels without one). A Service selects Pods only in its own namespace, so an unset namespace becomes the
     * workload's. {@code build()} then also checks that named target ports exist in the workload.
     *
     * @param workload a built Deployment, StatefulSet, DaemonSet, ReplicaSet or Pod; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     * @throws IllegalArgumentException if the workload has no selector labels a Service can use
     */
    public ServiceDef selecting(HasMetadata workload) {
        Map<String, String> labels = selectorOf(Checks.notNull(workload, "workload"));
        String namespace = workload.getMetadata() == null ? null : workload.getMetadata().getNamespace();
        return new ServiceDef(name, ops.then(s -> {
            spec(s).setSelector(new LinkedHashMap<>(labels));
            if (s.getMetadata().getNamespace() == null) {
                s.getMetadata().setNamespace(namespace);
            }
        }), hatches, workload);
    }

    static Map<String, String> selectorOf(HasMetadata w) {
        String what = w.getKind() + " " + Checks.quoted(w.getMetadata() == null ? null : w.getMetadata().getName());
        LabelSelector sel;
        if (w instanceof Deployment d) {
            sel = d.getSpec() == null ? null : d.getSpec().getSelector();
        } else if (w instanceof StatefulSet d) {
            sel = d.getSpec() == null ? null : d.getSpec().getSelector();
        } else if (w instanceof DaemonSet d) {
            sel = d.getSpec() == null ? null : d.getSpec().getSelector();
        } else if (w instanceof ReplicaSet d) {
            sel = d.getSpec() == null ? null : d.getSpec().getSelector();
        } else if (w instanceof Pod p) {
            Map<String, String> labels = p.getMetadata() == null || p.getMetadata().getLabels() == null
                    ? Map.of() : p.getMetadata().getLabels();
            if (labels.containsKey(Meta.NAME)) {
                return Map.of(Meta.NAME, labels.get(Meta.NAME));
            }
            if (labels.isEmpty()) {
                throw new IllegalArgumentException("a Service cannot select " + what + ": it has no labels");
            }
            return Map.copyOf(labels);
        } else {
            throw new IllegalArgumentException("a Service can select a Deployment, StatefulSet, DaemonSet, ReplicaSet"
                    + " or Pod but was: " + what);
        }
        if (sel == null || sel.getMatchLabels() == null || sel.getMatchLabels().isEmpty()) {
            throw new IllegalArgumentException("a Service cannot select " + what + ": it has no spec.selector"
                    + ".matchLabels (build the workload first)");
        }
        if (sel.getMatchExpressions() != null && !sel.getMatchExpressions().isEmpty()) {
            throw new IllegalArgumentException("a Service cannot select " + what + ": its selector uses"
                    + " matchExpressions, which a Service selector cannot express");
        }
        return Map.copyOf(sel.getMatchLabels());
    }

    /**
     * Adds a label to {@code spec.selector}, for Pods not built with this DSL.
     *
     * @param key   a qualified name; must not be {@code null}
     * @param value a label value; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ServiceDef selector(String key, String value) {
        Checks.labelKey(key, "selector key");
        Checks.labelValue(value, "selector value of " + Checks.quoted(key));
        return then(s -> {
            if (spec(s).getSelector() == null) {
                spec(s).setSelector(new LinkedHashMap<>());
            }
            spec(s).getSelector().put(key, value);
        });
    }

    /**
     * Sets {@code spec.type} (Kubernetes default ClusterIP).
     *
     * @param type the type; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ServiceDef type(ServiceType type) {
        Checks.notNull(type, "type");
        return then(s -> spec(s).setType(type.value()));
    }

    /**
     * Makes the Service headless ({@code clusterIP: None}): DNS returns the Pod IPs, no virtual IP is allocated.
     *
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ServiceDef headless() {
        return then(s -> spec(s).setClusterIP("None"));
    }

    /**
     * Sets {@code spec.sessionAffinity} (Kubernetes default None).
     *
     * @param affinity the affinity; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ServiceDef sessionAffinity(SessionAffinity affinity) {
        Checks.notNull(affinity, "sessionAffinity");
        return then(s -> spec(s).setSessionAffinity(affinity.value()));
    }

    /**
     * Adds an unnamed port whose target is the same number.
     *
     * @param port 1 to 65535
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ServiceDef port(int port) {
        return port(ServicePortDef.of(port));
    }

    /**
     * Adds port {@code port} forwarding to the container port named {@code targetPortName}; the Service port takes
     * the same name.
     *
     * @param port           1 to 65535
     * @param targetPortName a container port name such as {@code http}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ServiceDef port(int port, String targetPortName) {
        Checks.portName(targetPortName, "targetPort");
        return port(ServicePortDef.of(port).name(targetPortName).targetPort(targetPortName));
    }

    /**
     * Adds an unnamed port {@code port} forwarding to the container port number {@code targetPort}.
     *
     * @param port       1 to 65535
     * @param targetPort 1 to 65535
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ServiceDef port(int port, int targetPort) {
        return port(ServicePortDef.of(port).targetPort(targetPort));
    }

    /**
     * Adds the port named {@code name}, forwarding {@code port} to the container port named {@code targetPortName}.
     *
     * @param name           the Service port's name, a DNS-1123 label; must not be {@code null}
     * @param port           1 to 65535
     * @param targetPortName a container port name; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ServiceDef port(String name, int port, String targetPortName) {
        return port(ServicePortDef.of(port).name(name).targetPort(targetPortName));
    }

    /**
     * Adds the port named {@code name}, forwarding {@code port} to the container port number {@code targetPort}.
     *
     * @param name       the Service port's name, a DNS-1123 label; must not be {@code null}
     * @param port       1 to 65535
     * @param targetPort 1 to 65535
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ServiceDef port(String name, int port, int targetPort) {
        return port(ServicePortDef.of(port).name(name).targetPort(targetPort));
    }

    /**
     * Adds a port with every option, from {@link Kube#servicePort(int)}.
     *
     * @param port the port; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ServiceDef port(ServicePortDef port) {
        Checks.notNull(port, "port");
        return then(s -> spec(s).getPorts().add(port.toServicePort()));
    }
}
