package dev.kubefluent.dsl;

/**
 * A metric a HorizontalPodAutoscaler scales on, as a value: {@link Kube#cpuUtilization(int)},
 * {@link Kube#memoryUtilization(int)} or {@link Kube#podsMetric(String, String)}; for
 * {@link HorizontalPodAutoscalerDef#metric(ScalingMetric)} and {@link AppDef#autoscale(int, int, ScalingMetric...)}.
 * Immutable; checked when created.
 *
 * @since 0.1.0
 */
public final class ScalingMetric {

    private final String resource;
    private final int percent;
    private final String metric;
    private final String averageValue;

    private ScalingMetric(String resource, int percent, String metric, String averageValue) {
        this.resource = resource;
        this.percent = percent;
        this.metric = metric;
        this.averageValue = averageValue;
    }

    static ScalingMetric utilization(String resource, int percent) {
        return new ScalingMetric(resource, HorizontalPodAutoscalerDef.checkUtilization(resource, percent), null, null);
    }

    static ScalingMetric pods(String metric, String averageValue) {
        HorizontalPodAutoscalerDef.checkPodsMetric(metric, averageValue);
        return new ScalingMetric(null, 0, metric, averageValue);
    }

    HorizontalPodAutoscalerDef applyTo(HorizontalPodAutoscalerDef hpa) {
        if (resource == null) {
            return hpa.podsMetric(metric, averageValue);
        }
        return resource.equals("cpu") ? hpa.cpuUtilization(percent) : hpa.memoryUtilization(percent);
    }

    /** @return the metric as a person reads it, e.g. {@code cpu 70%} or {@code http_requests_per_second 100/pod} */
    @Override
    public String toString() {
        return resource != null ? resource + " " + percent + "%" : metric + " " + averageValue + "/pod";
    }
}
