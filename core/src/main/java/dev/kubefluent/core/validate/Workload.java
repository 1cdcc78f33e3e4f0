package dev.kubefluent.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;

/**
 * A pod-bearing resource seen uniformly: its selector (null for Pods, Jobs and CronJobs, whose selectors are
 * generated), its pods' labels and annotations, its pod spec, the path of that spec, and its replicas.
 */
record Workload(HasMetadata resource, LabelSelector selector, Map<String, String> podLabels,
        Map<String, String> templateAnnotations, PodSpec podSpec, String specPath, Integer replicas) {

    /** Views a resource as a workload, or returns {@code null} for kinds that do not run pods. */
    static Workload of(HasMetadata r) {
        if (r instanceof Deployment d && d.getSpec() != null) {
            return of(d, d.getSpec().getSelector(), d.getSpec().getTemplate(), "spec.template.",
                    d.getSpec().getReplicas());
        } else if (r instanceof StatefulSet s && s.getSpec() != null) {
            return of(s, s.getSpec().getSelector(), s.getSpec().getTemplate(), "spec.template.",
                    s.getSpec().getReplicas());
        } else if (r instanceof DaemonSet d && d.getSpec() != null) {
            return of(d, d.getSpec().getSelector(), d.getSpec().getTemplate(), "spec.template.", null);
        } else if (r instanceof ReplicaSet s && s.getSpec() != null) {
            return of(s, s.getSpec().getSelector(), s.getSpec().getTemplate(), "spec.template.",
                    s.getSpec().getReplicas());
        } else if (r instanceof Job j && j.getSpec() != null) {
            return of(j, null, j.getSpec().getTemplate(), "spec.template.", null);
        } else if (r instanceof CronJob c && c.getSpec() != null && c.getSpec().getJobTemplate() != null
                && c.getSpec().getJobTemplate().getSpec() != null) {
            return of(c, null, c.getSpec().getJobTemplate().getSpec().getTemplate(),
                    "spec.jobTemplate.spec.template.", null);
        } else if (r instanceof Pod p) {
            var meta = p.getMetadata();
            return new Workload(p, null, meta == null ? null : meta.getLabels(),
                    meta == null ? null : meta.getAnnotations(), p.getSpec(), "spec.", null);
        }
        return null;
    }

    private static Workload of(HasMetadata r, LabelSelector selector, PodTemplateSpec t, String templatePath,
            Integer replicas) {
        var meta = t == null ? null : t.getMetadata();
        return new Workload(r, selector, meta == null ? null : meta.getLabels(),
                meta == null ? null : meta.getAnnotations(), t == null ? null : t.getSpec(), templatePath + "spec.",
                replicas);
    }

    String namespace() {
        return SetIndex.namespaceOf(resource);
    }
}
