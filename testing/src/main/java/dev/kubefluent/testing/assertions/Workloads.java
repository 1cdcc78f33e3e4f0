package dev.kubefluent.testing.assertions;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;

/** Finds the pod spec and pod labels of a Pod or of a workload that has a pod template. */
final class Workloads {

    private Workloads() {
        throw new UnsupportedOperationException("no instances");
    }

    /** @return whether the resource is a Pod or has a pod template */
    static boolean hasPods(HasMetadata resource) {
        return resource instanceof Pod || isTemplated(resource);
    }

    private static boolean isTemplated(HasMetadata r) {
        return r instanceof Deployment || r instanceof StatefulSet || r instanceof DaemonSet || r instanceof ReplicaSet
                || r instanceof ReplicationController || r instanceof Job;
    }

    /** @return the field path of the pod spec: {@code spec} for a Pod, {@code spec.template.spec} otherwise */
    static String podSpecPath(HasMetadata resource) {
        return resource instanceof Pod ? "spec" : "spec.template.spec";
    }

    /** @return the field path of the pod labels */
    static String podLabelsPath(HasMetadata resource) {
        return resource instanceof Pod ? "metadata.labels" : "spec.template.metadata.labels";
    }

    /** @return the pod spec, or {@code null} when the manifest has none */
    static PodSpec podSpec(HasMetadata resource) {
        if (resource instanceof Pod pod) {
            return pod.getSpec();
        }
        PodTemplateSpec template = template(resource);
        return template == null ? null : template.getSpec();
    }

    /** @return the labels the pods carry, never {@code null} */
    static Map<String, String> podLabels(HasMetadata resource) {
        ObjectMeta meta = resource instanceof Pod ? resource.getMetadata() : templateMetadata(resource);
        return meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels();
    }

    private static ObjectMeta templateMetadata(HasMetadata resource) {
        PodTemplateSpec template = template(resource);
        return template == null ? null : template.getMetadata();
    }

    private static PodTemplateSpec template(HasMetadata resource) {
        if (resource instanceof Deployment d) {
            return d.getSpec() == null ? null : d.getSpec().getTemplate();
        }
        if (resource instanceof StatefulSet s) {
            return s.getSpec() == null ? null : s.getSpec().getTemplate();
        }
        if (resource instanceof DaemonSet s) {
            return s.getSpec() == null ? null : s.getSpec().getTemplate();
        }
        if (resource instanceof ReplicaSet s) {
            return s.getSpec() == null ? null : s.getSpec().getTemplate();
        }
        if (resource instanceof ReplicationController s) {
            return s.getSpec() == null ? null : s.getSpec().getTemplate();
        }
        if (resource instanceof Job s) {
            return s.getSpec() == null ? null : s.getSpec().getTemplate();
        }
        return null;
    }
}
