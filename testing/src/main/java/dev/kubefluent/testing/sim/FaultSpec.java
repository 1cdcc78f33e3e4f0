package dev.kubefluent.testing.sim;

import java.time.Duration;

/**
 * Which requests a fault hits and how often; end it with what the fault does.
 *
 * <pre>{@code
 * cluster.faults().on(Verb.CREATE, "configmaps").named("cfg").times(2).respondWith(503);
 * cluster.faults().on(Verb.UPDATE, "deployments").conflict();
 * cluster.faults().on(Verb.GET, "pods").delay(Duration.ofMillis(200));
 * }</pre>
 *
 * @since 0.1
 */
public final class FaultSpec {

    private final Faults owner;
    final Verb verb;
    final String resource;
    String namespace;
    String name;
    int times;

    FaultSpec(Faults owner, Verb verb, String resource) {
        this.owner = owner;
        this.verb = verb;
        this.resource = resource;
    }

    /**
     * Limits the fault to requests about the object with this name.
     *
     * @param objectName the {@code metadata.name}, must not be {@code null}
     * @return this spec for method chaining
     */
    public FaultSpec named(String objectName) {
        if (objectName == null || objectName.isEmpty()) {
            throw new IllegalArgumentException("name must not be null or empty");
        }
        this.name = objectName;
        return this;
    }

    /**
     * Limits the fault to requests in this namespace.
     *
     * @param ns the namespace, must not be {@code null}
     * @return this spec for method chaining
     */
    public FaultSpec inNamespace(String ns) {
        if (ns == null || ns.isEmpty()) {
            throw new IllegalArgumentException("namespace must not be null or empty");
        }
        this.namespace = ns;
        return this;
    }

    /**
     * Limits the fault to the first {@code count} matching requests (by default it hits every matching request).
     *
     * @param count how many requests to hit, must be positive
     * @return this spec for method chaining
     */
    public FaultSpec times(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("times must be positive but was: " + count);
        }
        this.times = count;
        return this;
    }

    /**
     * Answers matching requests with this HTTP status and a Kubernetes {@code Status} body, without processing them.
     *
     * @param statusCode the HTTP status, between 400 and 599
     * @return the fault, which can be removed again
     */
    public Fault respondWith(int statusCode) {
        return respondWith(statusCode, "injected fault");
    }

    /**
     * Answers matching requests with this HTTP status and message, without processing them.
     *
     * @param statusCode the HTTP status, between 400 and 599
     * @param message the {@code Status} message, must not be {@code null}
     * @return the fault, which can be removed again
     */
    public Fault respondWith(int statusCode, String message) {
        if (statusCode < 400 || statusCode > 599) {
            throw new IllegalArgumentException("statusCode must be between 400 and 599 but was: " + statusCode);
        }
        if (message == null) {
            throw new IllegalArgumentException("message must not be null");
        }
        return owner.add(new Fault(owner, this, Fault.Action.STATUS, statusCode, message, null));
    }

    /**
     * Answers matching requests with 409 Conflict, as for a stale resourceVersion, without processing them.
     *
     * @return the fault, which can be removed again
     */
    public Fault conflict() {
        return respondWith(409, "the object has been modified; please apply your changes to the latest version and"
                + " try again (injected fault)");
    }

    /**
     * Processes matching requests normally but sends the response only after this latency.
     *
     * @param latency the added latency, must not be {@code null} or negative
     * @return the fault, which can be removed again
     */
    public Fault delay(Duration latency) {
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be null or negative but was: " + latency);
        }
        return owner.add(new Fault(owner, this, Fault.Action.DELAY, 0, null, latency));
    }

    /**
     * Accepts matching watches and closes their connection right after opening it, as a dropped connection does.
     *
     * @return the fault, which can be removed again
     */
    public Fault dropWatch() {
        if (verb != null && verb != Verb.WATCH) {
            throw new IllegalStateException("dropWatch() needs a fault on Verb.WATCH but was on " + verb);
        }
        return owner.add(new Fault(owner, this, Fault.Action.DROP_WATCH, 0, null, null));
    }
}
