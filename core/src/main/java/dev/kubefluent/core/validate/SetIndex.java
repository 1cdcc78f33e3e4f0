package dev.kubefluent.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The resources of a set indexed by kind, namespace, name and pod label, so that every cross-resource rule looks up
 * its candidates instead of scanning the set: validation stays linear in the size of the set.
 *
 * <p>An object without a namespace lands in whatever namespace the set is applied to, so it may meet objects of any
 * namespace: lookups from an unset namespace search all namespaces, and every lookup also finds objects whose
 * namespace is unset.
 *
 * <p>Only the pod-label index is built up front, in one pass; the name indexes are built on their first lookup, so a
 * set without references (or without objects without a namespace) never pays for them. Keys are small records of the
 * objects' own strings, not concatenations: building the index copies no text, and it stays small enough to keep
 * the time per resource flat as the set grows.
 */
final class SetIndex {

    /**
     * The bucket of every namespace at once, used for lookups from an object without a namespace: {@code null}, which
     * no namespace can be.
     */
    private static final String ANY = null;

    /** A resource's identity in one bucket. */
    private record NameKey(String kind, String namespace, String name) {
    }

    /** A Service's or Secret's name in one bucket; the class, not the kind string, says what it is. */
    private record Ref(String namespace, String name) {
    }

    /** A pod label of the workloads in one bucket. */
    private record LabelKey(String namespace, String key, String value) {
    }

    private final List<HasMetadata> resources;
    final List<Workload> workloads = new ArrayList<>();
    /** Pod label to workloads, per namespace; the {@link #ANY} bucket is added on its first lookup. */
    private final Map<LabelKey, List<Workload>> workloadsByLabel = new HashMap<>();
    private boolean anyLabels;
    private Map<String, List<Workload>> workloadsByNamespace;
    /** Every named resource, by kind string; for references. */
    private Map<NameKey, HasMetadata> names;
    /** The named workloads by kind string, the Services and the Secrets; built together on the first lookup. */
    private Map<NameKey, HasMetadata> workloadsByName;
    private Map<Ref, Service> services;
    private Map<Ref, Secret> secrets;

    SetIndex(List<HasMetadata> resources) {
        this.resources = resources;
        for (HasMetadata r : resources) {
            if (isNamed(r)) {
                Workload w = Workload.of(r);
                if (w != null) {
                    workloads.add(w);
                    indexLabels(namespaceOf(r), w);
                }
            }
        }
    }

    private static boolean isNamed(HasMetadata r) {
        return r.getKind() != null && r.getMetadata() != null && r.getMetadata().getName() != null;
    }

    private void indexLabels(String bucket, Workload w) {
        Map<String, String> labels = w.podLabels();
        if (labels == null) {
            return;
        }
        for (Map.Entry<String, String> e : labels.entrySet()) {
            LabelKey key = new LabelKey(bucket, e.getKey(), e.getValue());
            List<Workload> list = workloadsByLabel.get(key);
            if (list == null) {
                list = new ArrayList<>(2);
                workloadsByLabel.put(key, list);
            }
            list.add(w);
        }
    }

    /** The namespace as the set sees it: an unset namespace is the same for all objects that leave it unset. */
    static String namespaceOf(HasMetadata r) {
        String ns = r.getMetadata() == null ? null : r.getMetadata().getNamespace();
        return ns == null ? "" : ns;
    }

    /** Where to look from an object of the given namespace: unset looks everywhere. */
    private static String bucket(String namespace) {
        return namespace.isEmpty() ? ANY : namespace;
    }

    /**
     * Adds a value under its own namespace (the last one wins) and under {@link #ANY} (the first one wins), as the
     * lookups expect.
     */
    private static <K, V> void put(Map<K, V> map, K own, K any, V value) {
        map.put(own, value);
        map.putIfAbsent(any, value);
    }

    /** Tells whether the set has an object of the kind and name in the namespace's bucket or without namespace. */
    boolean contains(String kind, String namespace, String name) {
        if (names == null) {
            names = new HashMap<>();
            for (HasMetadata r : resources) {
                if (isNamed(r)) {
                    String n = r.getMetadata().getName();
                    put(names, new NameKey(r.getKind(), namespaceOf(r), n), new NameKey(r.getKind(), ANY, n), r);
                }
            }
        }
        return names.containsKey(new NameKey(kind, bucket(namespace), name))
                || names.containsKey(new NameKey(kind, "", name));
    }

    private void indexByName() {
        if (workloadsByName != null) {
            return;
        }
        workloadsByName = new HashMap<>();
        services = new HashMap<>();
        secrets = new HashMap<>();
        for (HasMetadata r : resources) {
            if (!isNamed(r)) {
                continue;
            }
            String ns = namespaceOf(r);
            String n = r.getMetadata().getName();
            if (r instanceof Service s) {
                put(services, new Ref(ns, n), new Ref(ANY, n), s);
            } else if (r instanceof Secret s) {
                put(secrets, new Ref(ns, n), new Ref(ANY, n), s);
            }
            if (Workload.of(r) != null) {
                put(workloadsByName, new NameKey(r.getKind(), ns, n), new NameKey(r.getKind(), ANY, n), r);
            }
        }
    }

    Service service(String namespace, String name) {
        indexByName();
        Service s = services.get(new Ref(bucket(namespace), name));
        return s != null ? s : services.get(new Ref("", name));
    }

    Secret secret(String namespace, String name) {
        indexByName();
        Secret s = secrets.get(new Ref(bucket(namespace), name));
        return s != null ? s : secrets.get(new Ref("", name));
    }

    HasMetadata workload(String kind, String namespace, String name) {
        indexByName();
        HasMetadata w = workloadsByName.get(new NameKey(kind, bucket(namespace), name));
        return w != null ? w : workloadsByName.get(new NameKey(kind, "", name));
    }

    /**
     * Candidates whose pod labels may match a selector with the given required labels: the smallest bucket of one of
     * its label pairs, or every workload of the namespace when the selector has no required labels.
     */
    List<Workload> candidates(String namespace, Map<String, String> requiredLabels) {
        String bucket = bucket(namespace);
        List<Workload> own = candidatesIn(bucket, requiredLabels);
        if (bucket == ANY) {
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
            return byNamespace().getOrDefault(bucket, List.of());
        }
        if (bucket == ANY && !anyLabels) {
            anyLabels = true;
            for (Workload w : workloads) {
                indexLabels(ANY, w);
            }
        }
        List<Workload> best = null;
        for (Map.Entry<String, String> e : requiredLabels.entrySet()) {
            List<Workload> withLabel = workloadsByLabel.get(new LabelKey(bucket, e.getKey(), e.getValue()));
            if (withLabel == null) {
                return List.of();
            }
            if (best == null || withLabel.size() < best.size()) {
                best = withLabel;
            }
        }
        return best;
    }

    /** The workloads of each namespace and of {@link #ANY}, built on the first lookup without required labels. */
    private Map<String, List<Workload>> byNamespace() {
        if (workloadsByNamespace == null) {
            workloadsByNamespace = new HashMap<>();
            for (Workload w : workloads) {
                workloadsByNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
                workloadsByNamespace.computeIfAbsent(ANY, k -> new ArrayList<>()).add(w);
            }
        }
        return workloadsByNamespace;
    }
}
