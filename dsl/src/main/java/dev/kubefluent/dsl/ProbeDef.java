package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.ExecAction;
import io.fabric8.kubernetes.api.model.GRPCAction;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import java.util.List;
import java.util.function.Consumer;

/**
 * A container probe (readiness, liveness or startup): one handler plus its timings. Immutable: every method returns a
 * new probe.
 *
 * <pre>{@code
 * container("web").image("ghcr.io/acme/web:1.4.2")
 *     .readinessProbe(httpGet("/ready", "http").periodSeconds(5).failureThreshold(3))
 *     .livenessProbe(tcpSocket("http").initialDelaySeconds(10))
 * }</pre>
 *
 * <p>Create it with {@link Kube#httpGet(String, String)}, {@link Kube#tcpSocket(String)}, {@link Kube#exec(String...)}
 * or {@link Kube#grpc(int)}. Unset timings keep the Kubernetes defaults (period 10 s, timeout 1 s, failure threshold 3).
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class ProbeDef {

    private enum Handler { HTTP_GET, TCP_SOCKET, EXEC, GRPC }

    private final Handler handler;
    private final Ops<Probe> ops;
    private final Ops<ProbeBuilder> hatches;

    private ProbeDef(Handler handler, Ops<Probe> ops, Ops<ProbeBuilder> hatches) {
        this.handler = handler;
        this.ops = ops;
        this.hatches = hatches;
    }

    private ProbeDef(Handler handler, Ops<Probe> ops) {
        this(handler, ops, Ops.empty());
    }

    static ProbeDef httpGet(String path, IntOrString port) {
        return new ProbeDef(Handler.HTTP_GET, Ops.<Probe>empty().then(p -> {
            HTTPGetAction a = new HTTPGetAction();
            a.setPath(path);
            a.setPort(copy(port));
            p.setHttpGet(a);
        }));
    }

    static ProbeDef tcpSocket(IntOrString port) {
        return new ProbeDef(Handler.TCP_SOCKET, Ops.<Probe>empty().then(p -> {
            TCPSocketAction a = new TCPSocketAction();
            a.setPort(copy(port));
            p.setTcpSocket(a);
        }));
    }

    static ProbeDef exec(List<String> command) {
        return new ProbeDef(Handler.EXEC, Ops.<Probe>empty().then(p -> p.setExec(new ExecAction(List.copyOf(command)))));
    }

    static ProbeDef grpc(int port, String service) {
        return new ProbeDef(Handler.GRPC, Ops.<Probe>empty().then(p -> {
            GRPCAction a = new GRPCAction();
            a.setPort(port);
            a.setService(service);
            p.setGrpc(a);
        }));
    }

    private static IntOrString copy(IntOrString port) {
        return port.getIntVal() != null ? new IntOrString(port.getIntVal()) : new IntOrString(port.getStrVal());
    }

    private ProbeDef then(Consumer<Probe> op) {
        return new ProbeDef(handler, ops.then(op), hatches);
    }

    /**
     * Sets {@code initialDelaySeconds}: how long after the container starts the first probe runs.
     *
     * @param seconds zero or more
     * @return a new probe with the delay
     */
    public ProbeDef initialDelaySeconds(int seconds) {
        Checks.notNegative(seconds, "initialDelaySeconds");
        return then(p -> p.setInitialDelaySeconds(seconds));
    }

    /**
     * Sets {@code periodSeconds}: how often the probe runs (Kubernetes default 10).
     *
     * @param seconds at least 1
     * @return a new probe with the period
     */
    public ProbeDef periodSeconds(int seconds) {
        Checks.positive(seconds, "periodSeconds");
        return then(p -> p.setPeriodSeconds(seconds));
    }

    /**
     * Sets {@code timeoutSeconds}: how long one probe may take (Kubernetes default 1).
     *
     * @param seconds at least 1
     * @return a new probe with the timeout
     */
    public ProbeDef timeoutSeconds(int seconds) {
        Checks.positive(seconds, "timeoutSeconds");
        return then(p -> p.setTimeoutSeconds(seconds));
    }

    /**
     * Sets {@code successThreshold}: consecutive successes needed after a failure (must be 1 for liveness and
     * startup probes, which {@code build()} checks).
     *
     * @param count at least 1
     * @return a new probe with the threshold
     */
    public ProbeDef successThreshold(int count) {
        Checks.positive(count, "successThreshold");
        return then(p -> p.setSuccessThreshold(count));
    }

    /**
     * Sets {@code failureThreshold}: consecutive failures before the probe counts as failed (Kubernetes default 3).
     *
     * @param count at least 1
     * @return a new probe with the threshold
     */
    public ProbeDef failureThreshold(int count) {
        Checks.positive(count, "failureThreshold");
        return then(p -> p.setFailureThreshold(count));
    }

    /**
     * Sets the probe's {@code terminationGracePeriodSeconds} (liveness and startup probes only).
     *
     * @param seconds zero or more
     * @return a new probe with the grace period
     */
    public ProbeDef terminationGracePeriodSeconds(long seconds) {
        Checks.notNegative(seconds, "terminationGracePeriodSeconds");
        return then(p -> p.setTerminationGracePeriodSeconds(seconds));
    }

    /**
     * Makes an HTTP GET probe use {@code scheme: HTTPS}.
     *
     * @return a new probe using HTTPS
     * @throws IllegalStateException if this is not an {@code httpGet} probe
     */
    public ProbeDef https() {
        requireHttp("https()");
        return then(p -> p.getHttpGet().setScheme("HTTPS"));
    }

    /**
     * Adds an HTTP header to an HTTP GET probe ({@code httpGet.httpHeaders}).
     *
     * @param name  the header name; must not be {@code null}
     * @param value the header value; must not be {@code null}
     * @return a new probe with the header
     * @throws IllegalStateException if this is not an {@code httpGet} probe
     */
    public ProbeDef header(String name, String value) {
        Checks.notBlank(name, "header name");
        Checks.notNull(value, "header value");
        requireHttp("header(..)");
        return then(p -> p.getHttpGet().getHttpHeaders().add(new HTTPHeader(name, value)));
    }

    private void requireHttp(String method) {
        if (handler != Handler.HTTP_GET) {
            throw new IllegalStateException(method + " applies only to an httpGet probe, but this probe uses "
                    + handler.name().toLowerCase().replace("_get", "Get").replace("_socket", "Socket"));
        }
    }

    /**
     * Edits the probe with fabric8's builder, for a field this DSL does not cover. It runs after every typed setter,
     * and what it sets is kept; the workload's {@code build()} validates the result (one handler, valid timings).
     *
     * <pre>{@code
     * httpGet("/ready", "http").customize(p -> p.editHttpGet().withHost("127.0.0.1").endHttpGet())
     * }</pre>
     *
     * @param edit the edit; must not be {@code null}
     * @return a new probe with the edit
     */
    public ProbeDef customize(Consumer<ProbeBuilder> edit) {
        Checks.notNull(edit, "customize");
        return new ProbeDef(handler, ops, hatches.then(edit));
    }

    Probe toProbe() {
        Probe p = new Probe();
        ops.applyTo(p);
        return hatches.edit(p, ProbeBuilder::new, ProbeBuilder::build);
    }

    /** @return the handler and timings as in a manifest */
    @Override
    public String toString() {
        return "ProbeDef" + toProbe();
    }
}
