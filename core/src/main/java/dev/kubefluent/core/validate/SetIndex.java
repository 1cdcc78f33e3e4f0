package dev.kubefluent.core.validate;

import static dev.kubefluent.core.validate.Util.map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
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
 *
 * <p>An object without a namespace lands in whatever namespace the set is applied to, so it may meet objects of any
 * namespace: lookups from an unset namespace search all namespaces, and every lookup also finds objects whose
 * namespace is unset.
 */
final class SetIndex {

    /** The bucket of every namespace at once, used for lookups from an object without a namespace. */
    private static final String ANY = "*";

    private final Set<String> names = new HashSet<>();
    private final Map<String, Service> services = new HashMap<>();
    private final Map<String, Secret> secrets = new HashMap<>();
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
            names.add(key(kind, ANY, name));
            if (r instanceof Service s) {
                services.put(ns + "/" + name, s);
                services.putIfAbsent(ANY + "/" + name, s);
            } else if (r instanceof Secret s) {
                secrets.put(ns + "/" + name, s);
                secrets.putIfAbsent(ANY + "/" + name, s);
            }
            Workload w = Workload.of(r);
            if (w != null) {
                workloads.add(w);
                workloadsByName.put(key(kind, ns, name), r);
                workloadsByName.putIfAbsent(key(kind, ANY, name), r);
                indexWorkload(ns, w);
                indexWorkload(ANY, w);
            }
        }
    }

    private void indexWorkload(String bucket, Workload w) {
        workloadsByNamespace.computeIfAbsent(bucket, k -> new ArrayList<>()).add(w);
        Map<String, List<Workload>> byLabel = workloadsByLabel.computeIfAbsent(bucket, k -> new HashMap<>());
        for (Map.Entry<String, String> e : map(w.podLabels()).entrySet()) {
            byLabel.computeIfAbsent(e.getKey() + "=" + e.getValue(), k -> new ArrayList<>()).add(w);
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

    /** Where to look from an object of the given namespace: unset looks everywhere. */
    private static String bucket(String namespace) {
        return namespace.isEmpty() ? ANY : namespace;
    }

    boolean contains(String kind, String namespace, String name) {
        return names.contains(key(kind, bucket(namespace), name)) || names.contains(key(kind, "", name));
    }

    Service service(String namespace, String name) {
        Service s = services.get(bucket(namespace) + "/" + name);
        return s != null ? s : services.get("/" + name);
    }

    Secret secret(String namespace, String name) {
        Secret s = secrets.get(bucket(namespace) + "/" + name);
        return s != null ? s : secrets.get("/" + name);
    }

    HasMetadata workload(String kind, String namespace, String name) {
        HasMetadata w = workloadsByName.get(key(kind, bucket(namespace), name));
        return w != null ? w : workloadsByName.get(key(kind, "", name));
    }

    /**
     * Candidates whose pod labels may match a selector with the given required labels: the smallest bucket of one of
     * its label pairs, or every workload of the namespace when the selector has no required labels.
     */
    List<Workload> candidates(String namespace, Map<String, String> requiredLabels) {
        String bucket = bucket(namespace);
        List<Workload> own = candidatesIn(bucket, requiredLabels);
        if (bucket.equals(ANY)) {
            return own;
        }
        List<Workload> unset = candidatesIn("", requiredLabels);
        if (unset.isEmpty()) {
            return own;
        }
        List<Workload> both = new ArrayList<>(own);
        both.addAll(unset);
        return both;
    }

    private List<Workload> candidatesIn(String bucket, Map<String, String> requiredLabels) {
        if (requiredLabels == null || requiredLabels.isEmpty()) {
            return workloadsByNamespace.getOrDefault(bucket, List.of());
        }
        Map<String, List<Workload>> byLabel = workloadsByLabel.get(bucket);
        if (byLabel == null) {
            return List.of();
        }
        List<Workload> best = null;
        for (Map.Entry<String, String> e : requiredLabels.entrySet()) {
            List<Workload> withLabel = byLabel.get(e.getKey() + "=" + e.getValue());
            if (withLabel == null) {
                return List.of();
            }
            if (best == null || withLabel.size() < best.size()) {
                best = withLabel;
            }
        }
        return best;
    }
}
