package dev.kubefluent.core.validate;

import static dev.kubefluent.core.validate.Util.map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resources of a set indexed by kind, namespace, name and pod label, so that every cross-resource rule looks up
 * its candidates instead of scanning the set: validation stays linear in the size of the set.
 */
final class SetIndex {

    private final Set<String> names = new HashSet<>();
    private final Map<String, Service> services = new HashMap<>();
    final List<Workload> workloads = new ArrayList<>();
    private final Map<String, List<Workload>> workloadsByNamespace = new HashMap<>();
    private final Map<String, Map<String, List<Workload>>> workloadsByLabel = new HashMap<>();
    private final Map<String, HasMetadata> workloadsByName = new HashMap<>();

    SetIndex(List<HasMetadata> resources) {
        for (HasMetadata r : resources) {
            String kind = r.getKind();
            String name = r.getMetadata() == null ? null : r.getMetadata().getName();
            if (kind == null || name == null) {
                continue;
            }
            String ns = namespaceOf(r);
            names.add(key(kind, ns, name));
            if (r instanceof Service s) {
                services.put(ns + "/" + name, s);
            }
            Workload w = Workload.of(r);
            if (w != null) {
                workloads.add(w);
                workloadsByName.put(key(kind, ns, name), r);
                workloadsByNamespace.computeIfAbsent(ns, k -> new ArrayList<>()).add(w);
                Map<String, List<Workload>> byLabel = workloadsByLabel.computeIfAbsent(ns, k -> new HashMap<>());
                for (Map.Entry<String, String> e : map(w.podLabels()).entrySet()) {
                    byLabel.computeIfAbsent(e.getKey() + "=" + e.getValue(), k -> new ArrayList<>()).add(w);
                }
            }
        }
    }

    /** The namespace as the set sees it: an unset namespace is the same for all objects that leave it unset. */
    static String namespaceOf(HasMetadata r) {
        String ns = r.getMetadata() == null ? null : r.getMetadata().getNamespace();
        return ns == null ? "" : ns;
    }

    private static String key(String kind, String ns, String name) {
        return kind + "|" + ns + "|" + name;
    }

    boolean contains(String kind, String namespace, String name) {
        return names.contains(key(kind, namespace, name));
    }

    Service service(String namespace, String name) {
        return services.get(namespace + "/" + name);
    }

    HasMetadata workload(String kind, String namespace, String name) {
        return workloadsByName.get(key(kind, namespace, name));
    }

    /**
     * Candidates whose pod labels may match a selector with the given required labels: the smallest bucket of one of
     * its label pairs, or every workload of the namespace when the selector has no required labels.
     */
    List<Workload> candidates(String namespace, Map<String, String> requiredLabels) {
        if (requiredLabels == null || requiredLabels.isEmpty()) {
            return workloadsByNamespace.getOrDefault(namespace, List.of());
        }
        Map<String, List<Workload>> byLabel = workloadsByLabel.get(namespace);
        if (byLabel == null) {
            return List.of();
        }
        List<Workload> best = null;
        for (Map.Entry<String, String> e : requiredLabels.entrySet()) {
            List<Workload> bucket = byLabel.get(e.getKey() + "=" + e.getValue());
            if (bucket == null) {
                return List.of();
            }
            if (best == null || bucket.size() < best.size()) {
                best = bucket;
            }
        }
        return best;
    }
}
