package dev.kubefluent.core.rollout;

import dev.kubefluent.core.internal.ApiErrors;
import dev.kubefluent.core.internal.Retrier;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Reads and writes release records (one Secret per revision) in the release namespace. */
final class ReleaseStore {

    private final KubernetesClient client;
    private final Retrier retrier;
    private final KubernetesSerialization serialization;
    private final String fieldManager;

    ReleaseStore(KubernetesClient client, Retrier retrier, KubernetesSerialization serialization, String fieldManager) {
        this.client = client;
        this.retrier = retrier;
        this.serialization = serialization;
        this.fieldManager = fieldManager;
    }

    /** @return every record of the release, oldest revision first */
    List<ReleaseRecord> list(String namespace, String release, Instant deadline) {
        List<Secret> secrets = retrier.call("list release records of " + release, deadline, () -> client.secrets()
                .inNamespace(namespace).withLabel("owner", ReleaseRecord.OWNER).withLabel("name", release).list().getItems());
        List<ReleaseRecord> out = new ArrayList<>();
        for (Secret s : secrets) {
            if (ReleaseRecord.TYPE.equals(s.getType())) {
                out.add(ReleaseRecord.fromSecret(s, serialization));
            }
        }
        out.sort(Comparator.comparingInt(ReleaseRecord::revision));
        return out;
    }

