package dev.kubefluent.core.rollout;

import dev.kubefluent.core.internal.Retrier;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
     * Finds the revision the cluster runs: the latest one that was deployed, whether or not it is marked superseded
     * yet. A successful rollout writes its own record and marks the previous one superseded at the same time; if
     * its own write fails, the previous revision (perhaps already marked) is still the one in the cluster.
     *
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

    void write(String namespace, ReleaseRecord record, Instant deadline) {
        Secret secret = record.toSecret(namespace, serialization);
        retrier.run("write " + record, deadline, () -> client.secrets().inNamespace(namespace).resource(secret).create());
    }

    void setStatus(String namespace, ReleaseRecord record, String status, Instant deadline) {
        String patch = "{\"metadata\":{\"labels\":{\"status\":\"" + status + "\"}}}";
        PatchContext ctx = new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager(fieldManager).build();
        retrier.run("mark " + record + " " + status, deadline, () -> client.secrets().inNamespace(namespace)
                .withName(ReleaseRecord.secretName(record.release(), record.revision())).patch(ctx, patch));
    }
}
