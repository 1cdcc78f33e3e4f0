package dev.kubefluent.testing.internal.controller;

import java.util.List;
import java.util.Objects;

/**
 * The simulated cluster's controllers, created over one {@link ClusterAccess}, in the order they must be registered.
 *
 * <pre>{@code
 * Controllers controllers = Controllers.create(access, ControllerSettings.DEFAULTS);
 * controllers.all().forEach(store::register);   // in this order
 * controllers.start();                          // stores the Node objects
 * Pods pods = new Pods(controllers.podBehaviors());
 * }</pre>
 */
public final class Controllers {

    private final ClusterAccess access;
    private final ControllerSettings settings;
    private final PodBehaviors podBehaviors;
    private final List<Controller> all;

    private Controllers(ClusterAccess access, ControllerSettings settings) {
        this.access = access;
        this.settings = settings;
        this.podBehaviors = new PodBehaviors();
        EventRecorder events = new EventRecorder(access);
        this.all = List.of(
            new GarbageCollector(access),
            new DeploymentController(access, events),
            new ReplicaSetController(access, events),
            new StatefulSetController(access, events),
            new DaemonSetController(access, events, settings),
            new Scheduler(access, events, podBehaviors, settings),
            new Kubelet(access, events, podBehaviors, settings),
            new EndpointsController(access));
    }

    /**
     * Creates the controllers.
     *
     * @param access the cluster they read and write, must not be {@code null}
     * @param settings the nodes and kubelet timing, must not be {@code null}
     * @return the controllers, not yet started
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Controllers create(ClusterAccess access, ControllerSettings settings) {
        return new Controllers(Objects.requireNonNull(access, "access must not be null"),
            Objects.requireNonNull(settings, "settings must not be null"));
    }

    /**
     * The controllers in registration order: garbage collector, Deployment, ReplicaSet, StatefulSet, DaemonSet,
     * scheduler, kubelet, endpoints.
     *
     * @return an immutable list
     */
    public List<Controller> all() {
        return all;
    }

    /**
     * The pod behaviours the scheduler and kubelet consult; wrap it in {@code dev.kubefluent.testing.sim.Pods}.
     *
     * @return the registry
     */
    public PodBehaviors podBehaviors() {
        return podBehaviors;
    }

    /**
     * Stores one Node per simulated node ({@code node-1} ...), Ready, with InternalIP and capacity. Call once, on the
     * control-plane thread, after registering the controllers.
     *
     * @throws ClusterAccessException if the store refuses a Node
     */
    public void start() {
        String now = Meta.timestamp(access.now());
        List<String> names = settings.nodeNames();
        for (int i = 0; i < names.size(); i++) {
            access.create(Nodes.node(names.get(i), i, now));
        }
    }
}
