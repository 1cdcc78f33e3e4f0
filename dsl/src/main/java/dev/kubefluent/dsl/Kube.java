package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;
import java.util.Map;

/**
 * The entry point of the Kubefluent DSL: static factories for Kubernetes objects and their typed values.
 *
 * <h2>Static import</h2>
 * The class is made for {@code import static dev.kubefluent.dsl.Kube.*;} so that code reads like the manifest:
 *
 * <pre>{@code
 * Deployment web = deployment("web")
 *     .namespace("shop")
 *     .replicas(3)
 *     .container(container("web")
 *         .image("ghcr.io/acme/web:1.4.2")
 *         .port("http", 8080)
 *         .env("LOG_LEVEL", "info")
 *         .requests(cpu("250m"), memory("256Mi"))
 *         .limits(cpu("1"), memory("512Mi"))
 *         .readinessProbe(httpGet("/ready", "http"))
 *         .livenessProbe(tcpSocket("http")))
 *     .rollingUpdate(maxSurge("25%"), maxUnavailable(0))
 *     .build();
 * Service svc = service("web").namespace("shop").selecting(web).port(80, "http").build();
 * }</pre>
 *
 * <h2>Names</h2>
 * The DSL's types end in {@code Def} or {@code Step} so they never clash with fabric8's {@code XxxBuilder} and
 * {@code XxxSpec} classes imported in the same file. Builders and values are immutable; each {@code build()} returns
 * fresh fabric8 objects.
 *
 * <h2>Bad input</h2>
 * A factory rejects a malformed value at once with an {@link IllegalArgumentException} naming the value and the
 * expected form; {@code build()} validates the whole object and reports every violation at once.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class Kube {

    private Kube() {
        throw new UnsupportedOperationException("Kube is a static entry point; use import static dev.kubefluent.dsl.Kube.*");
    }

    /**
     * Starts an {@code apps/v1} Deployment.
     *
     * <pre>{@code deployment("web").replicas(3).container(container("web").image("ghcr.io/acme/web:1.4.2")).build()}</pre>
     *
     * @param name the Deployment's name, a DNS-1123 subdomain such as {@code web}; must not be {@code null}
     * @return the Deployment builder
     * @throws IllegalArgumentException if the name is malformed
     */
    public static DeploymentDef deployment(String name) {
        return DeploymentDef.of(name);
    }

    /**
     * Starts a {@code v1} Pod.
     *
     * <pre>{@code pod("migrate").container(container("migrate").image("ghcr.io/acme/migrate:1.4.2"))
     *     .restartPolicy(RestartPolicy.NEVER).build()}</pre>
     *
     * @param name the Pod's name, a DNS-1123 subdomain; must not be {@code null}
     * @return the Pod builder
     * @throws IllegalArgumentException if the name is malformed
     */
    public static PodDef pod(String name) {
        return PodDef.of(name);
    }

    /**
     * Starts a {@code v1} Service.
     *
     * <pre>{@code service("web").selecting(web).port(80, "http").build()}</pre>
     *
     * @param name the Service's name, a DNS-1035 label (starts with a letter); must not be {@code null}
     * @return the Service builder
     * @throws IllegalArgumentException if the name is malformed
     */
    public static ServiceDef service(String name) {
        return ServiceDef.of(name);
    }

    /**
     * Starts an {@code apps/v1} StatefulSet.
     *
     * <pre>{@code statefulSet("db").serviceName("db").replicas(3).container(..).volumeClaimTemplate("data", "10Gi").build()}</pre>
     *
     * @param name the StatefulSet's name, a DNS-1123 label; must not be {@code null}
     * @return the StatefulSet builder
     * @throws IllegalArgumentException if the name is malformed
     */
    public static StatefulSetDef statefulSet(String name) {
        return StatefulSetDef.of(name);
    }

    /**
     * Starts an {@code apps/v1} DaemonSet.
     *
     * <pre>{@code daemonSet("log-agent").container(container("agent").image("fluent/fluent-bit:3.2.4")).build()}</pre>
     *
     * @param name the DaemonSet's name, a DNS-1123 subdomain; must not be {@code null}
     * @return the DaemonSet builder
     * @throws IllegalArgumentException if the name is malformed
     */
    public static DaemonSetDef daemonSet(String name) {
        return DaemonSetDef.of(name);
    }

    /**
     * Starts a {@code batch/v1} Job; its Pods get {@code restartPolicy: OnFailure} unless told otherwise.
     *
     * <pre>{@code job("migrate").backoffLimit(2).container(container("migrate").image("ghcr.io/acme/migrate:1.4.2")).build()}</pre>
     *
     * @param name the Job's name, a DNS-1123 subdomain; must not be {@code null}
     * @return the Job builder
     * @throws IllegalArgumentException if the name is malformed
     */
    public static JobDef job(String name) {
        return JobDef.of(name);
    }

    /**
     * Starts a {@code batch/v1} CronJob; the next call must set its schedule.
     *
     * <pre>{@code cronJob("report").schedule("0 3 * * *").container(container("report").image("ghcr.io/acme/report:2.0")).build()}</pre>
     *
     * @param name the CronJob's name, a DNS-1123 subdomain of at most 52 characters; must not be {@code null}
     * @return the step that takes the schedule
     * @throws IllegalArgumentException if the name is malformed
     */
    public static CronJobScheduleStep cronJob(String name) {
        return new CronJobScheduleStep(CronJobDef.checkName(name));
    }

    /**
     * Starts a {@code v1} ConfigMap.
     *
     * <pre>{@code configMap("web-config").data("LOG_LEVEL", "info").build()}</pre>
     *
     * @param name the ConfigMap's name, a DNS-1123 subdomain; must not be {@code null}
     * @return the ConfigMap builder
     * @throws IllegalArgumentException if the name is malformed
     */
    public static ConfigMapDef configMap(String name) {
        return ConfigMapDef.of(name);
    }

    /**
     * Starts a {@code v1} Secret; its values are never printed by Kubefluent.
     *
     * <pre>{@code secret("db").stringData("password", password).build()}</pre>
     *
     * @param name the Secret's name, a DNS-1123 subdomain; must not be {@code null}
     * @return the Secret builder
     * @throws IllegalArgumentException if the name is malformed
     */
    public static SecretDef secret(String name) {
        return SecretDef.of(name);
    }

    /**
     * Starts a {@code v1} ServiceAccount.
     *
     * <pre>{@code serviceAccount("web").namespace("shop").automountToken(false).build()}</pre>
     *
     * @param name the ServiceAccount's name, a DNS-1123 subdomain; must not be {@code null}
     * @return the ServiceAccount builder
     */
    public static ServiceAccountDef serviceAccount(String name) {
        return ServiceAccountDef.of(name);
    }

    /**
     * Starts a namespaced RBAC Role.
     *
     * <pre>{@code role("reader").namespace("shop").allow("get", "list", "watch").on("pods", "configmaps").build()}</pre>
     *
     * @param name the Role's name; must not be {@code null}
     * @return the Role builder
     */
    public static RoleDef role(String name) {
        return RoleDef.of(name);
    }

    /**
     * Starts an RBAC ClusterRole.
     *
     * <pre>{@code clusterRole("node-reader").allow("get", "list").on("nodes").build()}</pre>
     *
     * @param name the ClusterRole's name; must not be {@code null}
     * @return the ClusterRole builder
     */
    public static ClusterRoleDef clusterRole(String name) {
        return ClusterRoleDef.of(name);
    }

    /**
     * Starts an RBAC RoleBinding; the next call names the Role object it grants.
     *
     * <pre>{@code roleBinding("web-reader").role(reader).serviceAccount(webAccount).build()}</pre>
     *
     * @param name the RoleBinding's name; must not be {@code null}
     * @return the step that takes the role
     */
    public static RoleBindingRoleStep roleBinding(String name) {
        return new RoleBindingRoleStep(Checks.pathSegment(name, "RoleBinding name"));
    }

    /**
     * Starts an RBAC ClusterRoleBinding of a ClusterRole object.
     *
     * <pre>{@code clusterRoleBinding("agent-reads-nodes", nodeReader).serviceAccount(agentAccount).build()}</pre>
     *
     * @param name        the binding's name; must not be {@code null}
     * @param clusterRole a built ClusterRole; must not be {@code null}
     * @return the ClusterRoleBinding builder
     */
    public static ClusterRoleBindingDef clusterRoleBinding(String name, io.fabric8.kubernetes.api.model.rbac.ClusterRole clusterRole) {
        return ClusterRoleBindingDef.of(name, clusterRole);
    }

    /**
     * Starts a {@code policy/v1} PodDisruptionBudget for a workload's Pods (same name, namespace and selector); the
     * next call sets the budget.
     *
     * <pre>{@code podDisruptionBudget(web).maxUnavailable(1).build()}</pre>
     *
     * @param workload a built Deployment, StatefulSet, DaemonSet, ReplicaSet or Pod; must not be {@code null}
     * @return the step that takes the budget
     */
    public static PodDisruptionBudgetStep podDisruptionBudget(io.fabric8.kubernetes.api.model.HasMetadata workload) {
        ServiceDef.selectorOf(Checks.notNull(workload, "workload"));
        return new PodDisruptionBudgetStep(workload);
    }

    /**
     * Starts an {@code autoscaling/v2} HorizontalPodAutoscaler for a workload that leaves its replica count to the
     * autoscaler (built with {@code replicasOwnedByAutoscaler()}).
     *
     * <pre>{@code horizontalPodAutoscaler(web, 2, 10).cpuUtilization(70).build()}</pre>
     *
     * @param workload    a built Deployment, StatefulSet or ReplicaSet without {@code spec.replicas}; must not be
     *                    {@code null}
     * @param minReplicas at least 1
     * @param maxReplicas at least minReplicas
     * @return the autoscaler builder
     * @throws IllegalArgumentException if the workload sets replicas or the bounds are wrong
     */
    public static HorizontalPodAutoscalerDef horizontalPodAutoscaler(io.fabric8.kubernetes.api.model.HasMetadata workload,
            int minReplicas, int maxReplicas) {
        return HorizontalPodAutoscalerDef.of(Checks.notNull(workload, "workload"), minReplicas, maxReplicas);
    }

    /**
     * Starts a {@code networking.k8s.io/v1} Ingress that routes hosts and paths to Service ports.
     *
     * <pre>{@code ingress("shop").rule("shop.example.com", path("/").to(webService, "http")).tls(tlsSecret, "shop.example.com").build()}</pre>
     *
     * @param name the Ingress's name, a DNS-1123 subdomain; must not be {@code null}
     * @return the Ingress builder
     * @throws IllegalArgumentException if the name is malformed
     */
    public static IngressDef ingress(String name) {
        return IngressDef.of(name);
    }

    /**
     * Starts an Ingress path; the next call names the Service port it routes to. It matches as a {@code Prefix}
     * unless {@code .exact()} or {@code .implementationSpecific()} says otherwise.
     *
     * <pre>{@code path("/api").to(apiService, "http")}</pre>
     *
     * @param path an absolute path such as {@code /} or {@code /api}; must not be {@code null}
     * @return the step that takes the backend
     * @throws IllegalArgumentException if the path is not absolute
     */
    public static IngressPathStep path(String path) {
        return new IngressPathStep(Checks.absolutePath(path, "ingress path"), "Prefix");
    }

    /**
     * Starts a {@code networking.k8s.io/v1} NetworkPolicy that isolates Pods and allows traffic to or from them.
     *
     * <pre>{@code networkPolicy("web").isolate(web).allowIngress(podsOf(gateway), tcp("http")).build()}</pre>
     *
     * @param name the NetworkPolicy's name, a DNS-1123 subdomain; must not be {@code null}
     * @return the NetworkPolicy builder
     * @throws IllegalArgumentException if the name is malformed
     */
    public static NetworkPolicyDef networkPolicy(String name) {
        return NetworkPolicyDef.of(name);
    }

    /**
     * A NetworkPolicy peer: the Pods of a workload (its selector labels), plus a namespaceSelector when the workload
     * lives in another namespace than the policy.
     *
     * @param workload a built Deployment, StatefulSet, DaemonSet, ReplicaSet or Pod; must not be {@code null}
     * @return the peer, for {@code allowIngress} or {@code allowEgress}
     * @throws IllegalArgumentException if the workload has no selector labels
     */
    public static NetworkPeerDef podsOf(io.fabric8.kubernetes.api.model.HasMetadata workload) {
        return NetworkPeerDef.podsOf(workload);
    }

    /**
     * A NetworkPolicy peer: the Pods with this label in the policy's namespace ({@code podSelector}).
     *
     * @param key   a label key; must not be {@code null}
     * @param value a label value; must not be {@code null}
     * @return the peer
     */
    public static NetworkPeerDef podsLabelled(String key, String value) {
        Checks.labelKey(key, "pod label key");
        Checks.labelValue(value, "pod label value of " + Checks.quoted(key));
        return NetworkPeerDef.pods(Map.of(key, value), null, "pods labelled " + key + "=" + value);
    }

    /**
     * A NetworkPolicy peer: every Pod of one namespace ({@code namespaceSelector} on
     * {@code kubernetes.io/metadata.name}).
     *
     * @param namespace the namespace, a DNS-1123 label; must not be {@code null}
     * @return the peer
     */
    public static NetworkPeerDef namespaceNamed(String namespace) {
        Checks.dns1123Label(namespace, "namespace");
        return NetworkPeerDef.pods(null, Map.of(NetworkPeerDef.NAMESPACE_NAME, namespace), "namespace " + namespace);
    }

    /**
     * A NetworkPolicy peer: every Pod of the namespaces with this label ({@code namespaceSelector}).
     *
     * @param key   a label key; must not be {@code null}
     * @param value a label value; must not be {@code null}
     * @return the peer
     */
    public static NetworkPeerDef namespacesLabelled(String key, String value) {
        Checks.labelKey(key, "namespace label key");
        Checks.labelValue(value, "namespace label value of " + Checks.quoted(key));
        return NetworkPeerDef.pods(null, Map.of(key, value), "namespaces labelled " + key + "=" + value);
    }

    /**
     * A NetworkPolicy peer: an IP block ({@code ipBlock}), optionally minus smaller blocks. {@code build()} checks the
     * CIDR syntax and that each exception lies inside the block.
     *
     * @param cidr   the block, e.g. {@code 10.0.0.0/8}; must not be {@code null}
     * @param except blocks inside it to leave out; none {@code null}
     * @return the peer
     */
    public static NetworkPeerDef cidr(String cidr, String... except) {
        return NetworkPeerDef.cidr(cidr, except);
    }

    /**
     * A NetworkPolicy peer that matches any source or destination (a rule without {@code from} or {@code to}).
     *
     * @return the peer
     */
    public static NetworkPeerDef anywhere() {
        return NetworkPeerDef.anywhere();
    }

    /**
     * A TCP port for a NetworkPolicy rule, by number; {@code .upTo(end)} makes it a range.
     *
     * @param port 1 to 65535
     * @return the port
     */
    public static NetworkPortDef tcp(int port) {
        return NetworkPortDef.number(Protocol.TCP, port);
    }

    /**
     * A TCP port for a NetworkPolicy rule, by container port name (checked by {@code build()} where the workload is
     * known).
     *
     * @param portName a container port name such as {@code http}; must not be {@code null}
     * @return the port
     */
    public static NetworkPortDef tcp(String portName) {
        return NetworkPortDef.named(Protocol.TCP, portName);
    }

    /**
     * A UDP port for a NetworkPolicy rule, by number.
     *
     * @param port 1 to 65535
     * @return the port
     */
    public static NetworkPortDef udp(int port) {
        return NetworkPortDef.number(Protocol.UDP, port);
    }

    /**
     * A UDP port for a NetworkPolicy rule, by container port name.
     *
     * @param portName a container port name; must not be {@code null}
     * @return the port
     */
    public static NetworkPortDef udp(String portName) {
        return NetworkPortDef.named(Protocol.UDP, portName);
    }

    /**
     * Starts an application: a Deployment, the Service in front of it and its ServiceAccount (plus an optional
     * autoscaler, disruption budget and ConfigMap), wired together and built as one {@link dev.kubefluent.core.ManifestSet}.
     *
     * <pre>{@code app("web").namespace("shop").image("ghcr.io/acme/web:1.4.2").port("http", 8080)
     *     .autoscale(2, 10, cpuUtilization(70)).disruptionBudget(maxUnavailable(1)).build()}</pre>
     *
     * @param name the name of every object of the app, a DNS-1035 label (a Service name); must not be {@code null}
     * @return the app builder
     * @throws IllegalArgumentException if the name is malformed
     */
    public static AppDef app(String name) {
        return AppDef.of(name);
    }

    /**
     * An autoscaling metric: the average CPU use as a percentage of the Pods' CPU request.
     *
     * @param percent at least 1
     * @return the metric
     */
    public static ScalingMetric cpuUtilization(int percent) {
        return ScalingMetric.utilization("cpu", percent);
    }

    /**
     * An autoscaling metric: the average memory use as a percentage of the Pods' memory request.
     *
     * @param percent at least 1
     * @return the metric
     */
    public static ScalingMetric memoryUtilization(int percent) {
        return ScalingMetric.utilization("memory", percent);
    }

    /**
     * An autoscaling metric: a custom per-Pod metric by name ({@code type: Pods}) and its target average per Pod.
     *
     * @param metric       the metric name, e.g. {@code http_requests_per_second}; must not be {@code null}
     * @param averageValue a quantity such as {@code 100} or {@code 500m}; must not be {@code null}
     * @return the metric
     */
    public static ScalingMetric podsMetric(String metric, String averageValue) {
        return ScalingMetric.pods(metric, averageValue);
    }

    /**
     * An autoscaling metric about another object in the autoscaler's namespace ({@code type: Object}), e.g. the
     * requests per second an Ingress receives, from a custom metrics adapter. The target is the metric's whole value
     * ({@code target.type: Value}); {@link ScalingMetric#averagePerPod()} divides it by the number of Pods.
     *
     * <pre>{@code
     * horizontalPodAutoscaler(web, 2, 20).metric(objectMetric(mainIngress, "requests-per-second", "2k"))
     * }</pre>
     *
     * @param describedObject the built object the metric describes, e.g. an Ingress; must not be {@code null}
     * @param metric          the metric name; must not be {@code null}
     * @param value           the target value, a quantity such as {@code 2k} or {@code 500m}; must not be
     *                        {@code null}
     * @return the metric
     */
    public static ScalingMetric objectMetric(io.fabric8.kubernetes.api.model.HasMetadata describedObject,
            String metric, String value) {
        return ScalingMetric.object(describedObject, metric, value);
    }

    /**
     * An autoscaling metric from outside the cluster ({@code type: External}), e.g. the length of a cloud queue, from
     * an external metrics adapter. The target is the metric's whole value ({@code target.type: Value});
     * {@link ScalingMetric#averagePerPod()} divides it by the number of Pods, and
     * {@link ScalingMetric#matching(String, String)} narrows it to the series with a label.
     *
     * <pre>{@code
     * horizontalPodAutoscaler(worker, 1, 30)
     *     .metric(externalMetric("queue_messages_ready", "30").averagePerPod().matching("queue", "orders"))
     * }</pre>
     *
     * @param metric the metric name; must not be {@code null}
     * @param value  the target value, a quantity such as {@code 30} or {@code 500m}; must not be {@code null}
     * @return the metric
     */
    public static ScalingMetric externalMetric(String metric, String value) {
        return ScalingMetric.external(metric, value);
    }

    /**
     * A disruption budget's {@code minAvailable} as a number of Pods.
     *
     * @param count zero or more
     * @return the value, for {@link AppDef#disruptionBudget(MinAvailable)}
     */
    public static MinAvailable minAvailable(int count) {
        return new MinAvailable(count, null);
    }

    /**
     * A disruption budget's {@code minAvailable} as a percentage of the Pods, e.g. {@code "50%"}.
     *
     * @param percent the percentage; must not be {@code null}
     * @return the value, for {@link AppDef#disruptionBudget(MinAvailable)}
     */
    public static MinAvailable minAvailable(String percent) {
        return new MinAvailable(null, Checks.percent(percent, "minAvailable"));
    }

    /**
     * Starts an environment overlay: the changes that turn a set built once into one environment's set.
     *
     * <pre>{@code ManifestSet prod = overlay("prod").replicas("web", 5).image("web", "web", "ghcr.io/acme/web:1.5.0").applyTo(base)}</pre>
     *
     * @param name the environment's name, e.g. {@code prod}, used in messages; must not be {@code null}
     * @return the overlay
     */
    public static OverlayDef overlay(String name) {
        return OverlayDef.of(name);
    }

    /**
     * Starts a container; the next call must set its image.
     *
     * <pre>{@code container("web").image("ghcr.io/acme/web:1.4.2").port("http", 8080)}</pre>
     *
     * @param name the container's name, a DNS-1123 label unique in its Pod; must not be {@code null}
     * @return the step that takes the image
     * @throws IllegalArgumentException if the name is malformed
     */
    public static ContainerImageStep container(String name) {
        return new ContainerImageStep(Checks.dns1123Label(name, "container name"));
    }

    /**
     * A CPU amount, in cores ({@code "1"}, {@code "0.5"}) or millicores ({@code "250m"}).
     *
     * @param amount the quantity; must not be {@code null}
     * @return the amount, for {@code requests(..)} or {@code limits(..)}
     * @throws IllegalArgumentException if the amount is not a non-negative quantity
     */
    public static ResourceQuantity cpu(String amount) {
        Checks.quantity(amount, "cpu", "\"250m\", \"0.5\" or \"2\"");
        return new ResourceQuantity("cpu", amount);
    }

    /**
     * A memory amount, e.g. {@code "256Mi"}, {@code "1Gi"} or {@code "500M"}.
     *
     * @param amount the quantity; must not be {@code null}
     * @return the amount, for {@code requests(..)} or {@code limits(..)}
     * @throws IllegalArgumentException if the amount is not a non-negative quantity
     */
    public static ResourceQuantity memory(String amount) {
        Checks.quantity(amount, "memory", "\"256Mi\", \"1Gi\" or \"500M\"");
        return new ResourceQuantity("memory", amount);
    }

    /**
     * An amount of local ephemeral storage, e.g. {@code "2Gi"}.
     *
     * @param amount the quantity; must not be {@code null}
     * @return the amount, for {@code requests(..)} or {@code limits(..)}
     * @throws IllegalArgumentException if the amount is not a non-negative quantity
     */
    public static ResourceQuantity ephemeralStorage(String amount) {
        Checks.quantity(amount, "ephemeral-storage", "\"2Gi\"");
        return new ResourceQuantity("ephemeral-storage", amount);
    }

    /**
     * An amount of any resource by name, e.g. {@code resource("nvidia.com/gpu", "1")}.
     *
     * @param name   the resource name, a qualified name; must not be {@code null}
     * @param amount the quantity; must not be {@code null}
     * @return the amount, for {@code requests(..)} or {@code limits(..)}
     * @throws IllegalArgumentException if the name or the amount is malformed
     */
    public static ResourceQuantity resource(String name, String amount) {
        return new ResourceQuantity(name, amount);
    }

    /**
     * A rolling update's {@code maxSurge} as a percentage of the replicas, e.g. {@code "25%"}.
     *
     * @param percent the percentage; must not be {@code null}
     * @return the value
     * @throws IllegalArgumentException if it is not of the form {@code <digits>%}
     */
    public static MaxSurge maxSurge(String percent) {
        return new MaxSurge(null, Checks.percent(percent, "maxSurge"));
    }

    /**
     * A rolling update's {@code maxSurge} as a number of Pods.
     *
     * @param count zero or more
     * @return the value
     * @throws IllegalArgumentException if negative
     */
    public static MaxSurge maxSurge(int count) {
        return new MaxSurge(count, null);
    }

    /**
     * A rolling update's {@code maxUnavailable} as a number of Pods; {@code 0} keeps full capacity during a rollout.
     *
     * @param count zero or more
     * @return the value
     * @throws IllegalArgumentException if negative
     */
    public static MaxUnavailable maxUnavailable(int count) {
        return new MaxUnavailable(count, null);
    }

    /**
     * A rolling update's {@code maxUnavailable} as a percentage of the replicas, e.g. {@code "25%"}.
     *
     * @param percent the percentage; must not be {@code null}
     * @return the value
     * @throws IllegalArgumentException if it is not of the form {@code <digits>%}
     */
    public static MaxUnavailable maxUnavailable(String percent) {
        return new MaxUnavailable(null, Checks.percent(percent, "maxUnavailable"));
    }

    /**
     * A probe that sends {@code GET path} to a named container port ({@code httpGet}); 200–399 is success.
     *
     * @param path     an absolute path such as {@code /ready}; must not be {@code null}
     * @param portName a container port name such as {@code http}; must not be {@code null}
     * @return the probe, for {@code readinessProbe}, {@code livenessProbe} or {@code startupProbe}
     */
    public static ProbeDef httpGet(String path, String portName) {
        Checks.absolutePath(path, "httpGet path");
        return ProbeDef.httpGet(path, new IntOrString(Checks.portName(portName, "httpGet port")));
    }

    /**
     * A probe that sends {@code GET path} to a port number ({@code httpGet}).
     *
     * @param path an absolute path such as {@code /healthz}; must not be {@code null}
     * @param port 1 to 65535
     * @return the probe
     */
    public static ProbeDef httpGet(String path, int port) {
        Checks.absolutePath(path, "httpGet path");
        return ProbeDef.httpGet(path, new IntOrString(Checks.port(port, "httpGet port")));
    }

    /**
     * A probe that opens a TCP connection to a named container port ({@code tcpSocket}).
     *
     * @param portName a container port name; must not be {@code null}
     * @return the probe
     */
    public static ProbeDef tcpSocket(String portName) {
        return ProbeDef.tcpSocket(new IntOrString(Checks.portName(portName, "tcpSocket port")));
    }

    /**
     * A probe that opens a TCP connection to a port number ({@code tcpSocket}).
     *
     * @param port 1 to 65535
     * @return the probe
     */
    public static ProbeDef tcpSocket(int port) {
        return ProbeDef.tcpSocket(new IntOrString(Checks.port(port, "tcpSocket port")));
    }

    /**
     * A probe that runs a command in the container ({@code exec}); exit code 0 is success.
     *
     * @param command the command and its arguments, at least one; none {@code null}
     * @return the probe
     */
    public static ProbeDef exec(String... command) {
        Checks.noNulls(command, "exec command");
        if (command.length == 0) {
            throw new IllegalArgumentException("exec command must not be empty");
        }
        return ProbeDef.exec(List.of(command));
    }

    /**
     * A probe that calls the gRPC health checking protocol on a port ({@code grpc}).
     *
     * @param port 1 to 65535
     * @return the probe
     */
    public static ProbeDef grpc(int port) {
        return ProbeDef.grpc(Checks.port(port, "grpc port"), null);
    }

    /**
     * A probe that calls the gRPC health checking protocol for one service name ({@code grpc.service}).
     *
     * @param port    1 to 65535
     * @param service the service name sent in the health check request; must not be {@code null}
     * @return the probe
     */
    public static ProbeDef grpc(int port, String service) {
        return ProbeDef.grpc(Checks.port(port, "grpc port"), Checks.notBlank(service, "grpc service"));
    }

    /**
     * An environment variable value from a ConfigMap key ({@code valueFrom.configMapKeyRef}).
     *
     * @param configMap the ConfigMap's name; must not be {@code null}
     * @param key       the key; must not be {@code null}
     * @return the source, for {@link ContainerDef#env(String, EnvRef)}
     */
    public static EnvRef configMapKey(String configMap, String key) {
        return EnvRef.configMapKey(configMap, key);
    }

    /**
     * An environment variable value from a Secret key ({@code valueFrom.secretKeyRef}).
     *
     * @param secret the Secret's name; must not be {@code null}
     * @param key    the key; must not be {@code null}
     * @return the source, for {@link ContainerDef#env(String, EnvRef)}
     */
    public static EnvRef secretKey(String secret, String key) {
        return EnvRef.secretKey(secret, key);
    }

    /**
     * An environment variable value from a key of a ConfigMap object; the key is checked against it now.
     *
     * @param configMap a built ConfigMap; must not be {@code null}
     * @param key       one of its {@code data} or {@code binaryData} keys; must not be {@code null}
     * @return the source, for {@link ContainerDef#env(String, EnvRef)}
     * @throws IllegalArgumentException if the ConfigMap has no such key
     */
    public static EnvRef configMapKey(io.fabric8.kubernetes.api.model.ConfigMap configMap, String key) {
        String name = Refs.name(configMap, "configMap");
        return EnvRef.configMapKey(name, Refs.key(configMap, Refs.keys(configMap), key));
    }

    /**
     * An environment variable value from a key of a Secret object; the key (never a value) is checked against it now.
     *
     * @param secret a built Secret; must not be {@code null}
     * @param key    one of its {@code data} or {@code stringData} keys; must not be {@code null}
     * @return the source, for {@link ContainerDef#env(String, EnvRef)}
     * @throws IllegalArgumentException if the Secret has no such key
     */
    public static EnvRef secretKey(io.fabric8.kubernetes.api.model.Secret secret, String key) {
        String name = Refs.name(secret, "secret");
        return EnvRef.secretKey(name, Refs.key(secret, Refs.keys(secret), key));
    }

    /**
     * An environment variable value from a field of the Pod ({@code valueFrom.fieldRef}), e.g.
     * {@code metadata.name}, {@code metadata.namespace}, {@code status.podIP}, {@code spec.nodeName}.
     *
     * @param fieldPath the field path; must not be {@code null}
     * @return the source, for {@link ContainerDef#env(String, EnvRef)}
     */
    public static EnvRef fieldRef(String fieldPath) {
        return EnvRef.fieldRef(fieldPath);
    }

    /**
     * An environment variable value from the container's resources ({@code valueFrom.resourceFieldRef}), e.g.
     * {@code limits.memory}.
     *
     * @param resource the resource field; must not be {@code null}
     * @return the source, for {@link ContainerDef#env(String, EnvRef)}
     */
    public static EnvRef resourceFieldRef(String resource) {
        return EnvRef.resourceFieldRef(resource);
    }

    /**
     * Every key of a ConfigMap as environment variables ({@code envFrom[].configMapRef}).
     *
     * @param configMap the ConfigMap's name; must not be {@code null}
     * @return the source, for {@link ContainerDef#envFrom(EnvFromRef)}
     */
    public static EnvFromRef configMapEnv(String configMap) {
        return EnvFromRef.of(false, configMap);
    }

    /**
     * Every key of a Secret as environment variables ({@code envFrom[].secretRef}).
     *
     * @param secret the Secret's name; must not be {@code null}
     * @return the source, for {@link ContainerDef#envFrom(EnvFromRef)}
     */
    public static EnvFromRef secretEnv(String secret) {
        return EnvFromRef.of(true, secret);
    }

    /**
     * Every key of a ConfigMap object as environment variables ({@code envFrom[].configMapRef}).
     *
     * @param configMap a built ConfigMap; must not be {@code null}
     * @return the source, for {@link ContainerDef#envFrom(EnvFromRef)}
     */
    public static EnvFromRef configMapEnv(io.fabric8.kubernetes.api.model.ConfigMap configMap) {
        return EnvFromRef.of(false, Refs.name(configMap, "configMap"));
    }

    /**
     * Every key of a Secret object as environment variables ({@code envFrom[].secretRef}).
     *
     * @param secret a built Secret; must not be {@code null}
     * @return the source, for {@link ContainerDef#envFrom(EnvFromRef)}
     */
    public static EnvFromRef secretEnv(io.fabric8.kubernetes.api.model.Secret secret) {
        return EnvFromRef.of(true, Refs.name(secret, "secret"));
    }

    /**
     * A volume holding a ConfigMap object's keys as files; {@link VolumeDef#item(String, String)} projects chosen
     * keys, checked against the object's keys.
     *
     * @param name      the volume name; must not be {@code null}
     * @param configMap a built ConfigMap; must not be {@code null}
     * @return the volume
     */
    public static VolumeDef configMapVolume(String name, io.fabric8.kubernetes.api.model.ConfigMap configMap) {
        return VolumeDef.configMap(name, Refs.name(configMap, "configMap")).from(configMap, Refs.keys(configMap));
    }

    /**
     * A volume holding a Secret object's keys as files; {@link VolumeDef#item(String, String)} projects chosen keys,
     * checked against the object's keys (never its values).
     *
     * @param name   the volume name; must not be {@code null}
     * @param secret a built Secret; must not be {@code null}
     * @return the volume
     */
    public static VolumeDef secretVolume(String name, io.fabric8.kubernetes.api.model.Secret secret) {
        return VolumeDef.secret(name, Refs.name(secret, "secret")).from(secret, Refs.keys(secret));
    }

    /**
     * An empty directory volume that lives as long as the Pod ({@code emptyDir: {}}).
     *
     * @param name the volume name, a DNS-1123 label; must not be {@code null}
     * @return the volume
     */
    public static VolumeDef emptyDirVolume(String name) {
        return VolumeDef.emptyDir(name);
    }

    /**
     * A volume holding a ConfigMap's keys as files ({@code configMap.name}).
     *
     * @param name      the volume name; must not be {@code null}
     * @param configMap the ConfigMap's name; must not be {@code null}
     * @return the volume
     */
    public static VolumeDef configMapVolume(String name, String configMap) {
        return VolumeDef.configMap(name, configMap);
    }

    /**
     * A volume holding a Secret's keys as files ({@code secret.secretName}).
     *
     * @param name   the volume name; must not be {@code null}
     * @param secret the Secret's name; must not be {@code null}
     * @return the volume
     */
    public static VolumeDef secretVolume(String name, String secret) {
        return VolumeDef.secret(name, secret);
    }

    /**
     * A volume backed by a PersistentVolumeClaim ({@code persistentVolumeClaim.claimName}).
     *
     * @param name      the volume name; must not be {@code null}
     * @param claimName the claim's name; must not be {@code null}
     * @return the volume
     */
    public static VolumeDef pvcVolume(String name, String claimName) {
        return VolumeDef.persistentVolumeClaim(name, claimName);
    }

    /**
     * A mount of a Pod volume at a path, with options such as {@code .readOnly()} and {@code .subPath(..)}.
     *
     * @param volume    the volume name; must not be {@code null}
     * @param mountPath an absolute path; must not be {@code null}
     * @return the mount, for {@link ContainerDef#volumeMount(VolumeMountDef)}
     */
    public static VolumeMountDef mount(String volume, String mountPath) {
        return VolumeMountDef.of(volume, mountPath);
    }

    /**
     * A toleration of taints with this key (operator {@code Exists} until {@code .equalTo(..)}).
     *
     * @param key the taint key, e.g. {@code dedicated}; must not be {@code null}
     * @return the toleration
     */
    public static TolerationDef toleration(String key) {
        return TolerationDef.of(key);
    }

    /**
     * A Service port with every option, e.g. {@code servicePort(80).name("http").targetPort("http").nodePort(30080)}.
     *
     * @param port the Service port, 1 to 65535
     * @return the port, for {@link ServiceDef#port(ServicePortDef)}
     */
    public static ServicePortDef servicePort(int port) {
        return ServicePortDef.of(port);
    }
}
