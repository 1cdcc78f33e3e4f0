package dev.kubefluent.core.rollout;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.internal.ApiErrors;
import dev.kubefluent.core.internal.Retrier;
import dev.kubefluent.core.validate.Validator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a {@link ManifestSet} to a cluster and reports, as {@code kubectl rollout status} and
 * {@code helm upgrade --atomic} would, whether it worked; plus kubectl's history, undo, pause, resume, restart and
 * scale for Deployments.
 *
 * <pre>{@code
 * RolloutEngine engine = RolloutEngine.create(client);
 * RolloutResult result = engine.rollout(set);             // apply + wait; rolls back on failure by default
 * engine.rollout(set, RolloutOptions.builder()
 *         .release("shop")
 *         .timeout(Duration.ofMinutes(5))
 *         .onFailure(FailurePolicy.LEAVE)
 *         .listener(RolloutListener.console())
 *         .build());
 * List<Revision> history = engine.history("shop", "web");
 * engine.undo("shop", "web");
 * }</pre>
 *
 * <h2>What a rollout does</h2>
 * <ol>
 * <li>Validates the set with {@link Validator#defaults()} and throws
 *     {@link dev.kubefluent.core.validate.ManifestValidationException} before any API call if it has errors.</li>
 * <li>Resolves the release (see {@link RolloutOptions.Builder#release(String)}) and marks each object's own metadata
 *     (never a pod template or a selector) with the label and annotation {@code kubefluent.dev/release}.</li>
 * <li>Applies every object in the set's order by server-side apply under the field manager {@code kubefluent}
 *     (configurable), creating missing namespaces when asked. It never forces a conflict with another field manager
 *     unless {@link RolloutOptions#forceConflicts()} is set: the rollout fails at once and names the other manager.
 *     Fields left by this engine's own imperative operations are taken over. When a Deployment, StatefulSet or
 *     ReplicaSet in the set omits {@code spec.replicas} (an HPA owns the count) but this engine's earlier apply set
 *     it, the field is first handed over as the Kubernetes documentation describes ("Server-Side Apply",
 *     "Transferring ownership"): a manifest with only the live {@code spec.replicas} is applied under the field
 *     manager {@code <manager>-handover-to-hpa}, so the API server keeps the live count instead of resetting it to 1
 *     when the real manifest drops the field; a conflict there means the HPA controller owns the field already.</li>
 * <li>Waits, with watches, until every Deployment, StatefulSet, DaemonSet, Pod and Job completes by kubectl's rules,
 *     fails (progress deadline, failed pod or Job, fail-fast on a new pod stuck in an unrecoverable-looking state), or
 *     the engine's own timeout runs out. A StatefulSet or DaemonSet with the {@code OnDelete} update strategy, for
 *     which kubectl has no rollout status, is waited for until its controller has observed the applied generation
 *     and then reported in {@link RolloutResult#warnings()}: the rollout succeeds without claiming its pods were
 *     replaced.</li>
 * <li>Records the revision as Helm does, a Secret per revision: once the objects are applied, while the wait starts,
 *     the revision's record (what it applied) is written with status {@code pending} and the previous revision's
 *     marked {@code superseded}; when the wait ends, one label patch sets the status to {@code deployed} (after
 *     prune, when asked) or {@code failed} (and the previous revision's back to {@code deployed}). A record left
 *     {@code pending} (the process died during the wait, or that last patch failed, which the result reports) is
 *     read as not deployed: never rolled back to. On failure, diagnoses the new pods and applies the
 *     {@link FailurePolicy}.</li>
 * </ol>
 * Transient API failures (5xx, 429, connection errors, optimistic-lock conflicts) are retried with the engine's
 * {@link BackoffPolicy} inside the time budget; 403, 422 and other permanent failures end the rollout with the API
 * server's message. All time is measured on the engine's {@link Clock}; server timestamps are never compared with it.
 *
 * @since 0.1.0
 */
public final class RolloutEngine {

    /** The default field manager. */
    public static final String DEFAULT_FIELD_MANAGER = "kubefluent";

    private static final Logger LOG = LoggerFactory.getLogger(RolloutEngine.class);

    /** Kinds that prune may delete (a fixed list; never a Namespace). */
    private static final List<Class<? extends HasMetadata>> PRUNABLE = List.of(Deployment.class, StatefulSet.class,
            DaemonSet.class, Job.class, CronJob.class, Service.class, ConfigMap.class, Secret.class, ServiceAccount.class,
            PersistentVolumeClaim.class, Ingress.class, NetworkPolicy.class, Role.class, RoleBinding.class,
            HorizontalPodAutoscaler.class, PodDisruptionBudget.class);

    private final KubernetesClient client;
    private final String fieldManager;
    private final Clock clock;
    private final Retrier retrier;
    private final BackoffPolicy backoff;
    private final KubernetesSerialization serialization;
    private final Applier applier;
    private final ReleaseStore store;
    private final DeploymentOperations deployments;
    /** The redactors of the rollouts in progress: the engine-wide retry log passes every API message through them. */
    private final Set<Redactor> activeRedactors = ConcurrentHashMap.newKeySet();

    private RolloutEngine(Builder b) {
        this.client = b.client;
        this.fieldManager = b.fieldManager;
        this.clock = b.clock;
        this.backoff = b.backoff;
        this.retrier = new Retrier(clock, backoff::delayBefore, backoff.maxRetries(), b.sleeper,
                (what, attempt, failure) -> LOG.debug("retrying {} after attempt {}: {}", what, attempt,
                        redactActive(ApiErrors.message(failure))));
        this.serialization = client.getKubernetesSerialization() != null ? client.getKubernetesSerialization()
                : new KubernetesSerialization();
        this.applier = new Applier(client, retrier, serialization, fieldManager);
        this.store = new ReleaseStore(client, retrier, serialization, fieldManager);
        this.deployments = new DeploymentOperations(client, retrier, clock, serialization, fieldManager);
    }

    /**
     * Creates an engine with the defaults: field manager {@code kubefluent}, the system UTC clock, and
     * {@link BackoffPolicy#defaults()}.
     *
     * @param client the client to talk through; must not be {@code null}
     * @return the engine
     */
    public static RolloutEngine create(KubernetesClient client) {
        return builder(client).build();
    }

    /**
     * Starts configuring an engine.
     *
     * @param client the client to talk through; must not be {@code null}
     * @return the builder
     */
    public static Builder builder(KubernetesClient client) {
        return new Builder(Objects.requireNonNull(client, "client must not be null"));
    }

    /**
     * Rolls the set out with {@link RolloutOptions#defaults()}: release from the set's single app, 5 minute timeout,
     * roll back on failure.
     *
     * @param set the manifests; must not be {@code null}
     * @return how the rollout ended
     * @throws dev.kubefluent.core.validate.ManifestValidationException if the set has validation errors (nothing is
     *                                                                  sent)
     * @throws IllegalArgumentException                                  if no release name is given and the set does
     *                                                                  not hold exactly one app
     */
    public RolloutResult rollout(ManifestSet set) {
        return rollout(set, RolloutOptions.defaults());
    }

    /**
     * Rolls the set out: validate, apply, wait, and on failure diagnose and apply the failure policy.
     *
     * @param set     the manifests; must not be {@code null}
     * @param options how; must not be {@code null}
     * @return how the rollout ended
     * @throws dev.kubefluent.core.validate.ManifestValidationException if the set has validation errors (nothing is
     *                                                                  sent)
     * @throws IllegalArgumentException                                  if no release name is given and the set does
     *                                                                  not hold exactly one app
     */
    public RolloutResult rollout(ManifestSet set, RolloutOptions options) {
        Objects.requireNonNull(set, "set must not be null");
        Objects.requireNonNull(options, "options must not be null");
        Validator.defaults().validate(set).throwIfErrors();
        String release = Releases.resolveName(set, options);
        Run run = new Run(set, options, release);
        try {
            return run.execute();
        } finally {
            if (run.redactor != null) {
                activeRedactors.remove(run.redactor);
            }
        }
    }

    /**
     * Computes what {@link #rollout(ManifestSet, RolloutOptions)} would do, reading the cluster and writing nothing.
     *
     * @param set the manifests; must not be {@code null}
     * @return the plan
     */
    public RolloutPlan plan(ManifestSet set) {
        return plan(set, RolloutOptions.defaults());
    }

    /**
     * Computes what {@link #rollout(ManifestSet, RolloutOptions)} would do with these options (release, prune,
     * namespace creation), reading the cluster and writing nothing.
     *
     * @param set     the manifests; must not be {@code null}
     * @param options the options the rollout would use; must not be {@code null}
     * @return the plan: creates, field-level changes (Secret values redacted), unchanged objects and prunes
     */
    public RolloutPlan plan(ManifestSet set, RolloutOptions options) {
        Objects.requireNonNull(set, "set must not be null");
        Objects.requireNonNull(options, "options must not be null");
        Validator.defaults().validate(set).throwIfErrors();
        String release = Releases.resolveName(set, options);
        Instant deadline = clock.instant().plus(options.timeout());
        String releaseNs = releaseNamespace(set, options);
        List<HasMetadata> prepared = prepare(set, release, releaseNs);
        ReleaseRecord previous;
        try {
            previous = ReleaseStore.current(store.list(releaseNs, release, deadline)).orElse(null);
        } catch (RuntimeException e) {
            throw Applier.failure(ResourceRef.of("Secret", releaseNs, "kubefluent.release.v1." + release), "read", e);
        }
        ManifestDiff differ = new ManifestDiff(serialization);
        List<PlannedChange> changes = new ArrayList<>();
        if (options.createNamespaces()) {
            for (String ns : namespacesToCreate(set, prepared)) {
                boolean exists = retrier.call("get namespace " + ns, deadline,
                        () -> client.namespaces().withName(ns).get()) != null;
                if (!exists) {
                    changes.add(new PlannedChange(ResourceRef.of("Namespace", null, ns), PlannedChange.Action.CREATE, List.of()));
                }
            }
        }
        for (HasMetadata desired : prepared) {
            ResourceRef ref = ResourceRef.of(desired);
            HasMetadata live;
            try {
                live = retrier.call("get " + ref, deadline, () -> client.resource(desired).get());
            } catch (RuntimeException e) {
                throw Applier.failure(ref, "read", e);
            }
            if (live == null) {
                changes.add(new PlannedChange(ref, PlannedChange.Action.CREATE, List.of()));
                continue;
            }
            HasMetadata before = previous == null ? null : find(previous.manifests(), ref);
            List<FieldChange> fields = differ.diff(desired, live, before);
            changes.add(new PlannedChange(ref, fields.isEmpty() ? PlannedChange.Action.UNCHANGED : PlannedChange.Action.CHANGE,
                    fields));
        }
        if (options.prune()) {
            for (HasMetadata victim : pruneCandidates(release, prepared, previous, deadline)) {
                changes.add(new PlannedChange(ResourceRef.of(victim), PlannedChange.Action.PRUNE, List.of()));
            }
        }
        return new RolloutPlan(release, changes);
    }

    /**
     * Lists a Deployment's revisions, oldest first, as {@code kubectl rollout history} does: one per ReplicaSet the
     * Deployment controls (found by controller reference), with its change cause.
     *
     * @param namespace the namespace; must not be {@code null}
     * @param name      the Deployment; must not be {@code null}
     * @return the revisions; empty when there is no rollout history
     * @throws RolloutException if the Deployment does not exist or the API fails
     */
    public List<Revision> history(String namespace, String name) {
        return deployments.history(req(namespace, "namespace"), req(name, "name"));
    }

    /**
     * Rolls a Deployment back to its previous revision, as {@code kubectl rollout undo} does.
     *
     * @param namespace the namespace; must not be {@code null}
     * @param name      the Deployment; must not be {@code null}
     * @return kubectl's output: {@code deployment.apps/web rolled back}, or {@code ... skipped rollback (...)}
     * @throws RolloutException with kubectl's message, e.g. {@code no rollout history found for deployment "web"}
     */
    public String undo(String namespace, String name) {
        return deployments.undo(req(namespace, "namespace"), req(name, "name"), 0);
    }

    /**
     * Rolls a Deployment back to the given revision, as {@code kubectl rollout undo --to-revision} does: the pod
     * template is taken from the ReplicaSet of that revision (found by controller reference), without its
     * {@code pod-template-hash} label.
     *
     * @param namespace the namespace; must not be {@code null}
     * @param name      the Deployment; must not be {@code null}
     * @param revision  the revision to restore; 0 means the previous one
     * @return kubectl's output
     * @throws RolloutException with kubectl's message, e.g. {@code unable to find specified revision 7 in history}
     */
    public String undo(String namespace, String name, long revision) {
        return deployments.undo(req(namespace, "namespace"), req(name, "name"), revision);
    }

    /**
     * Pauses a Deployment, as {@code kubectl rollout pause} does.
     *
     * @param namespace the namespace; must not be {@code null}
     * @param name      the Deployment; must not be {@code null}
     * @return {@code deployment.apps/web paused}
     * @throws RolloutException {@code deployment.apps/web is already paused}, or if it does not exist
     */
    public String pause(String namespace, String name) {
        return deployments.pause(req(namespace, "namespace"), req(name, "name"));
    }

    /**
     * Resumes a paused Deployment, as {@code kubectl rollout resume} does.
     *
     * @param namespace the namespace; must not be {@code null}
     * @param name      the Deployment; must not be {@code null}
     * @return {@code deployment.apps/web resumed}
     * @throws RolloutException {@code deployment.apps/web is not paused}, or if it does not exist
     */
    public String resume(String namespace, String name) {
        return deployments.resume(req(namespace, "namespace"), req(name, "name"));
    }

    /**
     * Restarts a Deployment's pods, as {@code kubectl rollout restart} does: stamps the pod template with
     * {@code kubectl.kubernetes.io/restartedAt} (RFC 3339, to the second, on the engine's clock), which makes a new
     * revision.
     *
     * @param namespace the namespace; must not be {@code null}
     * @param name      the Deployment; must not be {@code null}
     * @return {@code deployment.apps/web restarted}
     * @throws RolloutException if the Deployment is paused, was restarted within the same second, or does not exist
     */
    public String restart(String namespace, String name) {
        return deployments.restart(req(namespace, "namespace"), req(name, "name"));
    }

    /**
     * Scales a Deployment, as {@code kubectl scale} does.
     *
     * <p>How {@code spec.replicas} changes hands: the write is a JSON merge patch (an Update operation) under the
     * engine's field manager, which takes the field from whoever owned it (an earlier apply, or the HPA controller).
     * A later rollout whose Deployment sets {@code replicas} takes it back: the conflict with the engine's own
     * manager is forced. A later rollout whose Deployment omits {@code replicas} (an HPA owns the count) leaves the
     * scaled count in place, because an apply only releases fields that the same manager's earlier apply owned, so no
     * hand-over is needed; the HPA controller's next write of the count then takes the field over. Scaling an
     * autoscaled Deployment therefore lasts only until the HPA's next sync, as with {@code kubectl scale}.
     *
     * @param namespace the namespace; must not be {@code null}
     * @param name      the Deployment; must not be {@code null}
     * @param replicas  the number of replicas, zero or more
     * @return {@code deployment.apps/web scaled}
     * @throws IllegalArgumentException if {@code replicas} is negative
     * @throws RolloutException         if the Deployment does not exist or the API fails
     */
    public String scale(String namespace, String name, int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative but was: " + replicas);
        }
        return deployments.scale(req(namespace, "namespace"), req(name, "name"), replicas);
    }

    /** @return the field manager this engine applies with */
    public String fieldManager() {
        return fieldManager;
    }

    private static String req(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank but was: " + (value == null ? "null" : "\"" + value + "\""));
        }
        return value;
    }

    private String defaultNamespace() {
        String ns = client.getNamespace();
        return ns == null || ns.isBlank() ? "default" : ns;
    }

    private String releaseNamespace(ManifestSet set, RolloutOptions options) {
        if (options.releaseNamespace().isPresent()) {
            return options.releaseNamespace().get();
        }
        for (HasMetadata r : set.resources()) {
            if (Applier.isNamespaced(r) && r.getMetadata() != null && r.getMetadata().getNamespace() != null) {
                return r.getMetadata().getNamespace();
            }
        }
        return defaultNamespace();
    }

    private List<HasMetadata> prepare(ManifestSet set, String release, String releaseNs) {
        String ns = defaultNamespace();
        return set.resources().stream().map(r -> applier.prepare(r, release, releaseNs, ns)).toList();
    }

    private static Set<String> namespacesToCreate(ManifestSet set, List<HasMetadata> prepared) {
        Set<String> declared = set.resources().stream().filter(r -> "Namespace".equals(r.getKind()))
                .map(r -> r.getMetadata().getName()).collect(Collectors.toSet());
        Set<String> out = new LinkedHashSet<>();
        for (HasMetadata p : prepared) {
            String ns = p.getMetadata().getNamespace();
            if (ns != null && Applier.isNamespaced(p) && !declared.contains(ns)) {
                out.add(ns);
            }
        }
        return out;
    }

    private static HasMetadata find(List<HasMetadata> objects, ResourceRef ref) {
        for (HasMetadata o : objects) {
            if (ResourceRef.of(o).equals(ref)) {
                return o;
            }
        }
        return null;
    }

    /** Objects carrying this release's marker, of a prunable kind, that are not in the set. */
    private List<HasMetadata> pruneCandidates(String release, List<HasMetadata> prepared, ReleaseRecord previous,
                                              Instant deadline) {
        Set<ResourceRef> keep = prepared.stream().map(ResourceRef::of).collect(Collectors.toSet());
        Set<String> namespaces = new LinkedHashSet<>();
        prepared.stream().filter(Applier::isNamespaced).forEach(p -> namespaces.add(p.getMetadata().getNamespace()));
        if (previous != null) {
            previous.manifests().stream().filter(Applier::isNamespaced).map(p -> p.getMetadata().getNamespace())
                    .filter(Objects::nonNull).forEach(namespaces::add);
        }
        List<HasMetadata> out = new ArrayList<>();
        for (String ns : namespaces) {
            for (Class<? extends HasMetadata> type : PRUNABLE) {
                List<? extends HasMetadata> items = retrier.call("list " + type.getSimpleName() + " of release " + release,
                        deadline, () -> client.resources(type).inNamespace(ns).withLabel(Releases.RELEASE_KEY, release)
                                .list().getItems());
                for (HasMetadata item : items) {
                    if (Releases.isMarked(item, release) && !keep.contains(ResourceRef.of(item))) {
                        out.add(item);
                    }
                }
            }
        }
        return out;
    }

    /** Passes a message through the redactor of every rollout in progress, for the engine-wide retry log. */
    private String redactActive(String message) {
        String out = message;
        for (Redactor r : activeRedactors) {
            out = r.apply(out);
        }
        return out;
    }

    /** One rollout, from apply to result. */
    private final class Run {
        private final ManifestSet set;
        private final RolloutOptions options;
        private final String release;
        private final RolloutListener listener;
        private final List<AppliedResource> applied = new ArrayList<>();
        private final List<ResourceRef> pruned = new ArrayList<>();
        private Redactor redactor;

        Run(ManifestSet set, RolloutOptions options, String release) {
            this.set = set;
            this.options = options;
            this.release = release;
            this.listener = options.listener();
        }

        RolloutResult execute() {
            Instant deadline = clock.instant().plus(options.timeout());
            String releaseNs = releaseNamespace(set, options);
            List<HasMetadata> prepared = prepare(set, release, releaseNs);
            List<ReleaseRecord> records;
            try {
                records = store.list(releaseNs, release, deadline);
            } catch (RuntimeException e) {
                return finish(RolloutStatus.FAILED, "cannot read the records of release " + release + " in namespace \""
                        + releaseNs + "\": " + ApiErrors.message(e), 0, List.of());
            }
            Optional<ReleaseRecord> previous = ReleaseStore.current(records);
            List<HasMetadata> secrets = new ArrayList<>(prepared);
            previous.ifPresent(p -> secrets.addAll(p.manifests()));
            redactor = Redactor.of(secrets);
            activeRedactors.add(redactor);
            int revision = records.isEmpty() ? 1 : records.get(records.size() - 1).revision() + 1;

            try {
                if (options.createNamespaces()) {
                    for (String ns : namespacesToCreate(set, prepared)) {
                        if (applier.ensureNamespace(ns, deadline)) {
                            record(new AppliedResource(ResourceRef.of("Namespace", null, ns), ApplyOutcome.CREATED));
                        }
                    }
                }
                for (HasMetadata p : prepared) {
                    record(applier.apply(p, options.forceConflicts(), deadline));
                }
            } catch (RolloutException e) {
                return failed(RolloutStatus.FAILED, e.getMessage(), List.of(), releaseNs, previous, revision, prepared,
                        null);
            }

            // Helm's order (pending, then deployed): the revision's record, whole, and the superseded mark on the
            // previous one are written while the wait starts, so that when the workloads complete only one label
            // patch stands between that and rollout() returning
            ReleaseStore.Pending pending = store.begin(releaseNs,
                    new ReleaseRecord(release, revision, ReleaseRecord.PENDING, prepared), previous, deadline);
            Waiter waiter = new Waiter(client, retrier, clock, options, redactor, backoff);
            Waiter.Outcome outcome = waiter.await(prepared, deadline);
            if (outcome.end() != Waiter.End.DONE) {
                waiter.close();
                RolloutStatus status = outcome.end() == Waiter.End.TIMED_OUT ? RolloutStatus.TIMED_OUT : RolloutStatus.FAILED;
                return failed(status, outcome.message(), outcome.problems(), releaseNs, previous, revision, prepared,
                        pending);
            }
            try {
                return succeeded(outcome, pending, previous, revision, prepared, deadline);
            } finally {
                // after the record patch, so that closing the watches does not compete with it
                waiter.close();
            }
        }

        private RolloutResult succeeded(Waiter.Outcome outcome, ReleaseStore.Pending pending,
                                        Optional<ReleaseRecord> previous, int revision, List<HasMetadata> prepared,
                                        Instant deadline) {
            List<String> warnings = new ArrayList<>(outcome.warnings());
            List<String> lines = new ArrayList<>();
            if (!outcome.message().isEmpty()) {
                lines.add(outcome.message());
            }
            if (options.prune()) {
                try {
                    for (HasMetadata victim : pruneCandidates(release, prepared, previous.orElse(null), deadline)) {
                        if (applier.deleteIfMarked(victim, release, deadline)) {
                            pruned.add(ResourceRef.of(victim));
                        }
                    }
                } catch (RuntimeException e) {
                    warnings.add("the workloads completed but prune failed: " + ApiErrors.message(e));
                }
            }
            for (String problem : pending.deployed(deadline)) {
                warnings.add("the workloads completed but " + problem);
            }
            warnings.subList(outcome.warnings().size(), warnings.size()).forEach(w -> lines.add("warning: " + w));
            if (!pruned.isEmpty()) {
                lines.add("pruned: " + pruned.stream().map(ResourceRef::toString).collect(Collectors.joining(", ")));
            }
            return finish(RolloutStatus.SUCCEEDED, lines.isEmpty() ? "release " + release + " revision " + revision
                    + " applied; nothing to wait for" : String.join("\n", lines), revision, List.of(), warnings);
        }

        private void record(AppliedResource a) {
            applied.add(a);
            listener.applied(a);
        }

        /**
         * Records the failed revision and applies the failure policy.
         *
         * @param pending the records begun before the wait, or {@code null} when the apply failed
         */
        private RolloutResult failed(RolloutStatus status, String reason, List<PodProblem> problems, String releaseNs,
                                     Optional<ReleaseRecord> previous, int revision, List<HasMetadata> prepared,
                                     ReleaseStore.Pending pending) {
            int recorded = 0;
            if (pending != null) {
                for (String problem : pending.failed(clock.instant().plus(options.rollbackTimeout()))) {
                    LOG.warn("release {}: {}", release, redactor.apply(problem));
                }
                recorded = pending.recorded() ? revision : 0;
            } else if (!applied.isEmpty()) {
                try {
                    store.write(releaseNs, new ReleaseRecord(release, revision, ReleaseRecord.FAILED, prepared),
                            clock.instant().plus(options.rollbackTimeout()));
                    recorded = revision;
                } catch (RuntimeException e) {
                    LOG.warn("release {}: could not record failed revision {}: {}", release, revision,
                            redactor.apply(ApiErrors.message(e)));
                }
            }
            if (applied.isEmpty() || options.onFailure() == FailurePolicy.LEAVE) {
                return finish(status, reason, recorded, problems);
            }
            if (previous.isEmpty()) {
                return finish(status, reason + "\nnothing to roll back to: revision " + revision
                        + " is the first revision of release " + release, recorded, problems);
            }
            return rollback(reason, problems, previous.get(), recorded, prepared);
        }

        private RolloutResult rollback(String reason, List<PodProblem> problems, ReleaseRecord previous, int recorded,
                                       List<HasMetadata> failedObjects) {
            listener.rollingBack(redactor.apply(reason), previous.revision());
            Instant deadline = clock.instant().plus(options.rollbackTimeout());
            String prefix = reason + "\nrolled back release " + release + " to revision " + previous.revision();
            try {
                for (HasMetadata m : previous.manifests()) {
                    applier.apply(m, options.forceConflicts(), deadline);
                }
                Set<ResourceRef> keep = previous.manifests().stream().map(ResourceRef::of).collect(Collectors.toSet());
                Map<ResourceRef, HasMetadata> byRef = failedObjects.stream()
                        .collect(Collectors.toMap(ResourceRef::of, Function.identity(), (a, b) -> a));
                for (AppliedResource a : applied) {
                    HasMetadata object = byRef.get(a.resource());
                    if (a.outcome() == ApplyOutcome.CREATED && object != null && !keep.contains(a.resource())) {
                        applier.deleteIfMarked(object, release, deadline);
                    }
                }
            } catch (RuntimeException e) {
                return finish(RolloutStatus.ROLLBACK_FAILED, reason + "\nrollback of release " + release + " to revision "
                        + previous.revision() + " failed: " + e.getMessage(), recorded, problems);
            }
            Waiter.Outcome outcome;
            try (Waiter waiter = new Waiter(client, retrier, clock, options, redactor, backoff)) {
                outcome = waiter.budget(options.rollbackTimeout()).await(previous.manifests(), deadline);
            }
            if (outcome.end() != Waiter.End.DONE) {
                return finish(RolloutStatus.ROLLBACK_FAILED, reason + "\nrollback of release " + release + " to revision "
                        + previous.revision() + " failed: " + outcome.message(), recorded, problems);
            }
            listener.rolledBack(previous.revision());
            return finish(RolloutStatus.ROLLED_BACK, prefix, recorded, problems);
        }

        private RolloutResult finish(RolloutStatus status, String message, int revision, List<PodProblem> problems) {
            return finish(status, message, revision, problems, List.of());
        }

        private RolloutResult finish(RolloutStatus status, String message, int revision, List<PodProblem> problems,
                                     List<String> warnings) {
            Redactor r = redactor == null ? Redactor.of(set.resources()) : redactor;
            RolloutResult result = new RolloutResult(status, r.apply(message), release, revision, applied, pruned,
                    problems.stream().map(r::apply).toList(), warnings.stream().map(r::apply).toList());
            listener.completed(result);
            return result;
        }
    }

    /**
     * Configures a {@link RolloutEngine}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final KubernetesClient client;
        private String fieldManager = DEFAULT_FIELD_MANAGER;
        private Clock clock = Clock.systemUTC();
        private BackoffPolicy backoff = BackoffPolicy.defaults();
        private Retrier.Sleeper sleeper = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

        private Builder(KubernetesClient client) {
            this.client = client;
        }

        /**
         * Sets the server-side apply field manager.
         *
         * @param fieldManager a non-blank name; must not be {@code null}
         * @return this builder for method chaining
         */
        public Builder fieldManager(String fieldManager) {
            this.fieldManager = req(fieldManager, "fieldManager");
            return this;
        }

        /**
         * Sets the clock that timeouts, fail-fast grace periods and {@code restartedAt} stamps are measured on.
         *
         * @param clock the clock; must not be {@code null}
         * @return this builder for method chaining
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * Sets how transient API failures are retried.
         *
         * @param backoff the policy; must not be {@code null}
         * @return this builder for method chaining
         */
        public Builder backoff(BackoffPolicy backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff must not be null");
            return this;
        }

        Builder sleeper(Retrier.Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** @return the engine */
        public RolloutEngine build() {
            return new RolloutEngine(this);
        }
    }
}