    /**
     * Finds the revision the cluster runs, the one a failed rollout rolls back to: the latest one that was deployed,
     * whether or not it is marked superseded yet. A rollout marks the previous revision superseded while its own
     * record is still {@link ReleaseRecord#PENDING pending}, and if it fails, puts the previous one back to deployed;
     * so until a later revision is deployed, the previous one (perhaps already marked superseded) is still the one
     * in the cluster. A {@link ReleaseRecord#PENDING pending} record is never current: it belongs to a rollout in
     * progress, or to one that never settled it (its process died during the wait, or its last label write failed),
     * and is treated as not deployed; so is a {@link ReleaseRecord#FAILED failed} one.
     *
     * @param records the release's records, oldest revision first
     * @return the latest revision with status deployed or superseded
     */
    static Optional<ReleaseRecord> current(List<ReleaseRecord> records) {
        for (int i = records.size() - 1; i >= 0; i--) {
            String status = records.get(i).status();
            if (ReleaseRecord.DEPLOYED.equals(status) || ReleaseRecord.SUPERSEDED.equals(status)) {
                return Optional.of(records.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Starts the records of a revision before its wait, on helper threads: writes the revision's record (the gzipped
     * manifests) with status {@link ReleaseRecord#PENDING pending}, and marks the previous revision superseded.
     * Neither is needed for the wait, so both go out while it reads and watches the workloads; after the wait only
     * the status label of the record changes ({@link Pending#deployed(Instant)}, {@link Pending#failed(Instant)}).
     *
     * @param namespace the release namespace
     * @param record    the revision's record; its status is replaced by pending
     * @param previous  the revision the cluster ran before, if any
     * @param deadline  when to stop retrying
     * @return the records in flight
     */
    Pending begin(String namespace, ReleaseRecord record, Optional<ReleaseRecord> previous, Instant deadline) {
        ReleaseRecord pending = record.withStatus(ReleaseRecord.PENDING);
        CompletableFuture<Void> written = RolloutThreads.run(() -> write(namespace, pending, deadline));
        CompletableFuture<Void> superseded = previous.isEmpty() ? null : RolloutThreads.run(
                () -> setStatus(namespace, previous.get(), ReleaseRecord.SUPERSEDED, deadline));
        return new Pending(namespace, pending, previous.orElse(null), written, superseded);
    }

    void write(String namespace, ReleaseRecord record, Instant deadline) {
        Secret secret = record.toSecret(namespace, serialization);
        retrier.run("write " + record, deadline, () -> client.secrets().inNamespace(namespace).resource(secret).create());
    }

    /**
     * Writes a record, or, when its Secret exists already (an earlier create whose response was lost), sets the
     * existing one's status.
     */
    private void writeOrMark(String namespace, ReleaseRecord record, Instant deadline) {
        try {
            write(namespace, record, deadline);
        } catch (RuntimeException e) {
            if (ApiErrors.code(e) != 409) {
                throw e;
            }
            setStatus(namespace, record, record.status(), deadline);
        }
    }

    /**
     * Sets a record's status label: one JSON merge patch of the label. The patch goes to the Secret by name, with no
     * read before it (fabric8's {@code withName(..).patch(..)} would GET the object first).
     */
    void setStatus(String namespace, ReleaseRecord record, String status, Instant deadline) {
        String patch = "{\"metadata\":{\"labels\":{\"status\":\"" + status + "\"}}}";
        PatchContext ctx = new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager(fieldManager).build();
        Secret target = new SecretBuilder().withNewMetadata().withNamespace(namespace)
                .withName(ReleaseRecord.secretName(record.release(), record.revision())).endMetadata().build();
        retrier.run("mark " + record + " " + status, deadline,
                () -> client.secrets().inNamespace(namespace).resource(target).patch(ctx, patch));
    }

    private static RuntimeException failureOf(CompletableFuture<Void> future) {
        if (future == null) {
            return null;
        }
        try {
            future.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() instanceof RuntimeException r ? r : e;
        } catch (CancellationException e) {
            return e;
        }
    }

    /**
     * The records of a revision whose wait is under way: its own record, pending, and the mark of the previous
     * revision as superseded, each being written on a helper thread.
     */
    final class Pending {
        private final String namespace;
        private final ReleaseRecord record;
        private final ReleaseRecord previous;
        private final CompletableFuture<Void> written;
        private final CompletableFuture<Void> superseded;
        private boolean recorded;

        private Pending(String namespace, ReleaseRecord record, ReleaseRecord previous, CompletableFuture<Void> written,
                        CompletableFuture<Void> superseded) {
            this.namespace = namespace;
            this.record = record;
            this.previous = previous;
            this.written = written;
            this.superseded = superseded;
        }

        /**
         * Records the revision as deployed: one JSON merge patch of its status label, or, if the pending record
         * could not be written, the whole record as deployed; and marks the previous revision superseded again if
         * that failed before the wait. Returns only when the writes have ended.
         *
         * @param deadline when to stop retrying
         * @return what could not be recorded, one line each ({@code the record of release web revision 2 was not
         *         marked deployed: ...}); empty when everything was
         */
        List<String> deployed(Instant deadline) {
            List<String> problems = new ArrayList<>();
            RuntimeException failure = settle(ReleaseRecord.DEPLOYED, deadline);
            if (failure != null) {
                problems.add("the record of " + name(record) + " was not marked " + ReleaseRecord.DEPLOYED
                        + " (it stays " + ReleaseRecord.PENDING + ", which is read as not deployed): "
                        + ApiErrors.message(failure));
            }
            if (previous != null && failureOf(superseded) != null) {
                try {
                    setStatus(namespace, previous, ReleaseRecord.SUPERSEDED, deadline);
                } catch (RuntimeException e) {
                    problems.add("the record of " + name(previous) + " was not marked " + ReleaseRecord.SUPERSEDED
                            + ": " + ApiErrors.message(e));
                }
            }
            return problems;
        }

        /**
         * Records the revision as failed (a label patch, or the whole record if the pending one could not be
         * written) and, at the same time, puts the previous revision back to deployed: the cluster runs it again
         * after a rollback, and it stays the revision to roll back to.
         *
         * @param deadline when to stop retrying
         * @return what could not be recorded, one line each; empty when everything was
         */
        List<String> failed(Instant deadline) {
            CompletableFuture<Void> restored = previous == null ? null : RolloutThreads.run(() -> {
                failureOf(superseded);
                setStatus(namespace, previous, ReleaseRecord.DEPLOYED, deadline);
            });
            List<String> problems = new ArrayList<>();
            RuntimeException failure = settle(ReleaseRecord.FAILED, deadline);
            if (failure != null) {
                problems.add("the record of " + name(record) + " was not marked " + ReleaseRecord.FAILED + ": "
                        + ApiErrors.message(failure));
            }
            RuntimeException restore = failureOf(restored);
            if (restore != null) {
                problems.add("the record of " + name(previous) + " was not marked " + ReleaseRecord.DEPLOYED + " again: "
                        + ApiErrors.message(restore));
            }
            return problems;
        }

        /**
         * Tells whether the revision's record exists, whatever its status, once {@link #deployed(Instant)} or
         * {@link #failed(Instant)} has returned.
         *
         * @return {@code true} if it was written
         */
        boolean recorded() {
            return recorded;
        }

        /** Gives the revision's record its final status; returns the failure, or {@code null}. */
        private RuntimeException settle(String status, Instant deadline) {
            try {
                if (failureOf(written) == null) {
                    recorded = true;
                    setStatus(namespace, record, status, deadline);
                } else {
                    writeOrMark(namespace, record.withStatus(status), deadline);
                    recorded = true;
                }
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }

        private static String name(ReleaseRecord r) {
            return "release " + r.release() + " revision " + r.revision();
        }
    }
}
