package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.error.ShouldExposePort.shouldExposePort;
import static dev.kubefluent.testing.assertions.error.ShouldHaveImage.shouldHaveImage;
import static dev.kubefluent.testing.assertions.error.ShouldHaveProbe.shouldHaveProbe;
import static dev.kubefluent.testing.assertions.error.ShouldHaveResourceQuantity.shouldHaveResourceQuantity;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assertions on one container: its image, ports, probes, and CPU and memory requests and limits.
 *
 * <p>Reached from a Pod or workload assertion, messages name the owning object and the container's field path:
 * <pre>{@code
 * assertThat(web).container("web").hasImage("ghcr.io/acme/web:1.4.2").exposesPort("http", 8080)
 *                .hasReadinessProbe().hasCpuRequest("250m");
 * }</pre>
 *
 * @since 0.1.0
 */
public class ContainerAssert extends AbstractKubeAssert<ContainerAssert, Container> {

    /** The object that holds the container, {@code null} for a container asserted on its own. */
    ResourceRef owner;

    /** The container's field path inside {@link #owner}, e.g. {@code spec.template.spec.containers[0]}. */
    String path = "";

    /**
     * Creates an assertion on a container on its own; prefer {@link KubeAssertions#assertThat(Container)}, or
     * {@code container(name)} on a Pod or workload assertion so that messages name the owning object.
     *
     * @param actual the container under test, may be {@code null} (every assertion then fails)
     */
    public ContainerAssert(Container actual) {
        super(actual, ContainerAssert.class);
    }

    /**
     * Verifies the container's image reference, compared as written.
     *
     * <p>Assertion succeeds: {@code assertThat(web).container("web").hasImage("ghcr.io/acme/web:1.4.2");} for a
     * container running that image. Assertion fails: the same call when the container runs
     * {@code ghcr.io/acme/web:1.4.1}.
     *
     * @param expected the image reference; must not be {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code expected} is {@code null}
     * @throws AssertionError if the image differs
     */
    public ContainerAssert hasImage(String expected) {
        if (skipped) {
            return myself;
        }
        isNotNull();
        Checks.notNull(expected, "image");
        if (!expected.equals(actual.getImage())) {
            throwAssertionError(shouldHaveImage(owner(), field("image"), expected, actual.getImage()));
        }
        return myself;
    }

    /**
     * Verifies that the container exposes a port with the given name and number.
     *
     * <p>Assertion succeeds: {@code assertThat(web).container("web").exposesPort("http", 8080);} for a container
     * with {@code ports: [{name: http, containerPort: 8080}]}. Assertion fails: {@code exposesPort("http", 9090)} on
     * the same container.
     *
     * @param name          the port name; must not be {@code null}
     * @param containerPort the port number
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code name} is {@code null}
     * @throws AssertionError if no port has both that name and that number
     */
    public ContainerAssert exposesPort(String name, int containerPort) {
        if (skipped) {
            return myself;
        }
        isNotNull();
        Checks.notNull(name, "port name");
        boolean found = ports().stream()
                .anyMatch(p -> name.equals(p.getName()) && Objects.equals(containerPort, p.getContainerPort()));
        if (!found) {
            throwAssertionError(shouldExposePort(owner(), field("ports"), name + ":" + containerPort, describePorts()));
        }
        return myself;
    }

    /**
     * Verifies that the container exposes the given port number, whatever its name.
     *
     * <p>Assertion succeeds: {@code assertThat(web).container("web").exposesPort(8080);} for a container with
     * {@code containerPort: 8080}. Assertion fails: {@code exposesPort(9090)} on the same container.
     *
     * @param containerPort the port number
     * @return this assertion for method chaining
     * @throws AssertionError if no port has that number
     */
    public ContainerAssert exposesPort(int containerPort) {
        if (skipped) {
            return myself;
        }
        isNotNull();
        if (ports().stream().noneMatch(p -> Objects.equals(containerPort, p.getContainerPort()))) {
            throwAssertionError(shouldExposePort(owner(), field("ports"), String.valueOf(containerPort), describePorts()));
        }
        return myself;
    }

    /**
     * Verifies that the container has a readiness probe.
     *
     * <p>Assertion succeeds: {@code assertThat(web).container("web").hasReadinessProbe();} for a container with a
     * {@code readinessProbe}. Assertion fails: the same call for a container without one.
     *
     * @return this assertion for method chaining
     * @throws AssertionError if {@code readinessProbe} is not set
     */
    public ContainerAssert hasReadinessProbe() {
        return hasProbe(actual == null ? null : actual.getReadinessProbe(), "readinessProbe");
    }

    /**
     * Verifies that the container has a liveness probe.
     *
     * <p>Assertion succeeds: {@code assertThat(web).container("web").hasLivenessProbe();} for a container with a
     * {@code livenessProbe}. Assertion fails: the same call for a container without one.
     *
     * @return this assertion for method chaining
     * @throws AssertionError if {@code livenessProbe} is not set
     */
    public ContainerAssert hasLivenessProbe() {
        return hasProbe(actual == null ? null : actual.getLivenessProbe(), "livenessProbe");
    }

