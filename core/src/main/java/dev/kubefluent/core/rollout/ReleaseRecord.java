package dev.kubefluent.core.rollout;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One revision of a release: what it applied, kept in the cluster as a Secret (as Helm keeps its releases), so that
 * it can be restored. The Secret is named {@code kubefluent.release.v1.<release>.v<revision>}, has type
 * {@code kubefluent.dev/release.v1}, the labels {@code owner=kubefluent}, {@code name}, {@code status} and
 * {@code version}, and its key {@code release} holds the gzipped JSON {@code List} of the applied manifests.
 *
 * <p>The status label follows Helm's lifecycle. A rollout writes its record, whole, as {@link #PENDING} once its
 * objects are applied and marks the previous revision {@link #SUPERSEDED}, both while its wait starts; when the wait
 * ends it changes only the label: {@link #DEPLOYED} on success, {@link #FAILED} on failure (the previous revision
 * then goes back to {@link #DEPLOYED}). A record still {@link #PENDING} belongs to a rollout in progress or to one
 * that ended without settling it (its process died during the wait, or the final label write failed): it is never
 * read as deployed (see {@link ReleaseStore#current(List)}).
 *
 * @param release   the release name
 * @param revision  the revision, from 1
 * @param status    {@link #PENDING}, {@link #DEPLOYED}, {@link #SUPERSEDED} or {@link #FAILED}
 * @param manifests the objects as applied (release marker included)
 */
record ReleaseRecord(String release, int revision, String status, List<HasMetadata> manifests) {

    static final String PENDING = "pending";
    static final String DEPLOYED = "deployed";
    static final String SUPERSEDED = "superseded";
    static final String FAILED = "failed";
    static final String TYPE = "kubefluent.dev/release.v1";
    static final String OWNER = "kubefluent";

    ReleaseRecord {
        Objects.requireNonNull(release, "release must not be null");
        Objects.requireNonNull(status, "status must not be null");
        manifests = List.copyOf(manifests);
    }

    static String secretName(String release, int revision) {
        return "kubefluent.release.v1." + release + ".v" + revision;
    }

    ReleaseRecord withStatus(String newStatus) {
        return new ReleaseRecord(release, revision, newStatus, manifests);
    }

    Secret toSecret(String namespace, KubernetesSerialization serialization) {
        KubernetesList list = new KubernetesListBuilder().withItems(manifests).build();
        byte[] json = serialization.asJson(list).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SecretBuilder()
                .withNewMetadata().withName(secretName(release, revision)).withNamespace(namespace)
                .withLabels(Map.of("owner", OWNER, "name", release, "status", status, "version", Integer.toString(revision)))
                .endMetadata()
                .withType(TYPE)
                .withData(Map.of("release", Base64.getEncoder().encodeToString(bytes.toByteArray())))
                .build();
    }

    static ReleaseRecord fromSecret(Secret secret, KubernetesSerialization serialization) {
        String name = secret.getMetadata() == null ? "?" : secret.getMetadata().getName();
        Map<String, String> labels = secret.getMetadata() == null ? null : secret.getMetadata().getLabels();
        String data = secret.getData() == null ? null : secret.getData().get("release");
        if (labels == null || data == null || !TYPE.equals(secret.getType())) {
            throw new RolloutException("Secret \"" + name + "\": is not a Kubefluent release record (type " + TYPE + ")");
        }
        int revision;
        try {
            revision = Integer.parseInt(labels.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            throw new RolloutException("Secret \"" + name + "\": metadata.labels.version must be a number but was: "
                    + labels.get("version"));
        }
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(data)))) {
            String json = new String(gz.readAllBytes(), StandardCharsets.UTF_8);
            KubernetesList list = serialization.unmarshal(json, KubernetesList.class);
            return new ReleaseRecord(labels.get("name"), revision, labels.getOrDefault("status", FAILED),
                    list.getItems() == null ? List.of() : list.getItems());
        } catch (IOException | IllegalArgumentException e) {
            throw new RolloutException("Secret \"" + name + "\": data.release is not a readable release record", e, List.of());
        }
    }

    /** @return the release, revision, status and object count; never the manifests, which may hold Secrets */
    @Override
    public String toString() {
        return "release " + release + " revision " + revision + " (" + status + ", " + manifests.size() + " objects)";
    }
}
