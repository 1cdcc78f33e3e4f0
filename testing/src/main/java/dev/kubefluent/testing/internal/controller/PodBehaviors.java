package dev.kubefluent.testing.internal.controller;

import dev.kubefluent.testing.sim.PodBehaviorRule;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry of pod behaviours that the simulated kubelet and scheduler consult. Rules are added and removed from
 * test threads and read on the control-plane thread, so the registry is thread-safe; a rule takes effect at the
 * next kubelet or scheduler step of a matching pod.
 */
public final class PodBehaviors {

    /** What a rule makes a matching container (or pod, for {@link #UNSCHEDULABLE}) do. */
    public enum Kind {
        /** Starts and becomes ready after the cluster's readiness delay. */
        NORMAL("runNormally"),
        /** ErrImagePull, then ImagePullBackOff. */
        FAIL_IMAGE_PULL("failImagePull"),
        /** Exits with code 1 right after starting; CrashLoopBackOff. */
        CRASH_LOOP("crashLoop"),
        /** Running, readiness failing. */
        NEVER_READY("neverReady"),
        /** Running, ready after a delay. */
        READY_AFTER("readyAfter"),
        /** OOMKilled right after starting; CrashLoopBackOff. */
        OOM_KILLED("oomKilled"),
        /** The scheduler finds no node. */
        UNSCHEDULABLE("unschedulable");

        private final String method;

        Kind(String method) {
            this.method = method;
        }
    }

    /** Which pods and containers a rule applies to; immutable. */
    public static final class Selector {

        /** Every pod and container. */
        public static final Selector ANY = new Selector(null, Map.of(), List.of());

        private final String image;
        private final Map<String, String> labels;
        private final List<String> logLines;

        private Selector(String image, Map<String, String> labels, List<String> logLines) {
            this.image = image;
            this.labels = labels;
            this.logLines = logLines;
        }

        /**
         * A copy that also requires the container image.
         *
         * @param image the image, must not be {@code null}
         * @return the narrower selector
         */
        public Selector withImage(String image) {
            return new Selector(Objects.requireNonNull(image, "image must not be null"), labels, logLines);
        }

        /**
         * A copy that also requires a pod label.
         *
         * @param key the label key, must not be {@code null}
         * @param value the label value, must not be {@code null}
         * @return the narrower selector
         */
        public Selector withLabel(String key, String value) {
            Map<String, String> l = new LinkedHashMap<>(labels);
            l.put(key, value);
            return new Selector(image, Map.copyOf(l), logLines);
        }

        /**
         * A copy with log lines.
         *
         * @param lines the lines, must not be {@code null}
         * @return the selector with these lines
         */
        public Selector withLogLines(List<String> lines) {
            return new Selector(image, labels, List.copyOf(lines));
        }

        boolean matchesPod(Pod pod) {
            return Meta.labels(pod).entrySet().containsAll(labels.entrySet());
        }

        boolean matches(Pod pod, Container container) {
            return matchesPod(pod) && (image == null || image.equals(container.getImage()));
        }

        boolean matchesAnyContainer(Pod pod) {
            if (!matchesPod(pod)) {
                return false;
            }
            if (image == null) {
                return true;
            }
            for (Container c : containers(pod)) {
                if (image.equals(c.getImage())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            if (image != null) {
                s.append(".withImage(\"").append(image).append("\")");
            }
            labels.forEach((k, v) -> s.append(".withLabel(\"").append(k).append("\", \"").append(v).append("\")"));
            if (!logLines.isEmpty()) {
                s.append(".withLogLines(").append(logLines.size()).append(" lines)");
            }
            return s.toString();
        }
    }

    /** An installed rule. */
    static final class Rule implements PodBehaviorRule {
        final Selector selector;
        final Kind kind;
        final Duration delay;
        private final PodBehaviors owner;
        private volatile boolean active = true;

        Rule(PodBehaviors owner, Selector selector, Kind kind, Duration delay) {
            this.owner = owner;
            this.selector = selector;
            this.kind = kind;
            this.delay = delay;
        }

        @Override
        public void remove() {
            active = false;
            owner.rules.remove(this);
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public String toString() {
            return "pods()" + selector + "." + kind.method + (kind == Kind.READY_AFTER ? "(" + delay + ")" : "()")
                + (active ? "" : " (removed)");
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    /**
     * Installs a rule.
     *
     * @param selector the pods and containers it applies to, must not be {@code null}
     * @param kind the behaviour, must not be {@code null}
     * @param delay the readiness delay of {@link Kind#READY_AFTER}, else ignored; must not be {@code null}
     * @return the removable handle
     */
    public PodBehaviorRule add(Selector selector, Kind kind, Duration delay) {
        Rule rule = new Rule(this, Objects.requireNonNull(selector, "selector must not be null"),
            Objects.requireNonNull(kind, "kind must not be null"), Objects.requireNonNull(delay, "delay must not be null"));
        rules.add(rule);
        return rule;
    }

    /**
     * The container's log lines, as {@code pods/log} serves them: those of the last installed rule with lines that
     * matches the container.
     *
     * @param pod the pod, must not be {@code null}
     * @param containerName the container name, or {@code null} for the first container
     * @return the lines without terminators, or {@code null} if no rule defines any
     */
    public List<String> logLines(Pod pod, String containerName) {
        Container container = null;
        for (Container c : containers(pod)) {
            if (containerName == null || containerName.equals(c.getName())) {
                container = c;
                break;
            }
        }
        if (container == null) {
            return null;
        }
        List<Rule> snapshot = new ArrayList<>(rules);
        for (int i = snapshot.size() - 1; i >= 0; i--) {
            Rule r = snapshot.get(i);
            if (!r.selector.logLines.isEmpty() && r.selector.matches(pod, container)) {
                return r.selector.logLines;
            }
        }
        return null;
    }

    /**
     * The container's log as one text, each line terminated by a newline.
     *
     * @param pod the pod, must not be {@code null}
     * @param containerName the container name, or {@code null} for the first container
     * @return the log, empty if no rule defines lines
     */
    public String logs(Pod pod, String containerName) {
        List<String> lines = logLines(pod, containerName);
        return lines == null ? "" : String.join("\n", lines) + "\n";
    }

    /** The container behaviour: the last installed matching rule that is not about scheduling, or null. */
    Rule containerRule(Pod pod, Container container) {
        List<Rule> snapshot = new ArrayList<>(rules);
        for (int i = snapshot.size() - 1; i >= 0; i--) {
            Rule r = snapshot.get(i);
            if (r.kind != Kind.UNSCHEDULABLE && r.selector.matches(pod, container)) {
                return r;
            }
        }
        return null;
    }

    /** Whether an active rule makes this pod unschedulable. */
    boolean unschedulable(Pod pod) {
        for (Rule r : rules) {
            if (r.kind == Kind.UNSCHEDULABLE && r.selector.matchesAnyContainer(pod)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The installed rules, for messages.
     *
     * @return e.g. {@code [pods().withImage("x").fail_image_pull()]}
     */
    public String describeRules() {
        return rules.toString();
    }

    static List<Container> containers(Pod pod) {
        return pod.getSpec() == null || pod.getSpec().getContainers() == null ? List.of() : pod.getSpec().getContainers();
    }
}