    private ContainerAssert hasProbe(Probe probe, String name) {
        if (skipped) {
            return myself;
        }
        isNotNull();
        if (probe == null) {
            throwAssertionError(shouldHaveProbe(owner(), field(name)));
        }
        return myself;
    }

    /**
     * Verifies the container's CPU request, {@code resources.requests.cpu}, compared as a quantity ({@code 250m}
     * equals {@code 0.25}).
     *
     * <p>Assertion succeeds: {@code assertThat(web).container("web").hasCpuRequest("250m");} for a container
     * requesting {@code cpu: 250m}. Assertion fails: {@code hasCpuRequest("500m")} on the same container.
     *
     * @param expected the quantity, e.g. {@code 250m}; must be a valid Kubernetes quantity
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code expected} is {@code null} or not a quantity
     * @throws AssertionError if the request is unset or another quantity
     */
    public ContainerAssert hasCpuRequest(String expected) {
        return hasQuantity(expected, "requests", "cpu");
    }

    /**
     * Verifies the container's memory request, {@code resources.requests.memory}, compared as a quantity
     * ({@code 1Gi} equals {@code 1024Mi}).
     *
     * <p>Assertion succeeds: {@code assertThat(web).container("web").hasMemoryRequest("256Mi");} for a container
     * requesting {@code memory: 256Mi}. Assertion fails: {@code hasMemoryRequest("512Mi")} on the same container.
     *
     * @param expected the quantity, e.g. {@code 256Mi}; must be a valid Kubernetes quantity
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code expected} is {@code null} or not a quantity
     * @throws AssertionError if the request is unset or another quantity
     */
    public ContainerAssert hasMemoryRequest(String expected) {
        return hasQuantity(expected, "requests", "memory");
    }

    /**
     * Verifies the container's CPU limit, {@code resources.limits.cpu}, compared as a quantity.
     *
     * <p>Assertion succeeds: {@code assertThat(web).container("web").hasCpuLimit("1");} for a container limited to
     * {@code cpu: 1000m}. Assertion fails: {@code hasCpuLimit("2")} on the same container.
     *
     * @param expected the quantity, e.g. {@code 500m}; must be a valid Kubernetes quantity
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code expected} is {@code null} or not a quantity
     * @throws AssertionError if the limit is unset or another quantity
     */
    public ContainerAssert hasCpuLimit(String expected) {
        return hasQuantity(expected, "limits", "cpu");
    }

    /**
     * Verifies the container's memory limit, {@code resources.limits.memory}, compared as a quantity.
     *
     * <p>Assertion succeeds: {@code assertThat(web).container("web").hasMemoryLimit("512Mi");} for a container
     * limited to {@code memory: 512Mi}. Assertion fails: {@code hasMemoryLimit("1Gi")} on the same container.
     *
     * @param expected the quantity, e.g. {@code 512Mi}; must be a valid Kubernetes quantity
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code expected} is {@code null} or not a quantity
     * @throws AssertionError if the limit is unset or another quantity
     */
    public ContainerAssert hasMemoryLimit(String expected) {
        return hasQuantity(expected, "limits", "memory");
    }

    private ContainerAssert hasQuantity(String expected, String kind, String resourceName) {
        String what = resourceName + " " + kind.substring(0, kind.length() - 1);
        Checks.notNull(expected, what);
        BigDecimal wanted = amount(expected);
        if (wanted == null) {
            throw new IllegalArgumentException(what + " must be a Kubernetes quantity such as 250m or 1Gi but was: \""
                    + expected + "\"");
        }
        if (skipped) {
            return myself;
        }
        isNotNull();
        ResourceRequirements resources = actual.getResources();
        Map<String, Quantity> quantities = resources == null ? null
                : "requests".equals(kind) ? resources.getRequests() : resources.getLimits();
        Quantity quantity = quantities == null ? null : quantities.get(resourceName);
        BigDecimal amount = quantity == null ? null : amount(quantity.toString());
        if (amount == null || amount.compareTo(wanted) != 0) {
            throwAssertionError(shouldHaveResourceQuantity(owner(), field("resources." + kind + "." + resourceName),
                    expected, quantity == null ? null : quantity.toString()));
        }
        return myself;
    }

    private static BigDecimal amount(String quantity) {
        try {
            return Quantity.getAmountInBytes(new Quantity(quantity));
        } catch (RuntimeException notAQuantity) {
            return null;
        }
    }

    private List<ContainerPort> ports() {
        return actual.getPorts() == null ? List.of() : actual.getPorts();
    }

    private List<String> describePorts() {
        return ports().stream()
                .map(p -> p.getName() == null ? String.valueOf(p.getContainerPort()) : p.getName() + ":" + p.getContainerPort())
                .toList();
    }

    private ResourceRef owner() {
        return owner != null ? owner : ResourceRef.of("Container", null, actual.getName());
    }

    private String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
