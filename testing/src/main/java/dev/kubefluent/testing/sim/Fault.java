package dev.kubefluent.testing.sim;

import java.time.Duration;

/**
 * An injected fault: a rule that makes matching requests fail, answer late or lose their watch connection.
 *
 * <p>Created by the terminal methods of {@link FaultSpec}; {@link #remove()} takes the rule away again.
 *
 * @since 0.1
 */
public final class Fault {

    enum Action { STATUS, DELAY, DROP_WATCH }

    private final Faults owner;
    private final Verb verb;
    private final String resource;
    private final String namespace;
    private final String name;
    private final Action action;
    private final int code;
    private final String message;
    private final Duration delay;
    private final int limit;
    private int hits;
    private boolean removed;

    Fault(Faults owner, FaultSpec spec, Action action, int code, String message, Duration delay) {
        this.owner = owner;
        this.verb = spec.verb;
        this.resource = spec.resource;
        this.namespace = spec.namespace;
        this.name = spec.name;
        this.limit = spec.times;
        this.action = action;
        this.code = code;
        this.message = message;
        this.delay = delay;
    }

    /** Claims one use of this rule for a request, or answers false when it does not match or is used up. */
    synchronized boolean claim(Verb v, String res, String ns, String n) {
        if (removed || (limit > 0 && hits >= limit)) {
            return false;
        }
        if ((verb != null && verb != v) || (resource != null && !resource.equals(res))
                || (namespace != null && !namespace.equals(ns)) || (name != null && !name.equals(n))) {
            return false;
        }
        hits++;
        return true;
    }

    Action action() {
        return action;
    }

    int code() {
        return code;
    }

    String message() {
        return message;
    }

    Duration delay() {
        return delay;
    }

    /**
     * How many requests this fault has hit so far.
     *
     * @return the number of requests this fault changed
     */
    public synchronized int hits() {
        return hits;
    }

    /**
     * Removes this fault; later requests are answered normally. Removing twice is harmless.
     */
    public void remove() {
        synchronized (this) {
            removed = true;
        }
        owner.removed(this);
    }

    @Override
    public synchronized String toString() {
        String what = switch (action) {
            case STATUS -> "respond " + code + (message == null ? "" : " \"" + message + "\"");
            case DELAY -> "delay " + delay.toMillis() + " ms";
            case DROP_WATCH -> "drop the watch connection";
        };
        return "fault on " + (verb == null ? "any verb" : verb) + " " + (resource == null ? "any resource" : resource)
                + (namespace == null ? "" : " in namespace " + namespace) + (name == null ? "" : " named " + name)
                + ": " + what + " (" + hits + (limit > 0 ? " of " + limit : "") + " hits"
                + (removed ? ", removed" : "") + ")";
    }
}
