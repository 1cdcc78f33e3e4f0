package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.error.ShouldRoutePort.shouldRoutePort;
import static dev.kubefluent.testing.assertions.error.ShouldSelect.shouldSelect;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assertions on a Service manifest: which pods it selects and how it routes its ports.
 *
 * <pre>{@code
 * assertThat(svc).selects(web).routesPort(80, "http");
 * }</pre>
 *
 * @since 0.1.0
 */
public class ServiceAssert extends AbstractResourceAssert<ServiceAssert, Service> {

    /**
     * Creates an assertion; prefer {@link KubeAssertions#assertThat(Service)}.
     *
     * @param actual the Service under test, may be {@code null} (every assertion then fails)
     */
    public ServiceAssert(Service actual) {
        super(actual, ServiceAssert.class);
    }

    /**
     * Verifies that the Service's {@code spec.selector} matches the labels of the pods a workload creates (or of a
     * Pod): every selector entry is among the pod labels. An empty selector selects nothing. Namespaces are not
     * compared.
     *
     * <p>Assertion succeeds: {@code assertThat(svc).selects(web);} for a Service with selector {@code app=web} and a
     * Deployment whose pod template is labelled {@code app=web, tier=front}. Assertion fails: the same call when the
     * pods are labelled {@code app=api}.
     *
     * @param workload a Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController or Job; must not be
     *                 {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code workload} is {@code null} or does not create pods
     * @throws AssertionError if the selector does not match the pod labels
     */
    public ServiceAssert selects(HasMetadata workload) {
        Checks.notNull(workload, "workload");
        if (!Workloads.hasPods(workload)) {
            throw new IllegalArgumentException("workload must be a Pod or have a pod template but was: "
                    + ResourceRef.of(workload));
        }
        if (skipped) {
            return myself;
        }
        isNotNull();
        Map<String, String> selector = actual.getSpec() == null || actual.getSpec().getSelector() == null
                ? Map.of() : actual.getSpec().getSelector();
        Map<String, String> podLabels = Workloads.podLabels(workload);
        boolean matches = !selector.isEmpty()
                && selector.entrySet().stream().allMatch(e -> Objects.equals(podLabels.get(e.getKey()), e.getValue()));
        if (!matches) {
            throwAssertionError(shouldSelect(resource(), "spec.selector", ResourceRef.of(workload), podLabels, selector));
        }
        return myself;
    }

    /**
     * Verifies that the Service has port {@code port} and sends it to the named container port {@code targetPort}.
     *
     * <p>Assertion succeeds: {@code assertThat(svc).routesPort(80, "http");} for a Service with
     * {@code ports: [{port: 80, targetPort: http}]}. Assertion fails: the same call when port 80 targets
     * {@code 8080}, or when there is no port 80.
     *
     * @param port       the Service port
     * @param targetPort the name of the container port it targets; must not be {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code targetPort} is {@code null}
     * @throws AssertionError if no Service port routes {@code port} to {@code targetPort}
     */
    public ServiceAssert routesPort(int port, String targetPort) {
        Checks.notNull(targetPort, "targetPort");
        return routes(port, new IntOrString(targetPort));
    }

    /**
     * Verifies that the Service has port {@code port} and sends it to container port number {@code targetPort}. An
     * unset {@code targetPort} counts as {@code port}, as the API server defaults it.
     *
     * <p>Assertion succeeds: {@code assertThat(svc).routesPort(80, 8080);} for a Service with
     * {@code ports: [{port: 80, targetPort: 8080}]}. Assertion fails: the same call when port 80 targets
     * {@code http}.
     *
     * @param port       the Service port
     * @param targetPort the container port number it targets
     * @return this assertion for method chaining
     * @throws AssertionError if no Service port routes {@code port} to {@code targetPort}
     */
    public ServiceAssert routesPort(int port, int targetPort) {
        return routes(port, new IntOrString(targetPort));
    }

    private ServiceAssert routes(int port, IntOrString target) {
        if (skipped) {
            return myself;
        }
        isNotNull();
        List<ServicePort> ports = actual.getSpec() == null || actual.getSpec().getPorts() == null
                ? List.of() : actual.getSpec().getPorts();
        boolean found = ports.stream()
                .anyMatch(p -> Objects.equals(p.getPort(), port) && show(targetOf(p)).equals(show(target)));
        if (!found) {
            throwAssertionError(shouldRoutePort(resource(), "spec.ports", port + " -> " + show(target),
                    ports.stream().map(p -> p.getPort() + " -> " + show(targetOf(p))).toList()));
        }
        return myself;
    }

    private static IntOrString targetOf(ServicePort port) {
        return port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
    }

    private static String show(IntOrString value) {
        return value.getStrVal() != null ? value.getStrVal() : String.valueOf(value.getIntVal());
    }
}
