package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ExternalMetricSource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricIdentifier;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ObjectMetricSource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.PodsMetricSource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A metric a HorizontalPodAutoscaler scales on ({@code spec.metrics[]}), as a value: {@link Kube#cpuUtilization(int)},
 * {@link Kube#memoryUtilization(int)}, {@link Kube#podsMetric(String, String)}, {@link Kube#objectMetric(HasMetadata,
 * String, String)} or {@link Kube#externalMetric(String, String)}; for
 * {@link HorizontalPodAutoscalerDef#metric(ScalingMetric)} and {@link AppDef#autoscale(int, int, ScalingMetric...)}.
 * Immutable; checked when created.
 *
 * <pre>{@code
 * horizontalPodAutoscaler(web, 2, 20)
 *     .metric(objectMetric(mainIngress, "requests-per-second", "2k"))
 *     .metric(externalMetric("queue_messages_ready", "30").averagePerPod().matching("queue", "orders"))
 * }</pre>
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class ScalingMetric {

    private enum Type { RESOURCE, PODS, OBJECT, EXTERNAL }

    private final Type type;
    /** The resource name (cpu, memory) or the metric name. */
    private final String name;
    private final int percent;
    private final String quantity;
    private final boolean average;
    private final CrossVersionObjectReference described;
    private final Map<String, String> labels;
    /** The described object's namespace, or {@code null}. */
    private final String describedNamespace;

    private ScalingMetric(Type type, String name, int percent, String quantity, boolean average,
            CrossVersionObjectReference described, Map<String, String> labels, String describedNamespace) {
        this.type = type;
        this.name = name;
        this.percent = percent;
        this.quantity = quantity;
        this.average = average;
        this.described = described;
        this.labels = labels;
        this.describedNamespace = describedNamespace;
    }

    static ScalingMetric utilization(String resource, int percent) {
        if (percent < 1) {
            throw new IllegalArgumentException(resource + " utilization must be at least 1 (percent of the request)"
                    + " but was: " + percent);
        }
        return new ScalingMetric(Type.RESOURCE, resource, percent, null, false, null, Map.of(), null);
    }

    static ScalingMetric pods(String metric, String averageValue) {
        return new ScalingMetric(Type.PODS, metricName(metric), 0, target(averageValue, "averageValue"), true, null,
                Map.of(), null);
    }

    static ScalingMetric object(HasMetadata object, String metric, String value) {
        String objectName = Refs.name(object, "describedObject");
        CrossVersionObjectReference ref = new CrossVersionObjectReference(object.getApiVersion(), object.getKind(),
                objectName);
        return new ScalingMetric(Type.OBJECT, metricName(metric), 0, target(value, "value"), false, ref, Map.of(),
                object.getMetadata().getNamespace());
    }

    static ScalingMetric external(String metric, String value) {
        return new ScalingMetric(Type.EXTERNAL, metricName(metric), 0, target(value, "value"), false, null, Map.of(),
                null);
    }

    private static String metricName(String metric) {
        return Checks.notBlank(metric, "metric");
    }

    private static String target(String quantity, String what) {
        return Checks.quantity(quantity, what, "\"100\" or \"500m\"");
    }

    /**
     * Divides the metric by the number of Pods before comparing it with the target ({@code target.type:
     * AverageValue}), e.g. queue messages per Pod; without it the metric's whole value is compared
     * ({@code target.type: Value}).
     *
     * @return a new metric with an average-value target
     * @throws IllegalStateException if this is not an object or external metric
     */
    public ScalingMetric averagePerPod() {
        requireObjectOrExternal("averagePerPod()");
        return new ScalingMetric(type, name, percent, quantity, true, described, labels, describedNamespace);
    }

    /**
     * Narrows the metric to the series with this label ({@code metric.selector.matchLabels}), e.g. one queue of an
     * external metric; call it once per label.
     *
     * @param key   a label key; must not be {@code null}
     * @param value a label value; must not be {@code null}
     * @return a new metric with the label in its selector
     * @throws IllegalStateException if this is not an object or external metric
     */
    public ScalingMetric matching(String key, String value) {
        Checks.labelKey(key, "metric label key");
        Checks.labelValue(value, "metric label value");
        requireObjectOrExternal("matching(..)");
        Map<String, String> more = new LinkedHashMap<>(labels);
        more.put(key, value);
        return new ScalingMetric(type, name, percent, quantity, average, described,
                java.util.Collections.unmodifiableMap(more), describedNamespace);
    }

    private void requireObjectOrExternal(String method) {
        if (type != Type.OBJECT && type != Type.EXTERNAL) {
            throw new IllegalStateException(method + " applies only to an object or external metric, but this is a "
                    + (type == Type.PODS ? "pods" : "resource") + " metric: " + this);
        }
    }

    /**
     * Checks that an object metric's object lives where the autoscaler looks for it: {@code describedObject} has no
     * namespace, so the autoscaler's own namespace is used.
     */
    void checkNamespace(String hpaName, String hpaNamespace, int index) {
        if (type == Type.OBJECT && describedNamespace != null && hpaNamespace != null
                && !describedNamespace.equals(hpaNamespace)) {
            throw new IllegalArgumentException("HorizontalPodAutoscaler " + Checks.quoted(hpaName) + ": spec.metrics["
                    + index + "].object.describedObject must be in the autoscaler's namespace "
                    + Checks.quoted(hpaNamespace) + " but was: " + described.getKind() + " "
                    + Checks.quoted(described.getName()) + " in namespace " + Checks.quoted(describedNamespace));
        }
    }

    /** A fresh {@code spec.metrics[]} entry. */
    MetricSpec toMetricSpec() {
        MetricTarget target = new MetricTarget();
        MetricSpec m = new MetricSpec();
        switch (type) {
            case RESOURCE -> {
                target.setType("Utilization");
                target.setAverageUtilization(percent);
                m.setType("Resource");
                m.setResource(new ResourceMetricSource(name, target));
                return m;
            }
            case PODS -> {
                m.setType("Pods");
                m.setPods(new PodsMetricSource(identifier(), target));
            }
            case OBJECT -> {
                m.setType("Object");
                m.setObject(new ObjectMetricSource(new CrossVersionObjectReference(described.getApiVersion(),
                        described.getKind(), described.getName()), identifier(), target));
            }
            case EXTERNAL -> {
                m.setType("External");
                m.setExternal(new ExternalMetricSource(identifier(), target));
            }
        }
        if (average) {
            target.setType("AverageValue");
            target.setAverageValue(new Quantity(quantity));
        } else {
            target.setType("Value");
            target.setValue(new Quantity(quantity));
        }
        return m;
    }

    private MetricIdentifier identifier() {
        MetricIdentifier id = new MetricIdentifier();
        id.setName(name);
        if (!labels.isEmpty()) {
            id.setSelector(Defaults.selector(new LinkedHashMap<>(labels)));
        }
        return id;
    }

    /**
     * @return the metric as a person reads it, e.g. {@code cpu 70%}, {@code http_requests_per_second 100/pod},
     *     {@code requests-per-second 2k on Ingress "main"} or {@code queue_messages_ready{queue=orders} 30/pod
     *     (external)}
     */
    @Override
    public String toString() {
        if (type == Type.RESOURCE) {
            return name + " " + percent + "%";
        }
        return name + (labels.isEmpty() ? "" : new java.util.TreeMap<>(labels).toString()) + " " + quantity + (average ? "/pod" : "")
                + (type == Type.OBJECT ? " on " + described.getKind() + " " + Checks.quoted(described.getName()) : "")
                + (type == Type.EXTERNAL ? " (external)" : "");
    }
}
