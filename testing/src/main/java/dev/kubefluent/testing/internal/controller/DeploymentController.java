package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Deployment controller: one {@link #sync(String) sync} is {@code deployment_controller.go · syncDeployment},
 * ported function by function from {@code pkg/controller/deployment} (rolling.go, recreate.go, sync.go, progress.go,
 * util/deployment_util.go), including its snapshot semantics: objects read at the start of a sync are not re-read
 * after writes, so some status writes fail with 409 and the sync is retried (§6.3 of the rollout reference).
 *
 * <p>Not modelled: adoption and release of orphaned ReplicaSets (only ReplicaSets whose controller reference names the
 * Deployment are seen).
 */
final class DeploymentController implements Controller {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
    static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
    static final int MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;
    private static final Set<String> ANNOTATIONS_TO_SKIP = Set.of(
        "kubectl.kubernetes.io/last-applied-configuration", REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS,
        "deprecated.deployment.rollback.to");

    static final String PROGRESSING = "Progressing";
    static final String AVAILABLE = "Available";
    static final String REPLICA_FAILURE = "ReplicaFailure";
    static final String NEW_RS_REASON = "NewReplicaSetCreated";
    static final String FOUND_NEW_RS_REASON = "FoundNewReplicaSet";
    static final String RS_UPDATED_REASON = "ReplicaSetUpdated";
    static final String NEW_RS_AVAILABLE_REASON = "NewReplicaSetAvailable";
    static final String TIMED_OUT_REASON = "ProgressDeadlineExceeded";
    static final String FAILED_RS_CREATE_REASON = "ReplicaSetCreateError";
    static final String PAUSED_REASON = "DeploymentPaused";
    static final String RESUMED_REASON = "DeploymentResumed";

    static final String COMPONENT = "deployment-controller";
    static final String ROLLBACK_TO = "deprecated.deployment.rollback.to";

    private final ClusterAccess access;
    private final EventRecorder events;
    private final WorkQueue queue;

    DeploymentController(ClusterAccess access, EventRecorder events) {
        this.access = access;
        this.events = events;
        this.queue = new WorkQueue(access, this::sync);
    }

    @Override
    public void onChange(String type, HasMetadata oldObject, HasMetadata newObject) {
        HasMetadata object = newObject != null ? newObject : oldObject;
        if (object instanceof Deployment) {
            queue.add(Meta.key(object));
        } else if (object instanceof ReplicaSet) {
            enqueueOwner(object);
            if (oldObject != null && newObject != null) {
                OwnerReference before = Meta.controllerOf(oldObject);
                OwnerReference after = Meta.controllerOf(newObject);
                if (before != null && !Objects.equals(before, after)) {
                    enqueueOwner(oldObject);
                }
            }
        } else if (object instanceof Pod && "DELETED".equals(type)) {
            // deletePod: only Recreate deployments wait for pods, once none is left
            OwnerReference rsRef = Meta.controllerOf(object);
            if (rsRef == null || !"ReplicaSet".equals(rsRef.getKind())) {
                return;
            }
            access.get(ReplicaSet.class, Meta.namespace(object), rsRef.getName()).ifPresent(rs -> {
                OwnerReference dRef = Meta.controllerOf(rs);
                if (dRef != null && "Deployment".equals(dRef.getKind())) {
                    access.get(Deployment.class, Meta.namespace(rs), dRef.getName())
                        .filter(d -> !DeploymentDefaults.isRollingUpdate(d))
                        .ifPresent(d -> queue.add(Meta.key(d)));
                }
            });
        }
    }

    private void enqueueOwner(HasMetadata rs) {
        OwnerReference ref = Meta.controllerOf(rs);
        if (ref != null && "Deployment".equals(ref.getKind())) {
            queue.add(Meta.key(Meta.namespace(rs), ref.getName()));
        }
    }

    // ---------------------------------------------------------------- syncDeployment

    void sync(String key) {
        Optional<Deployment> stored = access.get(Deployment.class, Meta.keyNamespace(key), Meta.keyName(key));
        if (stored.isEmpty()) {
            return;
        }
        Deployment d = stored.get();
        LabelSelector selector = d.getSpec().getSelector();
        if (selector != null && isEmpty(selector)) {
            events.event(d, EventRecorder.WARNING, "SelectingAll",
                "This deployment is selecting all pods. A non-empty selector is required.", COMPONENT);
            if (observedGeneration(d) < generation(d)) {
                status(d).setObservedGeneration(generation(d));
                access.updateStatus(d);
            }
            return;
        }
        List<ReplicaSet> rsList = replicaSetsFor(d);
        if (!replicaSetStatusesCurrent(rsList)) {
            // The ReplicaSet controller has not yet observed a scale written earlier; its status write requeues us
            // (the reference's timing model: "RS status is exact when a sync starts").
            return;
        }
        if (Meta.isDeleting(d)) {
            syncStatusOnly(d, rsList);
            return;
        }
        checkPausedConditions(d);
        if (DeploymentDefaults.paused(d)) {
            syncScale(d, rsList);
            return;
        }
        if (Meta.annotations(d).containsKey(ROLLBACK_TO)) {
            rollback(d, rsList);
            return;
        }
        if (isScalingEvent(d, rsList)) {
            syncScale(d, rsList);
            return;
        }
        if (DeploymentDefaults.isRollingUpdate(d)) {
            rolloutRolling(d, rsList);
        } else {
            rolloutRecreate(d, rsList, podMap(d, rsList));
        }
    }

    private static boolean isEmpty(LabelSelector s) {
        return (s.getMatchLabels() == null || s.getMatchLabels().isEmpty())
            && (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty());
    }

    private boolean replicaSetStatusesCurrent(List<ReplicaSet> rsList) {
        for (ReplicaSet rs : rsList) {
            long observed = rs.getStatus() == null || rs.getStatus().getObservedGeneration() == null
                ? 0 : rs.getStatus().getObservedGeneration();
            if (rs.getMetadata().getGeneration() != null && observed < rs.getMetadata().getGeneration()) {
                return false;
            }
        }
        return true;
    }

    private List<ReplicaSet> replicaSetsFor(Deployment d) {
        List<ReplicaSet> owned = new ArrayList<>();
        for (ReplicaSet rs : access.list(ReplicaSet.class, Meta.namespace(d))) {
            if (Meta.isControlledBy(rs, Meta.uid(d))) {
                owned.add(rs);
            }
        }
        return owned;
    }

    private Map<String, List<Pod>> podMap(Deployment d, List<ReplicaSet> rsList) {
        Map<String, List<Pod>> map = new LinkedHashMap<>();
        for (ReplicaSet rs : rsList) {
            map.put(Meta.uid(rs), new ArrayList<>());
        }
        for (Pod pod : access.list(Pod.class, Meta.namespace(d))) {
            OwnerReference ref = Meta.controllerOf(pod);
            if (ref != null && map.containsKey(ref.getUid())) {
                map.get(ref.getUid()).add(pod);
            }
        }
        return map;
    }

    // ---------------------------------------------------------------- rollback.go

    /** {@code rollback}: the server-side rollback of the {@code deprecated.deployment.rollback.to} annotation. */
    private void rollback(Deployment d, List<ReplicaSet> rsList) {
        NewAndOld all = getAllReplicaSetsAndSyncRevision(d, rsList, true);
        List<ReplicaSet> allRSs = all.all();
        long revision;
        try {
            revision = Long.parseLong(Meta.annotations(d).get(ROLLBACK_TO));
        } catch (NumberFormatException e) {
            revision = 0;
        }
        if (revision == 0) {
            revision = lastRevision(allRSs);
            if (revision == 0) {
                events.event(d, EventRecorder.WARNING, "DeploymentRollbackRevisionNotFound",
                    "Unable to find last revision.", COMPONENT);
                updateDeploymentAndClearRollbackTo(d);
                return;
            }
        }
        for (ReplicaSet rs : allRSs) {
            Long v = rs == null ? null : revision(rs);
            if (v != null && v == revision) {
                boolean performed = rollbackToTemplate(d, rs);
                if (performed) {
                    events.event(d, EventRecorder.NORMAL, "DeploymentRollback",
                        "Rolled back deployment " + quote(Meta.name(d)) + " to revision " + revision, COMPONENT);
                }
                return;
            }
        }
        events.event(d, EventRecorder.WARNING, "DeploymentRollbackRevisionNotFound",
            "Unable to find the revision to rollback to.", COMPONENT);
        updateDeploymentAndClearRollbackTo(d);
    }

    private boolean rollbackToTemplate(Deployment d, ReplicaSet rs) {
        boolean performed = false;
        if (!equalIgnoreHash(d.getSpec().getTemplate(), rs.getSpec().getTemplate())) {
            PodTemplateSpec template = Meta.copy(rs.getSpec().getTemplate());
            if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
                template.getMetadata().getLabels().remove(PodTemplateHash.LABEL);
            }
            d.getSpec().setTemplate(template);
            Map<String, String> annotations = new LinkedHashMap<>();
            Meta.annotations(d).forEach((k, v) -> {
                if (ANNOTATIONS_TO_SKIP.contains(k)) {
                    annotations.put(k, v);
                }
            });
            Meta.annotations(rs).forEach((k, v) -> {
                if (!ANNOTATIONS_TO_SKIP.contains(k)) {
                    annotations.put(k, v);
                }
            });
            d.getMetadata().setAnnotations(annotations);
            performed = true;
        } else {
            events.event(d, EventRecorder.WARNING, "DeploymentRollbackTemplateUnchanged",
                "The rollback revision contains the same template as current deployment " + quote(Meta.name(d)),
                COMPONENT);
        }
        updateDeploymentAndClearRollbackTo(d);
        return performed;
    }

    private void updateDeploymentAndClearRollbackTo(Deployment d) {
        Meta.mutableAnnotations(d.getMetadata()).remove(ROLLBACK_TO);
        access.update(d);
    }

    /** {@code LastRevision}: the second-highest revision. */
    private static long lastRevision(List<ReplicaSet> allRSs) {
        long max = 0;
        long secMax = 0;
        for (ReplicaSet rs : allRSs) {
            Long v = rs == null ? null : revision(rs);
            if (v == null) {
                continue;
            }
            if (v >= max) {
                secMax = max;
                max = v;
            } else if (v > secMax) {
                secMax = v;
            }
        }
        return secMax;
    }

    // ---------------------------------------------------------------- sync.go

    /** {@code sync}: scaling only (paused deployments and scaling events). */
    private void syncScale(Deployment d, List<ReplicaSet> rsList) {
        NewAndOld all = getAllReplicaSetsAndSyncRevision(d, rsList, false);
        scale(d, all.newRS, all.oldRSs);
        if (DeploymentDefaults.paused(d)) {
            cleanupDeployment(all.oldRSs, d);
        }
        syncDeploymentStatus(all.all(), all.newRS, d);
    }

    private void syncStatusOnly(Deployment d, List<ReplicaSet> rsList) {
        NewAndOld all = getAllReplicaSetsAndSyncRevision(d, rsList, false);
        syncDeploymentStatus(all.all(), all.newRS, d);
    }

    private boolean isScalingEvent(Deployment d, List<ReplicaSet> rsList) {
        NewAndOld all = getAllReplicaSetsAndSyncRevision(d, rsList, false);
        for (ReplicaSet rs : filterActive(all.all())) {
            Integer desired = intAnnotation(rs, DESIRED_REPLICAS);
            if (desired != null && desired != DeploymentDefaults.replicas(d)) {
                return true;
            }
        }
        return false;
    }

    private static final class NewAndOld {
        final ReplicaSet newRS;
        final List<ReplicaSet> oldRSs;

        NewAndOld(ReplicaSet newRS, List<ReplicaSet> oldRSs) {
            this.newRS = newRS;
            this.oldRSs = oldRSs;
        }

        /** {@code append(oldRSs, newRS)}; newRS may be null. */
        List<ReplicaSet> all() {
            List<ReplicaSet> all = new ArrayList<>(oldRSs);
            all.add(newRS);
            return all;
        }
    }

    private NewAndOld getAllReplicaSetsAndSyncRevision(Deployment d, List<ReplicaSet> rsList, boolean create) {
        ReplicaSet existing = findNewReplicaSet(d, rsList);
        List<ReplicaSet> oldRSs = new ArrayList<>();
        for (ReplicaSet rs : rsList) {
            if (existing == null || !Meta.uid(rs).equals(Meta.uid(existing))) {
                oldRSs.add(rs);
            }
        }
        ReplicaSet newRS = getNewReplicaSet(d, rsList, oldRSs, create);
        return new NewAndOld(newRS, oldRSs);
    }

    /** {@code FindNewReplicaSet}: the oldest RS whose template equals the Deployment's, ignoring the hash label. */
    static ReplicaSet findNewReplicaSet(Deployment d, List<ReplicaSet> rsList) {
        List<ReplicaSet> sorted = new ArrayList<>(rsList);
        sorted.sort(Meta.BY_CREATION);
        for (ReplicaSet rs : sorted) {
            if (equalIgnoreHash(rs.getSpec().getTemplate(), d.getSpec().getTemplate())) {
                return rs;
            }
        }
        return null;
    }

    /** {@code EqualIgnoreHash}: template equality with the {@code pod-template-hash} label ignored. */
    static boolean equalIgnoreHash(PodTemplateSpec a, PodTemplateSpec b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(a.getSpec(), b.getSpec())
            && Objects.equals(metadataWithoutHash(a.getMetadata()), metadataWithoutHash(b.getMetadata()));
    }

    private static ObjectMeta metadataWithoutHash(ObjectMeta meta) {
        if (meta == null) {
            return new ObjectMeta();
        }
        Map<String, String> labels = meta.getLabels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(meta.getLabels());
        labels.remove(PodTemplateHash.LABEL);
        Map<String, String> annotations = meta.getAnnotations() == null ? new LinkedHashMap<>()
            : new LinkedHashMap<>(meta.getAnnotations());
        return new ObjectMetaBuilder(meta).withLabels(labels).withAnnotations(annotations).build();
    }

    private ReplicaSet getNewReplicaSet(Deployment d, List<ReplicaSet> rsList, List<ReplicaSet> oldRSs,
                                        boolean createIfNotExisted) {
        ReplicaSet existing = findNewReplicaSet(d, rsList);
        String newRevision = Long.toString(maxRevision(oldRSs) + 1);
        if (existing != null) {
            ReplicaSet rsCopy = Meta.copy(existing);
            boolean annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
            boolean minReadySecondsNeedsUpdate =
                Meta.orZero(rsCopy.getSpec().getMinReadySeconds()) != DeploymentDefaults.minReadySeconds(d);
            if (annotationsUpdated || minReadySecondsNeedsUpdate) {
                rsCopy.getSpec().setMinReadySeconds(DeploymentDefaults.minReadySeconds(d));
                return access.update(rsCopy);
            }
            boolean needsUpdate = setDeploymentRevision(d, Meta.annotations(rsCopy).get(REVISION));
            DeploymentCondition cond = condition(status(d), PROGRESSING);
            if (DeploymentDefaults.hasProgressDeadline(d) && cond == null) {
                setCondition(status(d), newCondition(PROGRESSING, "True", FOUND_NEW_RS_REASON,
                    "Found new replica set " + quote(Meta.name(rsCopy))));
                needsUpdate = true;
            }
            if (needsUpdate) {
                access.updateStatus(d);
            }
            return rsCopy;
        }
        if (!createIfNotExisted) {
            return null;
        }
        PodTemplateSpec template = Meta.copy(d.getSpec().getTemplate());
        Integer collisionCount = status(d).getCollisionCount();
        String hash = PodTemplateHash.compute(template, collisionCount);
        Map<String, String> templateLabels = new LinkedHashMap<>();
        if (template.getMetadata().getLabels() != null) {
            templateLabels.putAll(template.getMetadata().getLabels());
        }
        templateLabels.put(PodTemplateHash.LABEL, hash);
        template.getMetadata().setLabels(templateLabels);
        LabelSelector selector = Meta.copy(d.getSpec().getSelector());
        Map<String, String> matchLabels = new LinkedHashMap<>();
        if (selector.getMatchLabels() != null) {
            matchLabels.putAll(selector.getMatchLabels());
        }
        matchLabels.put(PodTemplateHash.LABEL, hash);
        selector.setMatchLabels(matchLabels);
        ReplicaSet newRS = new ReplicaSetBuilder()
            .withNewMetadata()
                .withName(Meta.name(d) + "-" + hash)
                .withNamespace(Meta.namespace(d))
                .withOwnerReferences(Meta.controllerRef(d))
                .withLabels(new LinkedHashMap<>(templateLabels))
            .endMetadata()
            .withNewSpec()
                .withReplicas(0)
                .withMinReadySeconds(DeploymentDefaults.minReadySeconds(d))
                .withSelector(selector)
                .withTemplate(template)
            .endSpec()
            .build();
        List<ReplicaSet> allRSs = new ArrayList<>(oldRSs);
        allRSs.add(newRS);
        int newReplicasCount = newRSNewReplicas(d, allRSs, newRS);
        newRS.getSpec().setReplicas(newReplicasCount);
        setNewReplicaSetAnnotations(d, newRS, newRevision, false);
        ReplicaSet createdRS;
        boolean alreadyExists = false;
        try {
            createdRS = access.create(newRS);
        } catch (ClusterAccessException e) {
            if (e.code() == 409) {
                alreadyExists = true;
                Optional<ReplicaSet> rs = access.get(ReplicaSet.class, Meta.namespace(d), Meta.name(newRS));
                if (rs.isPresent() && Meta.isControlledBy(rs.get(), Meta.uid(d))
                    && equalIgnoreHash(d.getSpec().getTemplate(), rs.get().getSpec().getTemplate())) {
                    createdRS = rs.get();
                } else {
                    // hash collision: bump collisionCount so that the next sync computes a different name
                    status(d).setCollisionCount(collisionCount == null ? 1 : collisionCount + 1);
                    try {
                        access.updateStatus(d);
                    } catch (ClusterAccessException ignored) {
                        // the sync is retried anyway
                    }
                    throw e;
                }
            } else {
                String msg = "Failed to create new replica set " + quote(Meta.name(newRS)) + ": " + e.getMessage();
                if (DeploymentDefaults.hasProgressDeadline(d)) {
                    setCondition(status(d), newCondition(PROGRESSING, "False", FAILED_RS_CREATE_REASON, msg));
                    try {
                        access.updateStatus(d);
                    } catch (ClusterAccessException ignored) {
                        // the sync is retried anyway
                    }
                }
                events.event(d, EventRecorder.WARNING, FAILED_RS_CREATE_REASON, msg, COMPONENT);
                throw e;
            }
        }
        if (!alreadyExists && newReplicasCount > 0) {
            events.event(d, EventRecorder.NORMAL, "ScalingReplicaSet",
                "Scaled up replica set " + Meta.name(createdRS) + " to " + newReplicasCount, COMPONENT);
        }
        boolean needsUpdate = setDeploymentRevision(d, newRevision);
        if (!alreadyExists && DeploymentDefaults.hasProgressDeadline(d)) {
            setCondition(status(d), newCondition(PROGRESSING, "True", NEW_RS_REASON,
                "Created new replica set " + quote(Meta.name(createdRS))));
            needsUpdate = true;
        }
        if (needsUpdate) {
            access.updateStatus(d);
        }
        return createdRS;
    }

    /** {@code SetNewReplicaSetAnnotations}. */
    private static boolean setNewReplicaSetAnnotations(Deployment d, ReplicaSet rs, String newRevision, boolean exists) {
        boolean changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
        Map<String, String> annotations = Meta.mutableAnnotations(rs.getMetadata());
        String oldRevision = annotations.get(REVISION);
        boolean hadRevision = annotations.containsKey(REVISION);
        long oldRevisionInt;
        try {
            oldRevisionInt = oldRevision == null ? 0 : Long.parseLong(oldRevision);
        } catch (NumberFormatException e) {
            if (!oldRevision.isEmpty()) {
                return false;
            }
            oldRevisionInt = 0;
        }
        long newRevisionInt = Long.parseLong(newRevision);
        if (oldRevisionInt < newRevisionInt) {
            annotations.put(REVISION, newRevision);
            changed = true;
        }
        if (hadRevision && oldRevisionInt < newRevisionInt) {
            String history = annotations.getOrDefault(REVISION_HISTORY, "");
            List<String> oldRevisions = new ArrayList<>(List.of(history.split(",", -1)));
            if (oldRevisions.get(0).isEmpty()) {
                annotations.put(REVISION_HISTORY, oldRevision);
            } else {
                int totalLen = history.length() + oldRevision.length() + 1;
                int start = 0;
                while (totalLen > MAX_REV_HISTORY_LENGTH_IN_CHARS && start < oldRevisions.size()) {
                    totalLen = totalLen - oldRevisions.get(start).length() - 1;
                    start++;
                }
                if (totalLen <= MAX_REV_HISTORY_LENGTH_IN_CHARS) {
                    List<String> kept = new ArrayList<>(oldRevisions.subList(start, oldRevisions.size()));
                    kept.add(oldRevision);
                    annotations.put(REVISION_HISTORY, String.join(",", kept));
                }
            }
        }
        if (!exists && setReplicasAnnotations(rs, DeploymentDefaults.replicas(d),
            DeploymentDefaults.replicas(d) + Fenceposts.maxSurge(d))) {
            changed = true;
        }
        return changed;
    }

    private static boolean copyDeploymentAnnotationsToReplicaSet(Deployment d, ReplicaSet rs) {
        boolean changed = false;
        Map<String, String> rsAnnotations = Meta.mutableAnnotations(rs.getMetadata());
        for (Map.Entry<String, String> e : Meta.annotations(d).entrySet()) {
            if (ANNOTATIONS_TO_SKIP.contains(e.getKey()) || Objects.equals(rsAnnotations.get(e.getKey()), e.getValue())) {
                continue;
            }
            rsAnnotations.put(e.getKey(), e.getValue());
            changed = true;
        }
        return changed;
    }

    /** {@code SetReplicasAnnotations}. */
    private static boolean setReplicasAnnotations(ReplicaSet rs, int desired, int max) {
        Map<String, String> annotations = Meta.mutableAnnotations(rs.getMetadata());
        boolean changed = false;
        String desiredString = Integer.toString(desired);
        if (!desiredString.equals(annotations.get(DESIRED_REPLICAS))) {
            annotations.put(DESIRED_REPLICAS, desiredString);
            changed = true;
        }
        String maxString = Integer.toString(max);
        if (!maxString.equals(annotations.get(MAX_REPLICAS))) {
            annotations.put(MAX_REPLICAS, maxString);
            changed = true;
        }
        return changed;
    }

    private static boolean replicasAnnotationsNeedUpdate(ReplicaSet rs, int desired, int max) {
        Map<String, String> annotations = Meta.annotations(rs);
        return !Integer.toString(desired).equals(annotations.get(DESIRED_REPLICAS))
            || !Integer.toString(max).equals(annotations.get(MAX_REPLICAS));
    }

    private static boolean setDeploymentRevision(Deployment d, String revision) {
        Map<String, String> annotations = Meta.mutableAnnotations(d.getMetadata());
        if (!Objects.equals(annotations.get(REVISION), revision)) {
            annotations.put(REVISION, revision);
            return true;
        }
        return false;
    }

    /** {@code MaxRevision}: unparsable revisions are skipped. */
    static long maxRevision(List<ReplicaSet> rsList) {
        long max = 0;
        for (ReplicaSet rs : rsList) {
            Long v = revision(rs);
            if (v != null && v > max) {
                max = v;
            }
        }
        return max;
    }

    /** {@code Revision}: a missing annotation is 0, an unparsable one null. */
    static Long revision(ReplicaSet rs) {
        String v = Meta.annotations(rs).get(REVISION);
        if (v == null) {
            return 0L;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer intAnnotation(ReplicaSet rs, String key) {
        String v = Meta.annotations(rs).get(key);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code scale}. */
    private void scale(Deployment d, ReplicaSet newRS, List<ReplicaSet> oldRSs) {
        int replicas = DeploymentDefaults.replicas(d);
        ReplicaSet activeOrLatest = findActiveOrLatest(newRS, oldRSs);
        if (activeOrLatest != null) {
            if (spec(activeOrLatest) == replicas) {
                return;
            }
            scaleReplicaSetAndRecordEvent(activeOrLatest, replicas, d);
            return;
        }
        if (isSaturated(d, newRS)) {
            for (ReplicaSet old : filterActive(oldRSs)) {
                scaleReplicaSetAndRecordEvent(old, 0, d);
            }
            return;
        }
        if (!DeploymentDefaults.isRollingUpdate(d)) {
            return;
        }
        List<ReplicaSet> all = new ArrayList<>(oldRSs);
        all.add(newRS);
        List<ReplicaSet> allRSs = filterActive(all);
        int allRSsReplicas = specSum(allRSs);
        int allowedSize = replicas > 0 ? replicas + Fenceposts.maxSurge(d) : 0;
        int toAdd = allowedSize - allRSsReplicas;
        String scalingOperation = "";
        Comparator<ReplicaSet> bySize = Comparator.comparingInt(DeploymentController::spec).reversed();
        if (toAdd > 0) {
            allRSs.sort(bySize.thenComparing(Meta.BY_CREATION.reversed()));
            scalingOperation = "up";
        } else if (toAdd < 0) {
            allRSs.sort(bySize.thenComparing(Meta.BY_CREATION));
            scalingOperation = "down";
        }
        int added = 0;
        Map<String, Integer> nameToSize = new HashMap<>();
        for (ReplicaSet rs : allRSs) {
            if (toAdd != 0) {
                int proportion = getProportion(rs, d, toAdd, added);
                nameToSize.put(Meta.name(rs), spec(rs) + proportion);
                added += proportion;
            } else {
                nameToSize.put(Meta.name(rs), spec(rs));
            }
        }
        if (toAdd != 0) {
            String first = Meta.name(allRSs.get(0));
            int leftover = toAdd - added;
            nameToSize.put(first, Math.max(0, nameToSize.get(first) + leftover));
        }
        for (ReplicaSet rs : allRSs) {
            scaleReplicaSet(rs, nameToSize.get(Meta.name(rs)), d, scalingOperation);
        }
    }

    private static int getProportion(ReplicaSet rs, Deployment d, int toAdd, int added) {
        if (rs == null || spec(rs) == 0 || toAdd == 0 || toAdd == added) {
            return 0;
        }
        int fraction = getReplicaSetFraction(rs, d);
        int allowed = toAdd - added;
        return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }

    private static int getReplicaSetFraction(ReplicaSet rs, Deployment d) {
        int replicas = DeploymentDefaults.replicas(d);
        if (replicas == 0) {
            return -spec(rs);
        }
        int deploymentMaxReplicas = replicas + Fenceposts.maxSurge(d);
        Integer before = intAnnotation(rs, MAX_REPLICAS);
        int beforeScale;
        if (before == null || before == 0) {
            beforeScale = Meta.orZero(status(d).getReplicas());
            if (beforeScale == 0) {
                return 0;
            }
        } else {
            beforeScale = before;
        }
        double newRSsize = (double) spec(rs) * deploymentMaxReplicas / beforeScale;
        return roundToInt32(newRSsize) - spec(rs);
    }

    /** {@code integer.RoundToInt32}: round half away from zero. */
    static int roundToInt32(double value) {
        return (int) (value < 0 ? -Math.floor(-value + 0.5) : Math.floor(value + 0.5));
    }

    /** {@code FindActiveOrLatest}. */
    private static ReplicaSet findActiveOrLatest(ReplicaSet newRS, List<ReplicaSet> oldRSs) {
        if (newRS == null && oldRSs.isEmpty()) {
            return null;
        }
        List<ReplicaSet> sortedOld = new ArrayList<>(oldRSs);
        sortedOld.sort(Meta.BY_CREATION.reversed());
        List<ReplicaSet> all = new ArrayList<>(sortedOld);
        all.add(newRS);
        List<ReplicaSet> active = filterActive(all);
        if (active.isEmpty()) {
            return newRS != null ? newRS : sortedOld.get(0);
        }
        return active.size() == 1 ? active.get(0) : null;
    }

    private static boolean isSaturated(Deployment d, ReplicaSet rs) {
        if (rs == null) {
            return false;
        }
        Integer desired = intAnnotation(rs, DESIRED_REPLICAS);
        int replicas = DeploymentDefaults.replicas(d);
        return desired != null && spec(rs) == replicas && desired == replicas && available(rs) == replicas;
    }

    private boolean scaleReplicaSetAndRecordEvent(ReplicaSet rs, int newScale, Deployment d) {
        if (spec(rs) == newScale) {
            return false;
        }
        return scaleReplicaSet(rs, newScale, d, spec(rs) < newScale ? "up" : "down") != null;
    }

    /** {@code scaleReplicaSet}: returns the stored RS if the size changed, else null. */
    private ReplicaSet scaleReplicaSet(ReplicaSet rs, int newScale, Deployment d, String scalingOperation) {
        int replicas = DeploymentDefaults.replicas(d);
        int max = replicas + Fenceposts.maxSurge(d);
        boolean sizeNeedsUpdate = spec(rs) != newScale;
        boolean annotationsNeedUpdate = replicasAnnotationsNeedUpdate(rs, replicas, max);
        if (!sizeNeedsUpdate && !annotationsNeedUpdate) {
            return null;
        }
        int oldScale = spec(rs);
        ReplicaSet rsCopy = Meta.copy(rs);
        rsCopy.getSpec().setReplicas(newScale);
        setReplicasAnnotations(rsCopy, replicas, max);
        ReplicaSet updated = access.update(rsCopy);
        if (sizeNeedsUpdate) {
            events.event(d, EventRecorder.NORMAL, "ScalingReplicaSet", "Scaled " + scalingOperation
                + " replica set " + Meta.name(updated) + " to " + newScale + " from " + oldScale, COMPONENT);
            return updated;
        }
        return null;
    }

    /** {@code cleanupDeployment}: deletes old, empty ReplicaSets beyond revisionHistoryLimit. */
    private void cleanupDeployment(List<ReplicaSet> oldRSs, Deployment d) {
        Integer limit = DeploymentDefaults.revisionHistoryLimit(d);
        if (limit == Integer.MAX_VALUE) {
            return;
        }
        List<ReplicaSet> cleanable = new ArrayList<>();
        for (ReplicaSet rs : oldRSs) {
            if (rs != null && !Meta.isDeleting(rs)) {
                cleanable.add(rs);
            }
        }
        int diff = cleanable.size() - limit;
        if (diff <= 0) {
            return;
        }
        cleanable.sort(BY_REVISION);
        for (int i = 0; i < diff; i++) {
            ReplicaSet rs = cleanable.get(i);
            long observed = rs.getStatus() == null || rs.getStatus().getObservedGeneration() == null
                ? 0 : rs.getStatus().getObservedGeneration();
            long generation = rs.getMetadata().getGeneration() == null ? 0 : rs.getMetadata().getGeneration();
            if (statusReplicas(rs) != 0 || spec(rs) != 0 || generation > observed || Meta.isDeleting(rs)) {
                continue;
            }
            access.delete(ReplicaSet.class, Meta.namespace(rs), Meta.name(rs));
        }
    }

    /** {@code ReplicaSetsByRevision}: by revision, unparsable revisions and ties by creation timestamp. */
    private static final Comparator<ReplicaSet> BY_REVISION = (a, b) -> {
        Long ra = revision(a);
        Long rb = revision(b);
        if (ra == null || rb == null || ra.equals(rb)) {
            return Meta.BY_CREATION.compare(a, b);
        }
        return Long.compare(ra, rb);
    };

    /** {@code syncDeploymentStatus}: status and the Available condition only. */
    private void syncDeploymentStatus(List<ReplicaSet> allRSs, ReplicaSet newRS, Deployment d) {
        DeploymentStatus newStatus = calculateStatus(allRSs, newRS, d);
        if (statusEquals(status(d), newStatus)) {
            return;
        }
        d.setStatus(newStatus);
        access.updateStatus(d);
    }

    /** {@code calculateStatus}. */
    private DeploymentStatus calculateStatus(List<ReplicaSet> allRSs, ReplicaSet newRS, Deployment d) {
        int available = availableSum(allRSs);
        int total = specSum(allRSs);
        int unavailable = Math.max(0, total - available);
        DeploymentStatus status = new DeploymentStatus();
        status.setObservedGeneration(generation(d));
        status.setReplicas(Meta.omitZero(statusReplicasSum(allRSs)));
        status.setUpdatedReplicas(Meta.omitZero(newRS == null ? 0 : statusReplicas(newRS)));
        status.setReadyReplicas(Meta.omitZero(readySum(allRSs)));
        status.setAvailableReplicas(Meta.omitZero(available));
        status.setUnavailableReplicas(Meta.omitZero(unavailable));
        status.setCollisionCount(status(d).getCollisionCount());
        List<DeploymentCondition> conditions = new ArrayList<>();
        if (status(d).getConditions() != null) {
            for (DeploymentCondition c : status(d).getConditions()) {
                conditions.add(Meta.copy(c));
            }
        }
        status.setConditions(conditions);
        if (available >= DeploymentDefaults.replicas(d) - Fenceposts.maxUnavailable(d)) {
            setCondition(status, newCondition(AVAILABLE, "True", "MinimumReplicasAvailable",
                "Deployment has minimum availability."));
        } else {
            setCondition(status, newCondition(AVAILABLE, "False", "MinimumReplicasUnavailable",
                "Deployment does not have minimum availability."));
        }
        return status;
    }

    // ---------------------------------------------------------------- progress.go

    /** {@code syncRolloutStatus}. */
    private void syncRolloutStatus(List<ReplicaSet> allRSs, ReplicaSet newRS, Deployment d) {
        DeploymentStatus newStatus = calculateStatus(allRSs, newRS, d);
        if (!DeploymentDefaults.hasProgressDeadline(d)) {
            removeCondition(newStatus, PROGRESSING);
        }
        DeploymentCondition currentCond = condition(status(d), PROGRESSING);
        boolean isCompleteDeployment = Meta.orZero(newStatus.getReplicas()) == Meta.orZero(newStatus.getUpdatedReplicas())
            && currentCond != null && NEW_RS_AVAILABLE_REASON.equals(currentCond.getReason());
        if (DeploymentDefaults.hasProgressDeadline(d) && !isCompleteDeployment) {
            String subject = newRS != null ? "ReplicaSet " + quote(Meta.name(newRS)) : "Deployment " + quote(Meta.name(d));
            if (deploymentComplete(d, newStatus)) {
                setCondition(newStatus, newCondition(PROGRESSING, "True", NEW_RS_AVAILABLE_REASON,
                    subject + " has successfully progressed."));
            } else if (deploymentProgressing(d, newStatus)) {
                DeploymentCondition condition = newCondition(PROGRESSING, "True", RS_UPDATED_REASON,
                    subject + " is progressing.");
                if (currentCond != null) {
                    if ("True".equals(currentCond.getStatus())) {
                        condition.setLastTransitionTime(currentCond.getLastTransitionTime());
                    }
                    removeCondition(newStatus, PROGRESSING);
                }
                setCondition(newStatus, condition);
            } else if (deploymentTimedOut(d, newStatus)) {
                setCondition(newStatus, newCondition(PROGRESSING, "False", TIMED_OUT_REASON,
                    subject + " has timed out progressing."));
            }
        }
        List<DeploymentCondition> failures = getReplicaFailures(allRSs, newRS);
        if (!failures.isEmpty()) {
            setCondition(newStatus, failures.get(0));
        } else {
            removeCondition(newStatus, REPLICA_FAILURE);
        }
        if (statusEquals(status(d), newStatus)) {
            requeueStuckDeployment(d, newStatus);
            return;
        }
        d.setStatus(newStatus);
        access.updateStatus(d);
    }

    private static List<DeploymentCondition> getReplicaFailures(List<ReplicaSet> allRSs, ReplicaSet newRS) {
        List<DeploymentCondition> conditions = new ArrayList<>();
        if (newRS != null) {
            addReplicaFailures(newRS, conditions);
        }
        if (!conditions.isEmpty()) {
            return conditions;
        }
        for (ReplicaSet rs : allRSs) {
            if (rs != null) {
                addReplicaFailures(rs, conditions);
            }
        }
        return conditions;
    }

    private static void addReplicaFailures(ReplicaSet rs, List<DeploymentCondition> into) {
        if (rs.getStatus() == null || rs.getStatus().getConditions() == null) {
            return;
        }
        for (ReplicaSetCondition c : rs.getStatus().getConditions()) {
            if (REPLICA_FAILURE.equals(c.getType())) {
                into.add(new DeploymentCondition(c.getLastTransitionTime(), c.getLastTransitionTime(),
                    c.getMessage(), c.getReason(), c.getStatus(), REPLICA_FAILURE));
            }
        }
    }

    /** {@code DeploymentComplete}. */
    static boolean deploymentComplete(Deployment d, DeploymentStatus s) {
        int replicas = DeploymentDefaults.replicas(d);
        long observed = s.getObservedGeneration() == null ? 0 : s.getObservedGeneration();
        return Meta.orZero(s.getUpdatedReplicas()) == replicas
            && Meta.orZero(s.getReplicas()) == replicas
            && Meta.orZero(s.getAvailableReplicas()) == replicas
            && observed >= generation(d);
    }

    /** {@code DeploymentProgressing}: compared against the persisted status. */
    private static boolean deploymentProgressing(Deployment d, DeploymentStatus newStatus) {
        DeploymentStatus old = status(d);
        int oldOld = Meta.orZero(old.getReplicas()) - Meta.orZero(old.getUpdatedReplicas());
        int newOld = Meta.orZero(newStatus.getReplicas()) - Meta.orZero(newStatus.getUpdatedReplicas());
        return Meta.orZero(newStatus.getUpdatedReplicas()) > Meta.orZero(old.getUpdatedReplicas())
            || newOld < oldOld
            || Meta.orZero(newStatus.getReadyReplicas()) > Meta.orZero(old.getReadyReplicas())
            || Meta.orZero(newStatus.getAvailableReplicas()) > Meta.orZero(old.getAvailableReplicas());
    }

    /** {@code DeploymentTimedOut}: strictly after lastUpdateTime + progressDeadlineSeconds. */
    private boolean deploymentTimedOut(Deployment d, DeploymentStatus newStatus) {
        if (!DeploymentDefaults.hasProgressDeadline(d)) {
            return false;
        }
        DeploymentCondition condition = condition(newStatus, PROGRESSING);
        if (condition == null || NEW_RS_AVAILABLE_REASON.equals(condition.getReason())) {
            return false;
        }
        if (TIMED_OUT_REASON.equals(condition.getReason())) {
            return true;
        }
        Instant from = Meta.parseTime(condition.getLastUpdateTime());
        return from.plusSeconds(DeploymentDefaults.progressDeadlineSeconds(d)).isBefore(access.now());
    }

    /** {@code requeueStuckDeployment}: wake up one second after the deadline would pass. */
    private void requeueStuckDeployment(Deployment d, DeploymentStatus newStatus) {
        DeploymentCondition currentCond = condition(status(d), PROGRESSING);
        if (!DeploymentDefaults.hasProgressDeadline(d) || currentCond == null) {
            return;
        }
        if (deploymentComplete(d, newStatus) || TIMED_OUT_REASON.equals(currentCond.getReason())) {
            return;
        }
        Duration after = Duration.between(access.now(), Meta.parseTime(currentCond.getLastUpdateTime())
            .plusSeconds(DeploymentDefaults.progressDeadlineSeconds(d)));
        if (after.compareTo(Duration.ofSeconds(1)) < 0) {
            queue.addAfter(Meta.key(d), Duration.ofMillis(5));
            return;
        }
        queue.addAfter(Meta.key(d), after.plusSeconds(1));
    }

    /** {@code checkPausedConditions}. */
    private void checkPausedConditions(Deployment d) {
        if (!DeploymentDefaults.hasProgressDeadline(d)) {
            return;
        }
        DeploymentCondition cond = condition(status(d), PROGRESSING);
        if (cond != null && TIMED_OUT_REASON.equals(cond.getReason())) {
            return;
        }
        boolean pausedCondExists = cond != null && PAUSED_REASON.equals(cond.getReason());
        boolean paused = DeploymentDefaults.paused(d);
        if (paused && !pausedCondExists) {
            setCondition(status(d), newCondition(PROGRESSING, "Unknown", PAUSED_REASON, "Deployment is paused"));
        } else if (!paused && pausedCondExists) {
            setCondition(status(d), newCondition(PROGRESSING, "Unknown", RESUMED_REASON, "Deployment is resumed"));
        } else {
            return;
        }
        access.updateStatus(d);
    }

    // ---------------------------------------------------------------- rolling.go

    private void rolloutRolling(Deployment d, List<ReplicaSet> rsList) {
        NewAndOld all = getAllReplicaSetsAndSyncRevision(d, rsList, true);
        List<ReplicaSet> allRSs = all.all();
        if (reconcileNewReplicaSet(allRSs, all.newRS, d)) {
            syncRolloutStatus(allRSs, all.newRS, d);
            return;
        }
        if (reconcileOldReplicaSets(allRSs, filterActive(all.oldRSs), all.newRS, d)) {
            syncRolloutStatus(allRSs, all.newRS, d);
            return;
        }
        if (deploymentComplete(d, status(d))) {
            cleanupDeployment(all.oldRSs, d);
        }
        syncRolloutStatus(allRSs, all.newRS, d);
    }

    private boolean reconcileNewReplicaSet(List<ReplicaSet> allRSs, ReplicaSet newRS, Deployment d) {
        int replicas = DeploymentDefaults.replicas(d);
        if (spec(newRS) == replicas) {
            return false;
        }
        if (spec(newRS) > replicas) {
            return scaleReplicaSetAndRecordEvent(newRS, replicas, d);
        }
        return scaleReplicaSetAndRecordEvent(newRS, newRSNewReplicas(d, allRSs, newRS), d);
    }

    /** {@code NewRSNewReplicas}. */
    static int newRSNewReplicas(Deployment d, List<ReplicaSet> allRSs, ReplicaSet newRS) {
        int replicas = DeploymentDefaults.replicas(d);
        if (!DeploymentDefaults.isRollingUpdate(d)) {
            return replicas;
        }
        int currentPodCount = specSum(allRSs);
        int maxTotalPods = replicas + Fenceposts.rawSurge(d);
        if (currentPodCount >= maxTotalPods) {
            return spec(newRS);
        }
        int scaleUpCount = Math.min(maxTotalPods - currentPodCount, replicas - spec(newRS));
        return spec(newRS) + scaleUpCount;
    }

    private boolean reconcileOldReplicaSets(List<ReplicaSet> allRSs, List<ReplicaSet> oldRSs, ReplicaSet newRS,
                                            Deployment d) {
        if (specSum(oldRSs) == 0) {
            return false;
        }
        int allPodsCount = specSum(allRSs);
        int minAvailable = DeploymentDefaults.replicas(d) - Fenceposts.maxUnavailable(d);
        int newRSUnavailablePodCount = spec(newRS) - available(newRS);
        int maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount;
        if (maxScaledDown <= 0) {
            return false;
        }
        List<ReplicaSet> olds = new ArrayList<>(oldRSs);
        int cleanupCount;
        try {
            cleanupCount = cleanupUnhealthyReplicas(olds, d, maxScaledDown);
        } catch (ClusterAccessException e) {
            return false;
        }
        List<ReplicaSet> all = new ArrayList<>(olds);
        all.add(newRS);
        int scaledDownCount;
        try {
            scaledDownCount = scaleDownOldReplicaSetsForRollingUpdate(all, olds, d);
        } catch (ClusterAccessException e) {
            return false;
        }
        return cleanupCount + scaledDownCount > 0;
    }

    /** {@code cleanupUnhealthyReplicas}: replaces scaled entries of oldRSs by the stored objects. */
    private int cleanupUnhealthyReplicas(List<ReplicaSet> oldRSs, Deployment d, int maxCleanupCount) {
        oldRSs.sort(Meta.BY_CREATION);
        int totalScaledDown = 0;
        for (int i = 0; i < oldRSs.size(); i++) {
            ReplicaSet target = oldRSs.get(i);
            if (totalScaledDown >= maxCleanupCount) {
                break;
            }
            if (spec(target) == 0 || spec(target) == available(target)) {
                continue;
            }
            int scaledDownCount = Math.min(maxCleanupCount - totalScaledDown, spec(target) - available(target));
            int newReplicasCount = spec(target) - scaledDownCount;
            if (newReplicasCount > spec(target)) {
                throw new IllegalStateException("when cleaning up unhealthy replicas, got invalid request to scale down "
                    + Meta.key(target) + " " + spec(target) + " -> " + newReplicasCount);
            }
            ReplicaSet updated = spec(target) == newReplicasCount ? target
                : scaleAndReturn(target, newReplicasCount, d);
            totalScaledDown += scaledDownCount;
            oldRSs.set(i, updated);
        }
        return totalScaledDown;
    }

    private ReplicaSet scaleAndReturn(ReplicaSet rs, int newScale, Deployment d) {
        ReplicaSet updated = scaleReplicaSet(rs, newScale, d, spec(rs) < newScale ? "up" : "down");
        return updated == null ? rs : updated;
    }

    private int scaleDownOldReplicaSetsForRollingUpdate(List<ReplicaSet> allRSs, List<ReplicaSet> oldRSs, Deployment d) {
        int minAvailable = DeploymentDefaults.replicas(d) - Fenceposts.maxUnavailable(d);
        int availablePodCount = availableSum(allRSs);
        if (availablePodCount <= minAvailable) {
            return 0;
        }
        oldRSs.sort(Meta.BY_CREATION);
        int totalScaledDown = 0;
        int totalScaleDownCount = availablePodCount - minAvailable;
        for (ReplicaSet target : oldRSs) {
            if (totalScaledDown >= totalScaleDownCount) {
                break;
            }
            if (spec(target) == 0) {
                continue;
            }
            int scaleDownCount = Math.min(spec(target), totalScaleDownCount - totalScaledDown);
            scaleReplicaSetAndRecordEvent(target, spec(target) - scaleDownCount, d);
            totalScaledDown += scaleDownCount;
        }
        return totalScaledDown;
    }

    // ---------------------------------------------------------------- recreate.go

    private void rolloutRecreate(Deployment d, List<ReplicaSet> rsList, Map<String, List<Pod>> podMap) {
        NewAndOld all = getAllReplicaSetsAndSyncRevision(d, rsList, false);
        ReplicaSet newRS = all.newRS;
        List<ReplicaSet> oldRSs = all.oldRSs;
        List<ReplicaSet> allRSs = all.all();
        boolean scaledDown = false;
        for (ReplicaSet rs : filterActive(oldRSs)) {
            if (scaleReplicaSetAndRecordEvent(rs, 0, d)) {
                scaledDown = true;
            }
        }
        if (scaledDown) {
            syncRolloutStatus(allRSs, newRS, d);
            return;
        }
        if (oldPodsRunning(newRS, oldRSs, podMap)) {
            syncRolloutStatus(allRSs, newRS, d);
            return;
        }
        if (newRS == null) {
            NewAndOld created = getAllReplicaSetsAndSyncRevision(d, rsList, true);
            newRS = created.newRS;
            oldRSs = created.oldRSs;
            allRSs = created.all();
        }
        scaleReplicaSetAndRecordEvent(newRS, DeploymentDefaults.replicas(d), d);
        if (deploymentComplete(d, status(d))) {
            cleanupDeployment(oldRSs, d);
        }
        syncRolloutStatus(allRSs, newRS, d);
    }

    private static boolean oldPodsRunning(ReplicaSet newRS, List<ReplicaSet> oldRSs, Map<String, List<Pod>> podMap) {
        if (statusReplicasSum(oldRSs) > 0) {
            return true;
        }
        for (Map.Entry<String, List<Pod>> e : podMap.entrySet()) {
            if (newRS != null && Meta.uid(newRS).equals(e.getKey())) {
                continue;
            }
            for (Pod pod : e.getValue()) {
                String phase = Meta.phase(pod);
                if (!"Failed".equals(phase) && !"Succeeded".equals(phase)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- conditions and sums

    static DeploymentCondition condition(DeploymentStatus status, String type) {
        if (status.getConditions() == null) {
            return null;
        }
        for (DeploymentCondition c : status.getConditions()) {
            if (type.equals(c.getType())) {
                return c;
            }
        }
        return null;
    }

    private DeploymentCondition newCondition(String type, String status, String reason, String message) {
        String now = Meta.timestamp(access.now());
        return new DeploymentCondition(now, now, message, reason, status, type);
    }

    /** {@code SetDeploymentCondition}. */
    private static void setCondition(DeploymentStatus status, DeploymentCondition condition) {
        DeploymentCondition current = condition(status, condition.getType());
        if (current != null && Objects.equals(current.getStatus(), condition.getStatus())
            && Objects.equals(current.getReason(), condition.getReason())) {
            return;
        }
        if (current != null && Objects.equals(current.getStatus(), condition.getStatus())) {
            condition.setLastTransitionTime(current.getLastTransitionTime());
        }
        removeCondition(status, condition.getType());
        status.getConditions().add(condition);
    }

    private static void removeCondition(DeploymentStatus status, String type) {
        List<DeploymentCondition> kept = new ArrayList<>();
        if (status.getConditions() != null) {
            for (DeploymentCondition c : status.getConditions()) {
                if (!type.equals(c.getType())) {
                    kept.add(c);
                }
            }
        }
        status.setConditions(kept);
    }

    /** {@code reflect.DeepEqual} of two statuses, reading absent numbers as 0 as Go does. */
    private static boolean statusEquals(DeploymentStatus a, DeploymentStatus b) {
        return Objects.equals(normalized(a), normalized(b));
    }

    private static DeploymentStatus normalized(DeploymentStatus s) {
        DeploymentStatus n = Meta.copy(s);
        n.setObservedGeneration(n.getObservedGeneration() == null || n.getObservedGeneration() == 0
            ? null : n.getObservedGeneration());
        n.setReplicas(Meta.omitZero(Meta.orZero(n.getReplicas())));
        n.setUpdatedReplicas(Meta.omitZero(Meta.orZero(n.getUpdatedReplicas())));
        n.setReadyReplicas(Meta.omitZero(Meta.orZero(n.getReadyReplicas())));
        n.setAvailableReplicas(Meta.omitZero(Meta.orZero(n.getAvailableReplicas())));
        n.setUnavailableReplicas(Meta.omitZero(Meta.orZero(n.getUnavailableReplicas())));
        n.setTerminatingReplicas(null);
        if (n.getConditions() == null) {
            n.setConditions(new ArrayList<>());
        }
        return n;
    }

    static DeploymentStatus status(Deployment d) {
        if (d.getStatus() == null) {
            d.setStatus(new DeploymentStatus());
        }
        if (d.getStatus().getConditions() == null) {
            d.getStatus().setConditions(new ArrayList<>());
        }
        return d.getStatus();
    }

    private static long generation(Deployment d) {
        return d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
    }

    private static long observedGeneration(Deployment d) {
        return d.getStatus() == null || d.getStatus().getObservedGeneration() == null
            ? 0 : d.getStatus().getObservedGeneration();
    }

    static int spec(ReplicaSet rs) {
        return rs == null ? 0 : Meta.orZero(rs.getSpec().getReplicas());
    }

    static int available(ReplicaSet rs) {
        return rs == null || rs.getStatus() == null ? 0 : Meta.orZero(rs.getStatus().getAvailableReplicas());
    }

    static int statusReplicas(ReplicaSet rs) {
        return rs == null || rs.getStatus() == null ? 0 : Meta.orZero(rs.getStatus().getReplicas());
    }

    private static int ready(ReplicaSet rs) {
        return rs == null || rs.getStatus() == null ? 0 : Meta.orZero(rs.getStatus().getReadyReplicas());
    }

    static List<ReplicaSet> filterActive(List<ReplicaSet> rsList) {
        List<ReplicaSet> active = new ArrayList<>();
        for (ReplicaSet rs : rsList) {
            if (rs != null && spec(rs) > 0) {
                active.add(rs);
            }
        }
        return active;
    }

    private static int specSum(List<ReplicaSet> rsList) {
        return rsList.stream().filter(Objects::nonNull).mapToInt(DeploymentController::spec).sum();
    }

    private static int availableSum(List<ReplicaSet> rsList) {
        return rsList.stream().filter(Objects::nonNull).mapToInt(DeploymentController::available).sum();
    }

    private static int statusReplicasSum(List<ReplicaSet> rsList) {
        return rsList.stream().filter(Objects::nonNull).mapToInt(DeploymentController::statusReplicas).sum();
    }

    private static int readySum(List<ReplicaSet> rsList) {
        return rsList.stream().filter(Objects::nonNull).mapToInt(DeploymentController::ready).sum();
    }

    /** Go's {@code %q} for the plain names used here. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
