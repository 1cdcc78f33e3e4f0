package dev.kubefluent.dsl;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.validate.Validator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An application under construction: one call that yields a Deployment, the Service in front of it and the
 * ServiceAccount it runs as, plus, when asked, a HorizontalPodAutoscaler, a PodDisruptionBudget and a ConfigMap, all
 * wired together. Immutable: every method returns a new builder, and each {@link #build()} returns a fresh set.
 *
 * <pre>{@code
 * ManifestSet web = app("web").namespace("shop")
 *     .image("ghcr.io/acme/web:1.4.2")
 *     .port("http", 8080)
 *     .requests(cpu("250m"), memory("256Mi"))
 *     .readinessProbe(httpGet("/ready", "http"))
 *     .autoscale(2, 10, cpuUtilization(70))
 *     .disruptionBudget(maxUnavailable(1))
 *     .config(configMap("web-config").data("LOG_LEVEL", "info"))
 *     .build();
 * }</pre>
 *
 * <h2>What it builds, and how the parts are wired</h2>
 * All objects take the app's name (the ConfigMap keeps its own) and namespace.
 * <ul>
 *   <li>a Deployment with one container named after the app, running as the ServiceAccount;</li>
 *   <li>a Service selecting the Deployment's Pods, with one port per {@link #port(String, int)}, each forwarding to
 *       the container port of the same name;</li>
 *   <li>a ServiceAccount;</li>
 *   <li>with {@link #autoscale}, a HorizontalPodAutoscaler on the Deployment, which then omits {@code replicas} (even
 *       if {@link #replicas(int)} was called) so that applying it never resets the autoscaler's choice;</li>
 *   <li>with {@link #disruptionBudget(MaxUnavailable)}, a PodDisruptionBudget selecting the Deployment's Pods;</li>
 *   <li>with {@link #config(ConfigMapDef)}, the ConfigMap, its keys as environment variables ({@code envFrom}); with
 *       {@link #config(ConfigMapDef, String)}, mounted read-only as files instead.</li>
 * </ul>
 * Each part is built by its own DSL builder, with that builder's defaults and validation; {@code build()} then
 * validates the set with the shared validator in strict mode, so a broken reference between the parts fails the
 * build. The {@code customizeXxx} methods are the escape hatches: they edit a part's builder before it is built.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class AppDef {

    /** A throwaway container that each container edit runs on once, so bad arguments fail at the call. */
    private static final ContainerDef PROBE = ContainerDef.of("probe", "busybox:1");

    /** What the calls so far ask for; filled afresh by each {@link #build()}. */
    private static final class Plan {
        String namespace;
        String image;
        final Map<String, Integer> ports = new LinkedHashMap<>();
        final Map<String, Integer> servicePorts = new LinkedHashMap<>();
        final Map<String, String> labels = new LinkedHashMap<>();
        final List<UnaryOperator<ContainerDef>> container = new ArrayList<>();
        final List<UnaryOperator<DeploymentDef>> deployment = new ArrayList<>();
        final List<UnaryOperator<ServiceDef>> service = new ArrayList<>();
        Integer replicas;
        int minReplicas;
        int maxReplicas;
        List<ScalingMetric> metrics;
        MaxUnavailable maxUnavailable;
        MinAvailable minAvailable;
        ConfigMapDef config;
        String configMountPath;
    }

    private final String name;
    private final Ops<Plan> ops;

    private AppDef(String name, Ops<Plan> ops) {
        this.name = name;
        this.ops = ops;
    }

    static AppDef of(String name) {
        return new AppDef(Checks.dns1035Label(name, "app name"), Ops.empty());
    }

    private AppDef then(java.util.function.Consumer<Plan> op) {
        return new AppDef(name, ops.then(op));
    }

    private AppDef container(UnaryOperator<ContainerDef> edit) {
        edit.apply(PROBE);
        return then(p -> p.container.add(edit));
    }

    /**
     * Puts every object of the app in this namespace ({@code metadata.namespace}).
     *
     * @param namespace a DNS-1123 label such as {@code shop}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef namespace(String namespace) {
        Checks.dns1123Label(namespace, "namespace");
        return then(p -> p.namespace = namespace);
    }

    /**
     * Sets the container image; required.
     *
     * @param image an image reference such as {@code ghcr.io/acme/web:1.4.2}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef image(String image) {
        Checks.image(image);
        return then(p -> p.image = image);
    }

    /**
     * Declares a named container port and exposes it on the Service under the same name and number (change the
     * number with {@link #servicePort(String, int)}); at least one is required.
     *
     * @param name          an IANA service name such as {@code http}; must not be {@code null}
     * @param containerPort 1 to 65535
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef port(String name, int containerPort) {
        return container(c -> c.port(name, containerPort)).then(p -> p.ports.put(name, containerPort));
    }

    /**
     * Exposes a port declared with {@link #port(String, int)} on the Service under another number, e.g. container
     * port 8080 as Service port 80.
     *
     * @param name the port's name; must not be {@code null}
     * @param port the Service port, 1 to 65535
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef servicePort(String name, int port) {
        Checks.portName(name, "servicePort name");
        Checks.port(port, "servicePort");
        return then(p -> p.servicePorts.put(name, port));
    }

    /**
     * Adds an environment variable with a literal value to the container.
     *
     * @param name  the variable's name; must not be {@code null}
     * @param value the value; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef env(String name, String value) {
        return container(c -> c.env(name, value));
    }

    /**
     * Sets the container's resource requests, e.g. {@code requests(cpu("250m"), memory("256Mi"))}; CPU-based
     * autoscaling needs a CPU request.
     *
     * @param quantities the amounts; none {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef requests(ResourceQuantity... quantities) {
        return container(c -> c.requests(quantities));
    }

    /**
     * Sets the container's resource limits.
     *
     * @param quantities the amounts; none {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef limits(ResourceQuantity... quantities) {
        return container(c -> c.limits(quantities));
    }

    /**
     * Sets the container's readiness probe: the Service only sends traffic to Pods that pass it.
     *
     * @param probe e.g. {@code httpGet("/ready", "http")}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef readinessProbe(ProbeDef probe) {
        return container(c -> c.readinessProbe(probe));
    }

    /**
     * Sets the container's liveness probe: the kubelet restarts a container that fails it.
     *
     * @param probe e.g. {@code tcpSocket("http")}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef livenessProbe(ProbeDef probe) {
        return container(c -> c.livenessProbe(probe));
    }

    /**
     * Adds a label to every object of the app ({@code metadata.labels}).
     *
     * @param key   a qualified name such as {@code app.kubernetes.io/part-of}; must not be {@code null}
     * @param value a label value; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef label(String key, String value) {
        Checks.labelKey(key, "label key");
        Checks.labelValue(value, "label value of " + Checks.quoted(key));
        return then(p -> p.labels.put(key, value));
    }

    /**
     * Sets the Deployment's {@code replicas} (Kubernetes default 1); ignored, and omitted from the manifest, when
     * {@link #autoscale} hands the count to an autoscaler.
     *
     * @param replicas zero or more
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef replicas(int replicas) {
        Checks.notNegative(replicas, "replicas");
        return then(p -> p.replicas = replicas);
    }

    /**
     * Adds a HorizontalPodAutoscaler that scales the Deployment between {@code min} and {@code max} replicas; the
     * Deployment then omits {@code replicas}.
     *
     * @param minReplicas at least 1
     * @param maxReplicas at least minReplicas
     * @param metrics     what to scale on, e.g. {@code cpuUtilization(70)}; at least one, none {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     * @throws IllegalArgumentException if the bounds are wrong or no metric is given
     */
    public AppDef autoscale(int minReplicas, int maxReplicas, ScalingMetric... metrics) {
        Checks.positive(minReplicas, "minReplicas");
        if (maxReplicas < minReplicas) {
            throw new IllegalArgumentException("maxReplicas must be at least minReplicas (" + minReplicas
                    + ") but was: " + maxReplicas);
        }
        Checks.noNulls(metrics, "metrics");
        if (metrics.length == 0) {
            throw new IllegalArgumentException("metrics must not be empty (e.g. cpuUtilization(70))");
        }
        List<ScalingMetric> list = List.of(metrics);
        return then(p -> {
            p.minReplicas = minReplicas;
            p.maxReplicas = maxReplicas;
            p.metrics = list;
        });
    }

    /**
     * Adds a PodDisruptionBudget that lets voluntary disruptions take down at most this many of the app's Pods.
     *
     * @param maxUnavailable e.g. {@code maxUnavailable(1)} or {@code maxUnavailable("25%")}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef disruptionBudget(MaxUnavailable maxUnavailable) {
        Checks.notNull(maxUnavailable, "maxUnavailable");
        return then(p -> {
            p.maxUnavailable = maxUnavailable;
            p.minAvailable = null;
        });
    }

    /**
     * Adds a PodDisruptionBudget that keeps at least this many of the app's Pods available.
     *
     * @param minAvailable e.g. {@code minAvailable(2)} or {@code minAvailable("50%")}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef disruptionBudget(MinAvailable minAvailable) {
        Checks.notNull(minAvailable, "minAvailable");
        return then(p -> {
            p.minAvailable = minAvailable;
            p.maxUnavailable = null;
        });
    }

    /**
     * Adds a ConfigMap (in the app's namespace) and passes its keys to the container as environment variables
     * ({@code envFrom[].configMapRef}).
     *
     * @param config the ConfigMap; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef config(ConfigMapDef config) {
        Checks.notNull(config, "config");
        return then(p -> {
            p.config = config;
            p.configMountPath = null;
        });
    }

    /**
     * Adds a ConfigMap (in the app's namespace) and mounts its keys read-only as files under a directory (volume
     * {@code config}).
     *
     * @param config    the ConfigMap; must not be {@code null}
     * @param mountPath an absolute directory such as {@code /etc/web}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef config(ConfigMapDef config, String mountPath) {
        Checks.notNull(config, "config");
        Checks.absolutePath(mountPath, "mountPath");
        return then(p -> {
            p.config = config;
            p.configMountPath = mountPath;
        });
    }

    /**
     * Edits the container's builder, for what this class does not cover (command, more env, security settings, ...).
     *
     * @param edit returns the edited builder, e.g. {@code c -> c.args("--verbose")}; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef customizeContainer(UnaryOperator<ContainerDef> edit) {
        return container(Checks.notNull(edit, "customizeContainer"));
    }

    /**
     * Edits the Deployment's builder before it is built, e.g. {@code d -> d.podAntiAffinity("kubernetes.io/hostname")}
     * (its own {@code customize(..)} reaches every fabric8 field).
     *
     * @param edit returns the edited builder; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef customizeDeployment(UnaryOperator<DeploymentDef> edit) {
        Checks.notNull(edit, "customizeDeployment");
        return then(p -> p.deployment.add(edit));
    }

    /**
     * Edits the Service's builder before it is built, e.g. {@code s -> s.type(ServiceType.LOAD_BALANCER)}.
     *
     * @param edit returns the edited builder; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public AppDef customizeService(UnaryOperator<ServiceDef> edit) {
        Checks.notNull(edit, "customizeService");
        return then(p -> p.service.add(edit));
    }

    /**
     * Builds every part, wires them together and validates the set.
     *
     * @return the set: Deployment, Service, ServiceAccount, and the optional parts asked for
     * @throws IllegalStateException if {@link #image(String)} or {@link #port(String, int)} was never called, or
     *                               {@link #servicePort(String, int)} names an undeclared port
     * @throws dev.kubefluent.core.validate.ManifestValidationException listing every violation, if a part or the
     *                                                                  wiring between them would be rejected
     */
    public ManifestSet build() {
        Plan p = new Plan();
        ops.applyTo(p);
        String what = "app " + Checks.quoted(name);
        if (p.image == null) {
            throw new IllegalStateException(what + " needs an image: call image(..) before build()");
        }
        if (p.ports.isEmpty()) {
            throw new IllegalStateException(what + " needs at least one port(name, containerPort) for its Service");
        }
        for (String port : p.servicePorts.keySet()) {
            if (!p.ports.containsKey(port)) {
                throw new IllegalStateException(what + ": servicePort must name a port declared with port(..) "
                        + p.ports.keySet() + " but was: " + Checks.quoted(port));
            }
        }
        List<HasMetadata> out = new ArrayList<>();

        ServiceAccount sa = labelled(namespaced(serviceAccount(), p), p).build();
        out.add(sa);

        ContainerDef c = ContainerDef.of(name, p.image);
        for (UnaryOperator<ContainerDef> e : p.container) {
            c = e.apply(c);
        }
        DeploymentDef d = labelled(namespaced(DeploymentDef.of(name), p), p).serviceAccount(sa);
        if (p.config != null) {
            ConfigMap cm = labelled(namespaced(p.config, p), p).build();
            out.add(cm);
            if (p.configMountPath == null) {
                c = c.envFrom(Kube.configMapEnv(cm));
            } else {
                d = d.volume(Kube.configMapVolume("config", cm));
                c = c.volumeMount(Kube.mount("config", p.configMountPath).readOnly());
            }
        }
        d = d.container(c);
        if (p.metrics != null) {
            d = d.replicasOwnedByAutoscaler();
        } else if (p.replicas != null) {
            d = d.replicas(p.replicas);
        }
        for (UnaryOperator<DeploymentDef> e : p.deployment) {
            d = e.apply(d);
        }
        Deployment deployment = d.build();
        out.add(deployment);

        ServiceDef s = labelled(ServiceDef.of(name), p).selecting(deployment);
        for (Map.Entry<String, Integer> port : p.ports.entrySet()) {
            int number = p.servicePorts.getOrDefault(port.getKey(), port.getValue());
            s = s.port(Kube.servicePort(number).name(port.getKey()).targetPort(port.getKey()));
        }
        for (UnaryOperator<ServiceDef> e : p.service) {
            s = e.apply(s);
        }
        out.add(s.build());

        if (p.metrics != null) {
            HorizontalPodAutoscalerDef h = HorizontalPodAutoscalerDef.of(deployment, p.minReplicas, p.maxReplicas);
            for (ScalingMetric m : p.metrics) {
                h = h.metric(m);
            }
            out.add(labelled(h, p).build());
        }
        if (p.maxUnavailable != null || p.minAvailable != null) {
            PodDisruptionBudgetStep step = new PodDisruptionBudgetStep(deployment);
            PodDisruptionBudgetDef pdb = p.maxUnavailable != null
                    ? (p.maxUnavailable.count() != null ? step.maxUnavailable(p.maxUnavailable.count())
                            : step.maxUnavailable(p.maxUnavailable.percent()))
                    : (p.minAvailable.count() != null ? step.minAvailable(p.minAvailable.count())
                            : step.minAvailable(p.minAvailable.percent()));
            out.add(labelled(pdb, p).build());
        }
        ManifestSet set = ManifestSet.of(out);
        Validator.builder().strict(true).build().validate(set).throwIfErrors();
        return set;
    }

    private ServiceAccountDef serviceAccount() {
        return ServiceAccountDef.of(name);
    }

    private static <T extends AbstractNamespacedDef<T, ?, ?>> T namespaced(T def, Plan p) {
        return p.namespace == null ? def : def.namespace(p.namespace);
    }

    private static <T extends AbstractObjectDef<T, ?, ?>> T labelled(T def, Plan p) {
        T d = def;
        for (Map.Entry<String, String> e : p.labels.entrySet()) {
            d = d.label(e.getKey(), e.getValue());
        }
        return d;
    }

    /** @return {@code AppDef[<name>]} */
    @Override
    public String toString() {
        return "AppDef[" + name + "]";
    }
}
