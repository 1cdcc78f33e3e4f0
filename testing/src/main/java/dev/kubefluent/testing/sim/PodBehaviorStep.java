package dev.kubefluent.testing.sim;

import dev.kubefluent.testing.internal.controller.PodBehaviors;

import java.time.Duration;
import java.util.List;

/**
 * The step of {@link Pods} that narrows the selection and then installs one behaviour. Each terminal method returns
 * a {@link PodBehaviorRule} that can be removed. Steps are immutable; every call returns a new step.
 */
public final class PodBehaviorStep {

    private final PodBehaviors behaviors;
    private final PodBehaviors.Selector selector;

    PodBehaviorStep(PodBehaviors behaviors, PodBehaviors.Selector selector) {
        this.behaviors = behaviors;
        this.selector = selector;
    }

    /**
     * Also requires the container image.
     *
     * @param image the container image as written in the pod spec, must not be {@code null}
     * @return a narrower step
     * @throws IllegalArgumentException if image is {@code null} or blank
     */
    public PodBehaviorStep withImage(String image) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("image must not be blank but was: " + (image == null ? "null" : "\"" + image + "\""));
        }
        return new PodBehaviorStep(behaviors, selector.withImage(image));
    }

    /**
     * Also requires a pod label.
     *
     * @param key the label key, must not be {@code null}
     * @param value the label value, must not be {@code null}
     * @return a narrower step
     * @throws IllegalArgumentException if key or value is {@code null}
     */
    public PodBehaviorStep withLabel(String key, String value) {
        if (key == null || value == null) {
            throw new IllegalArgumentException("label key and value must not be null but was: " + key + "=" + value);
        }
        return new PodBehaviorStep(behaviors, selector.withLabel(key, value));
    }

    /**
     * The log lines the selected containers print, served by {@code pods/log} (with the behaviour installed next).
     *
     * @param lines the lines, without line terminators, must not be {@code null}
     * @return a step with these log lines
     * @throws IllegalArgumentException if lines or one of them is {@code null}
     */
    public PodBehaviorStep withLogLines(String... lines) {
        if (lines == null) {
            throw new IllegalArgumentException("log lines must not be null");
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] == null) {
                throw new IllegalArgumentException("log lines[" + i + "] must not be null");
            }
        }
        return new PodBehaviorStep(behaviors, selector.withLogLines(List.of(lines)));
    }

    /**
     * Containers start and become ready normally (after the cluster's readiness delay); useful with {@link
     * #withLogLines(String...)} or to override a broader rule.
     *
     * @return the installed rule
     */
    public PodBehaviorRule runNormally() {
        return behaviors.add(selector, PodBehaviors.Kind.NORMAL, Duration.ZERO);
    }

    /**
     * The image cannot be pulled: the container waits with reason {@code ErrImagePull}, then {@code
     * ImagePullBackOff}, retried after 10 s doubling to 300 s, with {@code Failed} and {@code BackOff} Events.
     *
     * @return the installed rule
     */
    public PodBehaviorRule failImagePull() {
        return behaviors.add(selector, PodBehaviors.Kind.FAIL_IMAGE_PULL, Duration.ZERO);
    }

    /**
     * The container exits with code 1 right after starting: terminated reason {@code Error}, then waiting {@code
     * CrashLoopBackOff}; each restart increments {@code restartCount} (back-off 10 s doubling to 300 s).
     *
     * @return the installed rule
     */
    public PodBehaviorRule crashLoop() {
        return behaviors.add(selector, PodBehaviors.Kind.CRASH_LOOP, Duration.ZERO);
    }

    /**
     * The container runs but its readiness probe fails: phase Running, {@code Ready=False}, an {@code Unhealthy}
     * Event.
     *
     * @return the installed rule
     */
    public PodBehaviorRule neverReady() {
        return behaviors.add(selector, PodBehaviors.Kind.NEVER_READY, Duration.ZERO);
    }

    /**
     * The container runs and becomes ready a while after it started (a slow readiness probe).
     *
     * @param delay the time from container start to readiness on the cluster's clock, must not be {@code null}
     * @return the installed rule
     * @throws IllegalArgumentException if delay is {@code null} or negative
     */
    public PodBehaviorRule readyAfter(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("readyAfter delay must not be negative but was: " + delay);
        }
        return behaviors.add(selector, PodBehaviors.Kind.READY_AFTER, delay);
    }

    /**
     * The container is killed for exceeding its memory limit right after starting: terminated reason {@code
     * OOMKilled} with exit code 137, then {@code CrashLoopBackOff}.
     *
     * @return the installed rule
     */
    public PodBehaviorRule oomKilled() {
        return behaviors.add(selector, PodBehaviors.Kind.OOM_KILLED, Duration.ZERO);
    }

    /**
     * The scheduler finds no node for the pod: it stays Pending with {@code PodScheduled=False/Unschedulable} and
     * {@code FailedScheduling} Events, retried with the scheduler's back-off (1 s doubling to 10 s).
     *
     * @return the installed rule
     */
    public PodBehaviorRule unschedulable() {
        return behaviors.add(selector, PodBehaviors.Kind.UNSCHEDULABLE, Duration.ZERO);
    }

    @Override
    public String toString() {
        return "pods()" + selector;
    }
}
