package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A fast path for the cross-resource check of a Service built with {@code selecting(workload)}: when the Service is
 * plainly wired right (same namespace, selector labels present on the Pods, every named targetPort declared), the
 * set validation cannot report anything about the Service beyond what the single-object validation reports, so the
 * costly set round trip is skipped. Whenever this is not plainly so, the shared validator decides and words the
 * message; this class never reports anything itself.
 */
final class Wiring {

    private Wiring() {
        throw new UnsupportedOperationException("no instances");
    }

    static boolean alreadyWired(Service s, HasMetadata workload) {
        PodTemplateSpec t = template(workload);
        if (t == null || t.getMetadata() == null || t.getSpec() == null
                || !Objects.equals(s.getMetadata().getNamespace(), workload.getMetadata().getNamespace())) {
            return false;
        }
        Map<String, String> podLabels = t.getMetadata().getLabels();
        Map<String, String> selector = s.getSpec() == null ? null : s.getSpec().getSelector();
        if (podLabels == null || selector == null || selector.isEmpty()
                || !podLabels.entrySet().containsAll(selector.entrySet())) {
            return false;
        }
        Set<String> names = portNames(t.getSpec());
        for (ServicePort p : Defaults.nullSafe(s.getSpec().getPorts())) {
            String target = p.getTargetPort() == null ? null : p.getTargetPort().getStrVal();
            if (target != null && !names.contains(target)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> portNames(PodSpec spec) {
        Set<String> names = new HashSet<>();
        for (List<Container> containers : List.of(Defaults.nullSafe(spec.getContainers()),
                Defaults.nullSafe(spec.getInitContainers()))) {
            for (Container c : containers) {
                for (ContainerPort port : Defaults.nullSafe(c.getPorts())) {
                    if (port.getName() != null) {
                        names.add(port.getName());
                    }
                }
            }
        }
        return names;
    }

    static PodTemplateSpec template(HasMetadata w) {
        if (w instanceof Deployment d && d.getSpec() != null) {
            return d.getSpec().getTemplate();
        }
        if (w instanceof StatefulSet d && d.getSpec() != null) {
            return d.getSpec().getTemplate();
        }
        if (w instanceof DaemonSet d && d.getSpec() != null) {
            return d.getSpec().getTemplate();
        }
        if (w instanceof ReplicaSet d && d.getSpec() != null) {
            return d.getSpec().getTemplate();
        }
        if (w instanceof Pod p) {
            return new PodTemplateSpec(p.getMetadata(), p.getSpec());
        }
        return null;
    }
}
