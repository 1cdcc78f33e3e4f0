package dev.kubefluent.testing.sim;

/**
 * A pod behaviour installed with {@link Pods}, such as "containers with image {@code ghcr.io/acme/web:2.0} fail to
 * pull". Remove it to "fix" the image mid-test: containers that are backing off retry at their next back-off
 * deadline and then start normally, unschedulable pods are scheduled at the scheduler's next attempt.
 *
 * <pre>{@code
 * PodBehaviorRule broken = cluster.pods().withImage("ghcr.io/acme/web:2.0").failImagePull();
 * // ... the rollout gets stuck in ImagePullBackOff ...
 * broken.remove();
 * }</pre>
 */
public interface PodBehaviorRule {

    /** Removes this behaviour; pods it matched behave normally from their next kubelet or scheduler attempt. */
    void remove();

    /**
     * Whether this behaviour is still installed.
     *
     * @return {@code false} once {@link #remove()} was called
     */
    boolean isActive();
}
