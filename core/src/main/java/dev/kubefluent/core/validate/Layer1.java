package dev.kubefluent.core.validate;

import dev.kubefluent.core.validate.MetadataRules.NameForm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/** Dispatches one resource to the API-server rules of its kind (layer 1). */
final class Layer1 {

    private Layer1() {
    }

    static void check(Findings f, HasMetadata r) {
        if (RemovedApis.check(f, r.getApiVersion(), r.getKind())) {
            return;
        }
        if (r instanceof Deployment d) {
            WorkloadRules.deployment(f, d);
        } else if (r instanceof Service s) {
            ServiceRules.check(f, s);
        } else if (r instanceof Pod p) {
            WorkloadRules.pod(f, p);
        } else if (r instanceof StatefulSet s) {
            WorkloadRules.statefulSet(f, s);
        } else if (r instanceof DaemonSet d) {
            WorkloadRules.daemonSet(f, d);
        } else if (r instanceof ReplicaSet rs) {
            WorkloadRules.replicaSet(f, rs);
        } else if (r instanceof Job j) {
            WorkloadRules.job(f, j);
        } else if (r instanceof CronJob c) {
            WorkloadRules.cronJob(f, c);
        } else if (!OtherKindRules.check(f, r)) {
            boolean namespaced = r instanceof Namespaced || r.getMetadata() != null
                    && r.getMetadata().getNamespace() != null;
            MetadataRules.check(f, r.getMetadata(), NameForm.PATH_SEGMENT, namespaced);
        }
    }
}
