package dev.kubefluent.testing.sim;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Fault injection for a simulated cluster: make chosen requests fail, answer late, conflict or lose their watch.
 *
 * <p>Faults are matched in the order they were added; the first one that matches a request (and is not used up)
 * hits it. The cluster's {@link SimulatedCluster#client() client} does not retry, so a test sees every fault.
 *
 * <pre>{@code
 * Fault fault = cluster.faults().on(Verb.CREATE, "configmaps").times(1).respondWith(500, "etcd is down");
 * assertThatThrownBy(() -> client.configMaps().resource(cfg).create()).hasMessageContaining("etcd is down");
 * assertThat(fault.hits()).isEqualTo(1);
 * }</pre>
 *
 * @since 0.1
 */
public final class Faults {

    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Function<String, Integer> watchDropper;
    private final Runnable checkOpen;

    Faults(Function<String, Integer> watchDropper, Runnable checkOpen) {
        this.watchDropper = watchDropper;
        this.checkOpen = checkOpen;
    }

    /**
     * Starts a fault on requests with this verb and resource.
     *
     * @param verb the verb, must not be {@code null}
     * @param resource the resource plural as in the URL ({@code "deployments"}), must not be {@code null}
     * @return the spec to narrow down and finish
     */
    public FaultSpec on(Verb verb, String resource) {
        if (verb == null) {
            throw new IllegalArgumentException("verb must not be null");
        }
        if (resource == null || resource.isEmpty()) {
            throw new IllegalArgumentException("resource must not be null or empty");
        }
        checkOpen.run();
        return new FaultSpec(this, verb, resource);
    }

    /**
     * Starts a fault on requests with this verb, whatever the resource.
     *
     * @param verb the verb, must not be {@code null}
     * @return the spec to narrow down and finish
     */
    public FaultSpec on(Verb verb) {
        if (verb == null) {
            throw new IllegalArgumentException("verb must not be null");
        }
        checkOpen.run();
        return new FaultSpec(this, verb, null);
    }

    /**
     * Starts a fault on every request about this resource, whatever the verb.
     *
     * @param resource the resource plural as in the URL ({@code "pods"}), must not be {@code null}
     * @return the spec to narrow down and finish
     */
    public FaultSpec onAnyVerb(String resource) {
        if (resource == null || resource.isEmpty()) {
            throw new IllegalArgumentException("resource must not be null or empty");
        }
        checkOpen.run();
        return new FaultSpec(this, null, resource);
    }

    /**
     * Closes every open watch on this resource now, as a dropped connection does; clients reconnect.
     *
     * @param resource the resource plural ({@code "configmaps"}), must not be {@code null}
     * @return how many watch connections were closed
     */
    public int dropWatches(String resource) {
        if (resource == null || resource.isEmpty()) {
            throw new IllegalArgumentException("resource must not be null or empty");
        }
        checkOpen.run();
        return watchDropper.apply(resource);
    }

    /**
     * The faults in effect, in matching order.
     *
     * @return an immutable snapshot
     */
    public List<Fault> active() {
        return List.copyOf(faults);
    }

    /** Removes every fault. */
    public void clear() {
        faults.clear();
    }

    Fault add(Fault fault) {
        checkOpen.run();
        faults.add(fault);
        return fault;
    }

    void removed(Fault fault) {
        faults.remove(fault);
    }

    /** The fault that hits a request, or null. */
    Fault match(Verb verb, String resource, String namespace, String name) {
        for (Fault f : faults) {
            if (f.claim(verb, resource, namespace, name)) {
                return f;
            }
        }
        return null;
    }
}
