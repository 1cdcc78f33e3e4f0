package dev.kubefluent.core.rollout;

import dev.kubefluent.core.internal.StatusViewers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A Deployment's revisions, read from the ReplicaSets it controls, with kubectl's rules
 * ({@code polymorphichelpers/rollback.go}, {@code history.go}).
 */
final class DeploymentHistory {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String HASH_LABEL = "pod-template-hash";
    static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private DeploymentHistory() {
    }

    /**
     * Parses the revision annotation as kubectl does: missing is 0, unparsable is absent.
     *
     * @param o a Deployment or ReplicaSet
     * @return the revision, or empty when the annotation is not a number
     */
    static OptionalLong parseRevision(HasMetadata o) {
        Map<String, String> a = o.getMetadata() == null ? null : o.getMetadata().getAnnotations();
        String v = a == null ? null : a.get(REVISION);
        if (v == null) {
            return OptionalLong.of(0);
        }
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static long revision(HasMetadata o) {
        return parseRevision(o).orElse(0);
    }

    /**
     * Keeps the ReplicaSets whose controller reference points at the Deployment (by UID), as kubectl does; a
     * ReplicaSet that only matches the selector is not part of the history.
     *
     * @param d   the Deployment
     * @param all ReplicaSets of the namespace (or those matching the selector)
     * @return the owned ones
     */
    static List<ReplicaSet> owned(Deployment d, List<ReplicaSet> all) {
        String uid = d.getMetadata() == null ? null : d.getMetadata().getUid();
        List<ReplicaSet> owned = new ArrayList<>();
        for (ReplicaSet rs : all) {
            List<OwnerReference> refs = rs.getMetadata() == null ? null : rs.getMetadata().getOwnerReferences();
            if (refs == null) {
                continue;
            }
            for (OwnerReference r : refs) {
                if (Boolean.TRUE.equals(r.getController()) && uid != null && uid.equals(r.getUid())) {
                    owned.add(rs);
                    break;
                }
            }
        }
        return owned;
    }

    /**
     * kubectl's {@code deploymentRevision}: revision 0 picks the second-highest revision, any other the exact one.
     *
     * @param d          the Deployment
     * @param owned      its ReplicaSets
     * @param toRevision the revision, 0 for the previous one
     * @return the ReplicaSet holding the revision
     * @throws RolloutException with kubectl's message when there is no such revision
     */
    static ReplicaSet select(Deployment d, List<ReplicaSet> owned, long toRevision) {
        if (toRevision < 0) {
            throw new RolloutException(revisionNotFound(toRevision));
        }
        ReplicaSet latest = null;
        long latestRevision = -1;
        ReplicaSet previous = null;
        long previousRevision = -1;
        for (ReplicaSet rs : owned) {
            OptionalLong parsed = parseRevision(rs);
            if (parsed.isEmpty()) {
                continue;
            }
            long v = parsed.getAsLong();
            if (toRevision == 0) {
                if (latestRevision < v) {
                    previousRevision = latestRevision;
                    previous = latest;
                    latestRevision = v;
                    latest = rs;
                } else if (previousRevision < v) {
                    previousRevision = v;
                    previous = rs;
                }
            } else if (toRevision == v) {
                return rs;
            }
        }
        if (toRevision > 0) {
            throw new RolloutException(revisionNotFound(toRevision));
        }
        if (previous == null) {
            throw new RolloutException("no rollout history found for deployment " + StatusViewers.quote(name(d)));
        }
        return previous;
    }

    static String revisionNotFound(long revision) {
        return "unable to find specified revision " + revision + " in history";
    }

    /**
     * Lists the revisions in ascending order, one per ReplicaSet with a parseable revision annotation.
     *
     * @param owned the Deployment's ReplicaSets
     * @return the revisions; empty when there is no history
     */
    static List<Revision> revisions(List<ReplicaSet> owned) {
        Map<Long, ReplicaSet> byRevision = new LinkedHashMap<>();
        for (ReplicaSet rs : owned) {
            OptionalLong v = parseRevision(rs);
            if (v.isPresent() && v.getAsLong() > 0) {
                byRevision.put(v.getAsLong(), rs);
            }
        }
        List<Revision> out = new ArrayList<>();
        byRevision.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ReplicaSet rs = e.getValue();
            Map<String, String> a = rs.getMetadata().getAnnotations();
            String cause = a == null || a.get(CHANGE_CAUSE) == null ? "<none>" : a.get(CHANGE_CAUSE);
            out.add(new Revision(e.getKey(), cause, name(rs), stripHash(template(rs))));
        });
        out.sort(Comparator.comparingLong(Revision::number));
        return out;
    }

    static PodTemplateSpec template(ReplicaSet rs) {
        return rs.getSpec() == null || rs.getSpec().getTemplate() == null ? new PodTemplateSpec() : rs.getSpec().getTemplate();
    }

    /**
     * Returns a copy of the template without the {@code pod-template-hash} label.
     *
     * @param template the template
     * @return the copy
     */
    static PodTemplateSpec stripHash(PodTemplateSpec template) {
        PodTemplateSpec copy = SERIALIZATION.clone(template);
        if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
            Map<String, String> labels = new LinkedHashMap<>(copy.getMetadata().getLabels());
            labels.remove(HASH_LABEL);
            copy.getMetadata().setLabels(labels);
        }
        return copy;
    }

    /**
     * kubectl's {@code equalIgnoreHash}: the templates are equal once the hash label is removed; empty and absent
     * collections are equal, as with Go's semantic equality.
     */
    static boolean equalIgnoreHash(PodTemplateSpec a, PodTemplateSpec b) {
        return Objects.equals(SERIALIZATION.convertValue(stripHash(a == null ? new PodTemplateSpec() : a), Map.class),
                SERIALIZATION.convertValue(stripHash(b == null ? new PodTemplateSpec() : b), Map.class));
    }

    private static String name(HasMetadata o) {
        return o.getMetadata() == null || o.getMetadata().getName() == null ? "" : o.getMetadata().getName();
    }
}
