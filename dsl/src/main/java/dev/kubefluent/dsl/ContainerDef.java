package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A container of a Pod or Pod template ({@code containers[]} or {@code initContainers[]}). Immutable: every method
 * returns a new definition, so one can serve as a base for several containers.
 *
 * <pre>{@code
 * container("web")
 *     .image("ghcr.io/acme/web:1.4.2")
 *     .port("http", 8080)
 *     .env("LOG_LEVEL", "info")
 *     .requests(cpu("250m"), memory("256Mi"))
 *     .limits(cpu("1"), memory("512Mi"))
 *     .readinessProbe(httpGet("/ready", "http"))
 * }</pre>
 *
 * <p>The workload's {@link SecurityProfile} adds a secure security context to every container in its {@code build()};
 * a container built on its own with {@link #build()} gets exactly what was set.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class ContainerDef {

    private final String name;
    private final Ops<Container> ops;
    private final Ops<ContainerBuilder> hatches;

    private ContainerDef(String name, Ops<Container> ops, Ops<ContainerBuilder> hatches) {
        this.name = name;
        this.ops = ops;
        this.hatches = hatches;
    }

    static ContainerDef of(String name, String image) {
        return new ContainerDef(name, Ops.<Container>empty().then(c -> {
            c.setName(name);
            c.setImage(image);
        }), Ops.empty());
    }

    private ContainerDef then(Consumer<Container> op) {
        return new ContainerDef(name, ops.then(op), hatches);
    }

    /** @return the container name */
    public String name() {
        return name;
    }

    /**
     * Replaces the container's {@code image}.
     *
     * @param image an image reference such as {@code ghcr.io/acme/web:1.4.3}; must not be {@code null}
     * @return a new container with the image
     * @throws IllegalArgumentException if the reference is malformed
     */
    public ContainerDef image(String image) {
        Checks.image(image);
        return then(c -> c.setImage(image));
    }

    /**
     * Sets the {@code imagePullPolicy} (Kubernetes default: Always for {@code :latest} or no tag, else IfNotPresent).
     *
     * @param policy the policy; must not be {@code null}
     * @return a new container with the policy
     */
    public ContainerDef imagePullPolicy(ImagePullPolicy policy) {
        Checks.notNull(policy, "imagePullPolicy");
        return then(c -> c.setImagePullPolicy(policy.value()));
    }

    /**
     * Sets the {@code command} (the image's ENTRYPOINT is replaced).
     *
     * @param command the executable and its first arguments; none {@code null}
     * @return a new container with the command
     */
    public ContainerDef command(String... command) {
        List<String> copy = List.of(Checks.noNulls(command, "command"));
        return then(c -> c.setCommand(new ArrayList<>(copy)));
    }

    /**
     * Sets the {@code args} (the image's CMD is replaced).
     *
     * @param args the arguments; none {@code null}
     * @return a new container with the arguments
     */
    public ContainerDef args(String... args) {
        List<String> copy = List.of(Checks.noNulls(args, "args"));
        return then(c -> c.setArgs(new ArrayList<>(copy)));
    }

    /**
     * Sets the {@code workingDir}.
     *
     * @param dir an absolute path; must not be {@code null}
     * @return a new container with the working directory
     */
    public ContainerDef workingDir(String dir) {
        Checks.absolutePath(dir, "workingDir");
        return then(c -> c.setWorkingDir(dir));
    }

    /**
     * Adds an unnamed TCP {@code ports[]} entry.
     *
     * @param containerPort 1 to 65535
     * @return a new container with the port
     */
    public ContainerDef port(int containerPort) {
        return addPort(null, containerPort, null);
    }

    /**
     * Adds a named TCP {@code ports[]} entry; Services and probes can target it by name.
     *
     * @param name          an IANA service name such as {@code http} (at most 15 characters); must not be {@code null}
     * @param containerPort 1 to 65535
     * @return a new container with the port
     */
    public ContainerDef port(String name, int containerPort) {
        return addPort(Checks.portName(name, "port name"), containerPort, null);
    }

    /**
     * Adds a named {@code ports[]} entry with a protocol.
     *
     * @param name          an IANA service name such as {@code dns}; must not be {@code null}
     * @param containerPort 1 to 65535
     * @param protocol      TCP, UDP or SCTP; must not be {@code null}
     * @return a new container with the port
     */
    public ContainerDef port(String name, int containerPort, Protocol protocol) {
        return addPort(Checks.portName(name, "port name"), containerPort, Checks.notNull(protocol, "protocol"));
    }

    private ContainerDef addPort(String portName, int containerPort, Protocol protocol) {
        Checks.port(containerPort, "containerPort");
        return then(c -> {
            ContainerPort p = new ContainerPort();
            p.setName(portName);
            p.setContainerPort(containerPort);
            p.setProtocol(protocol == null ? null : protocol.value());
            c.getPorts().add(p);
        });
    }

    /**
     * Adds an environment variable with a literal {@code value}. Never put a secret here: use
     * {@link #env(String, EnvRef)} with {@link Kube#secretKey(String, String)}.
     *
     * @param name  the variable name; {@code build()} checks its form; must not be {@code null}
     * @param value the value; must not be {@code null}
     * @return a new container with the variable
     */
    public ContainerDef env(String name, String value) {
        Checks.notNull(name, "env name");
        Checks.notNull(value, "env value of " + Checks.quoted(name));
        return then(c -> c.getEnv().add(new EnvVar(name, value, null)));
    }

    /**
     * Adds an environment variable whose value comes from a ConfigMap key, a Secret key or a field
     * ({@code valueFrom}).
     *
     * @param name   the variable name; must not be {@code null}
     * @param source from {@link Kube#configMapKey}, {@link Kube#secretKey}, {@link Kube#fieldRef} or
     *               {@link Kube#resourceFieldRef}; must not be {@code null}
     * @return a new container with the variable
     */
    public ContainerDef env(String name, EnvRef source) {
        Checks.notNull(name, "env name");
        Checks.notNull(source, "env source of " + Checks.quoted(name));
        return then(c -> c.getEnv().add(new EnvVar(name, null, source.toSource())));
    }

    /**
     * Adds every key of a ConfigMap or Secret as environment variables ({@code envFrom[]}).
     *
     * @param source from {@link Kube#configMapEnv(String)} or {@link Kube#secretEnv(String)}; must not be
     *               {@code null}
     * @return a new container with the source
     */
    public ContainerDef envFrom(EnvFromRef source) {
        Checks.notNull(source, "envFrom");
        return then(c -> c.getEnvFrom().add(source.toSource()));
    }

    /**
     * Sets {@code resources.requests}: what the scheduler reserves. Nothing is requested unless set here.
     *
     * @param quantities from {@link Kube#cpu}, {@link Kube#memory} or {@link Kube#resource}; none {@code null}
     * @return a new container with the requests
     */
    public ContainerDef requests(ResourceQuantity... quantities) {
        List<ResourceQuantity> copy = List.of(Checks.noNulls(quantities, "requests"));
        return then(c -> putAll(resources(c).getRequests(), copy, resources(c)::setRequests));
    }

    /**
     * Sets {@code resources.limits}: the most the container may use. {@code build()} checks requests &le; limits.
     *
     * @param quantities from {@link Kube#cpu}, {@link Kube#memory} or {@link Kube#resource}; none {@code null}
     * @return a new container with the limits
     */
    public ContainerDef limits(ResourceQuantity... quantities) {
        List<ResourceQuantity> copy = List.of(Checks.noNulls(quantities, "limits"));
        return then(c -> putAll(resources(c).getLimits(), copy, resources(c)::setLimits));
    }

    private static ResourceRequirements resources(Container c) {
        if (c.getResources() == null) {
            c.setResources(new ResourceRequirements());
        }
        return c.getResources();
    }

    private static void putAll(Map<String, Quantity> current, List<ResourceQuantity> quantities,
            Consumer<Map<String, Quantity>> setter) {
        Map<String, Quantity> map = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
        quantities.forEach(q -> map.put(q.name(), q.toQuantity()));
        setter.accept(map);
    }

    /**
     * Sets the {@code readinessProbe}: while it fails, the Pod gets no Service traffic.
     *
     * @param probe the probe; must not be {@code null}
     * @return a new container with the probe
     */
    public ContainerDef readinessProbe(ProbeDef probe) {
        Checks.notNull(probe, "readinessProbe");
        return then(c -> c.setReadinessProbe(probe.toProbe()));
    }

    /**
     * Sets the {@code livenessProbe}: when it fails, the kubelet restarts the container.
     *
     * @param probe the probe; must not be {@code null}
     * @return a new container with the probe
     */
    public ContainerDef livenessProbe(ProbeDef probe) {
        Checks.notNull(probe, "livenessProbe");
        return then(c -> c.setLivenessProbe(probe.toProbe()));
    }

    /**
     * Sets the {@code startupProbe}: the other probes wait until it succeeds once.
     *
     * @param probe the probe; must not be {@code null}
     * @return a new container with the probe
     */
    public ContainerDef startupProbe(ProbeDef probe) {
        Checks.notNull(probe, "startupProbe");
        return then(c -> c.setStartupProbe(probe.toProbe()));
    }

    /**
     * Mounts a Pod volume read-write at a path ({@code volumeMounts[]}).
     *
     * @param volume    the name of a volume declared on the workload; must not be {@code null}
     * @param mountPath an absolute path; must not be {@code null}
     * @return a new container with the mount
     */
    public ContainerDef volumeMount(String volume, String mountPath) {
        return volumeMount(VolumeMountDef.of(volume, mountPath));
    }

    /**
     * Mounts a Pod volume ({@code volumeMounts[]}) with options, e.g. {@code mount("config", "/etc/web").readOnly()}.
     *
     * @param mount the mount; must not be {@code null}
     * @return a new container with the mount
     */
    public ContainerDef volumeMount(VolumeMountDef mount) {
        Checks.notNull(mount, "volumeMount");
        return then(c -> c.getVolumeMounts().add(mount.toVolumeMount()));
    }

    private ContainerDef security(Consumer<SecurityContext> op) {
        return then(c -> {
            if (c.getSecurityContext() == null) {
                c.setSecurityContext(new SecurityContext());
            }
            op.accept(c.getSecurityContext());
        });
    }

    /**
     * Sets {@code securityContext.runAsUser}.
     *
     * @param uid 0 (root) or more
     * @return a new container with the user
     */
    public ContainerDef runAsUser(long uid) {
        Checks.notNegative(uid, "runAsUser");
        return security(s -> s.setRunAsUser(uid));
    }

    /**
     * Sets {@code securityContext.runAsGroup}.
     *
     * @param gid 0 or more
     * @return a new container with the group
     */
    public ContainerDef runAsGroup(long gid) {
        Checks.notNegative(gid, "runAsGroup");
        return security(s -> s.setRunAsGroup(gid));
    }

    /**
     * Sets {@code securityContext.runAsNonRoot}.
     *
     * @param nonRoot whether the kubelet must refuse to start the container as root
     * @return a new container with the setting
     */
    public ContainerDef runAsNonRoot(boolean nonRoot) {
        return security(s -> s.setRunAsNonRoot(nonRoot));
    }

    /**
     * Sets {@code securityContext.readOnlyRootFilesystem}.
     *
     * @param readOnly whether the root filesystem is read-only
     * @return a new container with the setting
     */
    public ContainerDef readOnlyRootFilesystem(boolean readOnly) {
        return security(s -> s.setReadOnlyRootFilesystem(readOnly));
    }

    /**
     * Sets {@code securityContext.allowPrivilegeEscalation}.
     *
     * @param allow whether a process may gain more privileges than its parent
     * @return a new container with the setting
     */
    public ContainerDef allowPrivilegeEscalation(boolean allow) {
        return security(s -> s.setAllowPrivilegeEscalation(allow));
    }

    /**
     * Sets {@code securityContext.privileged}.
     *
     * @param privileged whether the container runs privileged
     * @return a new container with the setting
     */
    public ContainerDef privileged(boolean privileged) {
        return security(s -> s.setPrivileged(privileged));
    }

    /**
     * Adds Linux capabilities ({@code securityContext.capabilities.add}), e.g. {@code NET_BIND_SERVICE}.
     *
     * @param capabilities the capabilities; none {@code null}
     * @return a new container with the capabilities
     */
    public ContainerDef addCapabilities(String... capabilities) {
        List<String> copy = List.of(Checks.noNulls(capabilities, "capabilities"));
        return security(s -> capabilities(s).getAdd().addAll(copy));
    }

    /**
     * Drops Linux capabilities ({@code securityContext.capabilities.drop}), e.g. {@code ALL}.
     *
     * @param capabilities the capabilities; none {@code null}
     * @return a new container with the capabilities dropped
     */
    public ContainerDef dropCapabilities(String... capabilities) {
        List<String> copy = List.of(Checks.noNulls(capabilities, "capabilities"));
        return security(s -> capabilities(s).getDrop().addAll(copy));
    }

    private static Capabilities capabilities(SecurityContext s) {
        if (s.getCapabilities() == null) {
            s.setCapabilities(new Capabilities(new ArrayList<>(), new ArrayList<>()));
        }
        return s.getCapabilities();
    }

    /**
     * Edits the container with fabric8's builder, for a field this DSL does not cover. It runs in {@code build()}
     * after every typed setter, and what it sets is kept (defaults only fill fields that are still unset).
     *
     * @param edit the edit; must not be {@code null}
     * @return a new container with the edit
     */
    public ContainerDef customize(Consumer<ContainerBuilder> edit) {
        Checks.notNull(edit, "customize");
        return new ContainerDef(name, ops, hatches.then(edit));
    }

    /**
     * Builds a fresh fabric8 {@link Container}; each call returns a new object.
     *
     * @return the container
     */
    public Container build() {
        Container c = new Container();
        ops.applyTo(c);
        if (!hatches.isEmpty()) {
            ContainerBuilder b = new ContainerBuilder(c);
            hatches.applyTo(b);
            c = b.build();
        }
        return c;
    }

    /** @return the container as in a manifest */
    @Override
    public String toString() {
        return "ContainerDef" + Arrays.asList(build());
    }
}
