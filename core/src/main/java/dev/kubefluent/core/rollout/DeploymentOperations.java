package dev.kubefluent.core.rollout;

import dev.kubefluent.core.internal.Retrier;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kubectl rollout history|undo|pause|resume|restart} and {@code kubectl scale} for Deployments, with
 * kubectl's semantics and messages. Writes are patches under the engine's field manager (Update operations), which
 * the next rollout takes over without a conflict (see {@link Applier}).
 */
final class DeploymentOperations {

    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
    private static final Set<String> ANNOTATIONS_TO_SKIP = Set.of(
            "kubectl.kubernetes.io/last-applied-configuration", DeploymentHistory.REVISION,
            "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
            "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to");
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final Duration CALL_BUDGET = Duration.ofMinutes(1);

    private final KubernetesClient client;
    private final Retrier retrier;
    private final Clock clock;
    private final KubernetesSerialization serialization;
    private final String fieldManager;

    DeploymentOperations(KubernetesClient client, Retrier retrier, Clock clock, KubernetesSerialization serialization,
                         String fieldManager) {
        this.client = client;
        this.retrier = retrier;
        this.clock = clock;
        this.serialization = serialization;
        this.fieldManager = fieldManager;
    }

    List<Revision> history(String namespace, String name) {
        Instant deadline = deadline();
        Deployment d = get(namespace, name, deadline);
        return DeploymentHistory.revisions(owned(d, deadline));
    }

    String undo(String namespace, String name, long toRevision) {
        Instant deadline = deadline();
        if (toRevision < 0) {
            throw new RolloutException(DeploymentHistory.revisionNotFound(toRevision));
        }
        Deployment d = get(namespace, name, deadline);
        ReplicaSet target = DeploymentHistory.select(d, owned(d, deadline), toRevision);
        if (d.getSpec() != null && Boolean.TRUE.equals(d.getSpec().getPaused())) {
            throw new RolloutException("you cannot rollback a paused deployment; resume it first with "
                    + "'kubectl rollout resume deployment/" + name + "' and try again");
        }
        PodTemplateSpec current = d.getSpec() == null ? null : d.getSpec().getTemplate();
        if (DeploymentHistory.equalIgnoreHash(DeploymentHistory.template(target), current)) {
            return display(name) + " skipped rollback (current template already matches revision " + toRevision + ")";
        }
        PodTemplateSpec restored = DeploymentHistory.stripHash(DeploymentHistory.template(target));
        Map<String, String> annotations = new LinkedHashMap<>();
        Map<String, String> own = d.getMetadata().getAnnotations() == null ? Map.of() : d.getMetadata().getAnnotations();
        for (String key : ANNOTATIONS_TO_SKIP) {
            if (own.containsKey(key)) {
                annotations.put(key, own.get(key));
            }
        }
        Map<String, String> fromRs = target.getMetadata().getAnnotations() == null ? Map.of()
                : target.getMetadata().getAnnotations();
        fromRs.forEach((k, v) -> {
            if (!ANNOTATIONS_TO_SKIP.contains(k)) {
                annotations.put(k, v);
            }
        });
        String patch = "[{\"op\":\"replace\",\"path\":\"/spec/template\",\"value\":" + serialization.asJson(restored) + "},"
                + "{\"op\":\"add\",\"path\":\"/metadata/annotations\",\"value\":" + serialization.asJson(annotations) + "}]";
        try {
            patch(namespace, name, PatchType.JSON, patch, deadline);
        } catch (RuntimeException e) {
            throw new RolloutException("failed restoring revision " + toRevision + ": "
                    + dev.kubefluent.core.internal.ApiErrors.message(e), e, List.of());
        }
        return display(name) + " rolled back";
    }

    String pause(String namespace, String name) {
        Instant deadline = deadline();
        Deployment d = get(namespace, name, deadline);
        if (d.getSpec() != null && Boolean.TRUE.equals(d.getSpec().getPaused())) {
            throw new RolloutException(display(name) + " is already paused");
        }
        patch(namespace, name, PatchType.JSON_MERGE, "{\"spec\":{\"paused\":true}}", deadline);
        return display(name) + " paused";
    }

    String resume(String namespace, String name) {
        Instant deadline = deadline();
        Deployment d = get(namespace, name, deadline);
        if (d.getSpec() == null || !Boolean.TRUE.equals(d.getSpec().getPaused())) {
            throw new RolloutException(display(name) + " is not paused");
        }
        patch(namespace, name, PatchType.JSON_MERGE, "{\"spec\":{\"paused\":null}}", deadline);
        return display(name) + " resumed";
    }

    String restart(String namespace, String name) {
        Instant deadline = deadline();
        Deployment d = get(namespace, name, deadline);
        if (d.getSpec() != null && Boolean.TRUE.equals(d.getSpec().getPaused())) {
            throw new RolloutException("can't restart paused deployment (run rollout resume first)");
        }
        String now = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(RFC3339);
        var template = d.getSpec() == null ? null : d.getSpec().getTemplate();
        Map<String, String> current = template == null || template.getMetadata() == null
                || template.getMetadata().getAnnotations() == null ? Map.of() : template.getMetadata().getAnnotations();
        if (now.equals(current.get(RESTARTED_AT))) {
            throw new RolloutException("failed to create patch for " + name + ": if restart has already been triggered "
                    + "within the past second, please wait before attempting to trigger another");
        }
        patch(namespace, name, PatchType.JSON_MERGE, "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\""
                + RESTARTED_AT + "\":\"" + now + "\"}}}}}", deadline);
        return display(name) + " restarted";
    }

    String scale(String namespace, String name, int replicas) {
        Instant deadline = deadline();
        get(namespace, name, deadline);
        patch(namespace, name, PatchType.JSON_MERGE, "{\"spec\":{\"replicas\":" + replicas + "}}", deadline);
        return display(name) + " scaled";
    }

    private Deployment get(String namespace, String name, Instant deadline) {
        Deployment d = retrier.call("get deployment " + name, deadline,
                () -> client.apps().deployments().inNamespace(namespace).withName(name).get());
        if (d == null) {
            throw new RolloutException("deployments.apps \"" + name + "\" not found in namespace \"" + namespace + "\"");
        }
        return d;
    }

    private List<ReplicaSet> owned(Deployment d, Instant deadline) {
        var selector = d.getSpec() == null ? null : d.getSpec().getSelector();
        Map<String, String> labels = selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        List<ReplicaSet> all = retrier.call("list replica sets of " + d.getMetadata().getName(), deadline,
                () -> client.apps().replicaSets().inNamespace(d.getMetadata().getNamespace()).withLabels(labels).list()
                        .getItems());
        return DeploymentHistory.owned(d, all);
    }

    private void patch(String namespace, String name, PatchType type, String patch, Instant deadline) {
        PatchContext ctx = new PatchContext.Builder().withPatchType(type).withFieldManager(fieldManager).build();
        retrier.call("patch deployment " + name, deadline,
                () -> client.apps().deployments().inNamespace(namespace).withName(name).patch(ctx, patch));
    }

    private Instant deadline() {
        return clock.instant().plus(CALL_BUDGET);
    }

    private static String display(String name) {
        return "deployment.apps/" + name;
    }
}
