package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.error.ShouldHaveContainer.shouldHaveContainer;
import static dev.kubefluent.testing.assertions.error.ShouldHaveReplicas.shouldHaveReplicas;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * Assertions shared by a Pod and by the workloads that create pods from a template (Deployment, StatefulSet,
 * DaemonSet): the containers of the pod spec.
 *
 * @param <SELF>   the assertion's own type
 * @param <ACTUAL> the kind of object under test
 * @since 0.1.0
 */
public abstract class AbstractPodSpecAssert<SELF extends AbstractPodSpecAssert<SELF, ACTUAL>, ACTUAL extends HasMetadata>
        extends AbstractResourceAssert<SELF, ACTUAL> {

    /**
     * Creates an assertion.
     *
     * @param actual   the object under test, may be {@code null}
     * @param selfType the assertion's own class; must not be {@code null}
     */
    protected AbstractPodSpecAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Verifies that the pod spec has a container (not an init container) of the given name.
     *
     * <p>Assertion succeeds: {@code assertThat(web).hasContainer("web");} for a Deployment whose pods run a container
     * named {@code web}. Assertion fails: {@code assertThat(web).hasContainer("sidecar");} for the same Deployment.
     *
     * @param name the container name; must not be {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code name} is {@code null}
     * @throws AssertionError if there is no such container
     */
    public SELF hasContainer(String name) {
        if (skipped) {
            return myself;
        }
        isNotNull();
        Checks.notNull(name, "container name");
        if (indexOf(name) < 0) {
            throwAssertionError(missingContainer(name));
        }
        return myself;
    }

    /**
     * Navigates to the container of the given name, to assert on its image, ports, probes and resources. Messages
     * then name this object and the container's field path, e.g. {@code spec.template.spec.containers[0].image}.
     *
     * <pre>{@code
     * assertThat(web).container("web").hasImage("ghcr.io/acme/web:1.4.2").exposesPort("http", 8080);
     * }</pre>
     *
     * @param name the container name; must not be {@code null}
     * @return an assertion on the container
     * @throws IllegalArgumentException if {@code name} is {@code null}
     * @throws AssertionError if there is no such container
     */
    @CheckReturnValue
    public ContainerAssert container(String name) {
        Checks.notNull(name, "container name");
        if (skipped) {
            return skippedChild(ContainerAssert.class, Container.class);
        }
        if (actual == null) {
            navigationFailed(assertionError(org.assertj.core.error.ShouldNotBeNull.shouldNotBeNull()));
            return skippedChild(ContainerAssert.class, Container.class);
        }
        int index = indexOf(name);
        if (index < 0) {
            navigationFailed(assertionError(missingContainer(name)));
            return skippedChild(ContainerAssert.class, Container.class);
        }
        ContainerAssert child = child(ContainerAssert.class, Container.class, containers().get(index), ContainerAssert::new);
        child.owner = resource();
        child.path = containersPath() + "[" + index + "]";
        return child;
    }

    /** Checks {@code spec.replicas} of a replicated workload; unset counts as the API server's default, 1. */
    final void checkReplicas(int expected, Integer replicas) {
        if (expected < 0) {
            throw new IllegalArgumentException("expected replicas must not be negative but was: " + expected);
        }
        int effective = replicas == null ? 1 : replicas;
        if (effective != expected) {
            throwAssertionError(shouldHaveReplicas(resource(), "spec.replicas", expected, replicas));
        }
    }

    private org.assertj.core.error.ErrorMessageFactory missingContainer(String name) {
        return shouldHaveContainer(resource(), containersPath(), name,
                containers().stream().map(Container::getName).toList());
    }

    private int indexOf(String name) {
        List<Container> containers = containers();
        for (int i = 0; i < containers.size(); i++) {
            if (name.equals(containers.get(i).getName())) {
                return i;
            }
        }
        return -1;
    }

    private List<Container> containers() {
        PodSpec spec = Workloads.podSpec(actual);
        return spec == null || spec.getContainers() == null ? List.of() : spec.getContainers();
    }

    private String containersPath() {
        return Workloads.podSpecPath(actual) + ".containers";
    }
}
