package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a controller sees of the cluster. Every method is called on the control-plane thread only.
 *
 * <p>Implementations must run tasks with an equal due time in the order they were scheduled, so that the simulation
 * is deterministic. A Pod {@link #update(HasMetadata) update} that sets {@code spec.nodeName} on a Pod whose
 * {@code spec.nodeName} is empty must be accepted: it is how the simulated scheduler binds a Pod (the real
 * scheduler uses the {@code pods/binding} subresource).
 */
public interface ClusterAccess {

    /** The cluster's virtual clock (simulated time); never the machine's clock. */
    Instant now();

    /** Runs task on the control-plane thread when virtual time reaches now()+delay. */
    void schedule(Duration delay, Runnable task);

    /** A copy of the stored object, or empty. */
    <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name);

    /** Copies of the stored objects of a type in a namespace (null = all namespaces), in name order. */
    <T extends HasMetadata> List<T> list(Class<T> type, String namespace);

    /**
     * Same path as an HTTP POST: defaulting, validation, generateName, uid, resourceVersion, generation, watch
     * events. Returns the stored object. Throws ClusterAccessException (code 409 already exists, 422 invalid).
     */
    <T extends HasMetadata> T create(T object);

    /**
     * Same path as a PUT of the main resource (status ignored for kinds with a status subresource; optimistic lock
     * when metadata.resourceVersion is set: 409 on mismatch).
     */
    <T extends HasMetadata> T update(T object);

    /** Same path as a PUT of the /status subresource (spec ignored). */
    <T extends HasMetadata> T updateStatus(T object);

    /** Same path as a DELETE (background propagation; finalizers respected). No-op if absent. */
    void delete(Class<? extends HasMetadata> type, String namespace, String name);
}
