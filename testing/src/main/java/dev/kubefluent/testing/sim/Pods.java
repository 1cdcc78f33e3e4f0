package dev.kubefluent.testing.sim;

import dev.kubefluent.testing.internal.controller.PodBehaviors;

import java.util.Objects;

/**
 * The simulated kubelet's and scheduler's pod behaviours: how the containers of matching pods start, fail or become
 * ready. Obtained from the simulated cluster; each rule applies to pods whose containers use an image, or whose labels
 * match, and returns a {@link PodBehaviorRule} handle that can be removed again.
 *
 * <pre>{@code
 * cluster.pods().withImage("ghcr.io/acme/web:2.0").failImagePull();   // ErrImagePull, then ImagePullBackOff
 * cluster.pods().withImage("ghcr.io/acme/web:2.1").crashLoop();       // CrashLoopBackOff, restartCount grows
 * cluster.pods().withImage("ghcr.io/acme/web:2.2").neverReady();      // Running, readiness probe failing
 * cluster.pods().withImage("ghcr.io/acme/web:2.3").readyAfter(Duration.ofSeconds(5));
 * cluster.pods().withImage("ghcr.io/acme/web:2.4").oomKilled();       // OOMKilled, then CrashLoopBackOff
 * cluster.pods().withLabel("app", "batch").unschedulable();           // Pending, PodScheduled=False
 * }</pre>
 *
 * <p>When several rules match a container, the one installed last wins. Back-off timing follows the kubelet: image
 * pulls and crashed containers are retried after 10 s, doubling up to 300 s, on the cluster's clock.
 */
public final class Pods {

    private final PodBehaviors behaviors;

    /**
     * Creates the entry point over a cluster's behaviour registry; the simulated cluster does this, tests use {@code
     * cluster.pods()}.
     *
     * @param behaviors the registry the simulated kubelet and scheduler read, must not be {@code null}
     * @throws NullPointerException if behaviors is {@code null}
     */
    public Pods(PodBehaviors behaviors) {
        this.behaviors = Objects.requireNonNull(behaviors, "behaviors must not be null");
    }

    /**
     * Selects containers by image, compared as written in the pod spec.
     *
     * @param image the container image, e.g. {@code ghcr.io/acme/web:2.0}, must not be {@code null}
     * @return the step choosing the behaviour
     * @throws IllegalArgumentException if image is {@code null} or blank
     */
    public PodBehaviorStep withImage(String image) {
        return new PodBehaviorStep(behaviors, PodBehaviors.Selector.ANY).withImage(image);
    }

    /**
     * Selects pods by label.
     *
     * @param key the label key, must not be {@code null}
     * @param value the label value, must not be {@code null}
     * @return the step choosing the behaviour
     * @throws IllegalArgumentException if key or value is {@code null}
     */
    public PodBehaviorStep withLabel(String key, String value) {
        return new PodBehaviorStep(behaviors, PodBehaviors.Selector.ANY).withLabel(key, value);
    }

    /**
     * Selects every pod.
     *
     * @return the step choosing the behaviour
     */
    public PodBehaviorStep all() {
        return new PodBehaviorStep(behaviors, PodBehaviors.Selector.ANY);
    }

    @Override
    public String toString() {
        return "Pods" + behaviors.describeRules();
    }
}
