package dev.kubefluent.core.internal;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * kubectl's rollout status viewers ({@code polymorphichelpers/rollout_status.go}, kubectl v0.30–v0.33) for
 * Deployments, StatefulSets and DaemonSets, with the same checks in the same order and the same messages, plus the
 * readiness rules {@code kubectl wait} uses for a bare Pod ({@code Ready}, or {@code Succeeded} for a pod that runs
 * to completion) and a Job ({@code Complete}).
 *
 * <p>Go's zero values stand in for absent fields: a missing counter is 0, a missing {@code spec.replicas} skips the
 * checks that need it, as a nil pointer does in kubectl. One difference: an absent update strategy type counts as
 * {@code RollingUpdate}, the API server's default, because objects from a server without defaulting would otherwise
 * always fail.
 *
 * <p>Not API.
 */
public final class StatusViewers {

    /** The kinds that have a status viewer. */
    public static final Set<String> WAITABLE_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Pod", "Job");

    private StatusViewers() {
        throw new UnsupportedOperationException("no instances");
    }

    /**
     * Reads the rollout status of an object of one of the {@link #WAITABLE_KINDS}.
     *
     * @param object the object as read from the API server; must not be {@code null}
     * @return the status
     * @throws IllegalArgumentException for a kind without a viewer
     */
    public static WorkloadStatus status(HasMetadata object) {
        if (object instanceof Deployment d) {
            return deployment(d);
        }
        if (object instanceof StatefulSet s) {
            return statefulSet(s);
        }
        if (object instanceof DaemonSet ds) {
            return daemonSet(ds);
        }
        if (object instanceof Pod p) {
            return pod(p);
        }
        if (object instanceof Job j) {
            return job(j);
        }
        throw new IllegalArgumentException("no status viewer has been implemented for "
                + (object == null ? "null" : object.getKind()));
    }

    /**
     * kubectl's {@code DeploymentStatusViewer}.
     *
     * @param d the Deployment; must not be {@code null}
     * @return the status
     */
    public static WorkloadStatus deployment(Deployment d) {
        String name = quote(name(d));
        long generation = generation(d);
        var status = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        long observed = zero(status.getObservedGeneration());
        if (generation <= observed) {
            List<DeploymentCondition> conditions = status.getConditions() == null ? List.of() : status.getConditions();
            for (DeploymentCondition c : conditions) {
                if ("Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason())) {
                    return WorkloadStatus.error("deployment " + name + " exceeded its progress deadline");
                }
            }
            Integer replicas = d.getSpec() == null ? null : d.getSpec().getReplicas();
            int updated = zero(status.getUpdatedReplicas());
            int current = zero(status.getReplicas());
            int available = zero(status.getAvailableReplicas());
            if (replicas != null && updated < replicas) {
                return WorkloadStatus.waiting("Waiting for deployment " + name + " rollout to finish: " + updated
                        + " out of " + replicas + " new replicas have been updated...");
            }
            if (current > updated) {
                return WorkloadStatus.waiting("Waiting for deployment " + name + " rollout to finish: "
                        + (current - updated) + " old replicas are pending termination...");
            }
            if (available < updated) {
                return WorkloadStatus.waiting("Waiting for deployment " + name + " rollout to finish: " + available
                        + " of " + updated + " updated replicas are available...");
            }
            return WorkloadStatus.complete("deployment " + name + " successfully rolled out");
        }
        return WorkloadStatus.waiting("Waiting for deployment spec update to be observed...");
    }

    /**
     * kubectl's {@code StatefulSetStatusViewer}.
     *
     * @param s the StatefulSet; must not be {@code null}
     * @return the status
     */
    public static WorkloadStatus statefulSet(StatefulSet s) {
        var spec = s.getSpec();
        var strategy = spec == null ? null : spec.getUpdateStrategy();
        if (!"RollingUpdate".equals(updateStrategy(s))) {
            return notRollingUpdate();
        }
        var status = s.getStatus();
        long observed = status == null ? 0 : zero(status.getObservedGeneration());
        if (observed == 0 || generation(s) > observed) {
            return WorkloadStatus.waiting("Waiting for statefulset spec update to be observed...");
        }
        Integer replicas = spec.getReplicas();
        int ready = zero(status.getReadyReplicas());
        int updated = zero(status.getUpdatedReplicas());
        if (replicas != null && ready < replicas) {
            return WorkloadStatus.waiting("Waiting for " + (replicas - ready) + " pods to be ready...");
        }
        if (strategy != null && strategy.getRollingUpdate() != null) {
            Integer partition = strategy.getRollingUpdate().getPartition();
            if (replicas != null && partition != null && updated < replicas - partition) {
                return WorkloadStatus.waiting("Waiting for partitioned roll out to finish: " + updated + " out of "
                        + (replicas - partition) + " new pods have been updated...");
            }
            return WorkloadStatus.complete("partitioned roll out complete: " + updated + " new pods have been updated...");
        }
        String updateRevision = nullToEmpty(status.getUpdateRevision());
        String currentRevision = nullToEmpty(status.getCurrentRevision());
        if (!updateRevision.equals(currentRevision)) {
            return WorkloadStatus.waiting("waiting for statefulset rolling update to complete " + updated
                    + " pods at revision " + updateRevision + "...");
        }
        return WorkloadStatus.complete("statefulset rolling update complete " + zero(status.getCurrentReplicas())
                + " pods at revision " + currentRevision + "...");
    }

    /**
     * kubectl's {@code DaemonSetStatusViewer}.
     *
     * @param ds the DaemonSet; must not be {@code null}
     * @return the status
     */
    public static WorkloadStatus daemonSet(DaemonSet ds) {
        if (!"RollingUpdate".equals(updateStrategy(ds))) {
            return notRollingUpdate();
        }
        String name = quote(name(ds));
        var status = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
        long observed = zero(status.getObservedGeneration());
        if (generation(ds) <= observed) {
            int desired = zero(status.getDesiredNumberScheduled());
            int updated = zero(status.getUpdatedNumberScheduled());
            int available = zero(status.getNumberAvailable());
            if (updated < desired) {
                return WorkloadStatus.waiting("Waiting for daemon set " + name + " rollout to finish: " + updated
                        + " out of " + desired + " new pods have been updated...");
            }
            if (available < desired) {
                return WorkloadStatus.waiting("Waiting for daemon set " + name + " rollout to finish: " + available
                        + " of " + desired + " updated pods are available...");
            }
            return WorkloadStatus.complete("daemon set " + name + " successfully rolled out");
        }
        return WorkloadStatus.waiting("Waiting for daemon set spec update to be observed...");
    }

    /**
     * Tells whether the controller has observed the object's current generation, by the rule kubectl's viewer of its
     * kind uses: {@code observedGeneration >= generation}, and for a StatefulSet also {@code observedGeneration != 0}.
     *
     * @param object a StatefulSet or DaemonSet; must not be {@code null}
     * @return {@code true} once observed; {@code true} for other kinds
     */
    public static boolean specObserved(HasMetadata object) {
        if (object instanceof StatefulSet s) {
            long observed = s.getStatus() == null ? 0 : zero(s.getStatus().getObservedGeneration());
            return observed != 0 && generation(s) <= observed;
        }
        if (object instanceof DaemonSet ds) {
            return generation(ds) <= (ds.getStatus() == null ? 0 : zero(ds.getStatus().getObservedGeneration()));
        }
        return true;
    }

    /**
     * kubectl's line while a StatefulSet's or DaemonSet's spec update has not been observed yet.
     *
     * @param object a StatefulSet or DaemonSet; must not be {@code null}
     * @return the line
     */
    public static String specUpdateLine(HasMetadata object) {
        return object instanceof DaemonSet ? "Waiting for daemon set spec update to be observed..."
                : "Waiting for statefulset spec update to be observed...";
    }

    /**
     * The update strategy type of a StatefulSet or DaemonSet as the API server stores it.
     *
     * @param object a StatefulSet or DaemonSet; must not be {@code null}
     * @return the type, e.g. {@code OnDelete}; {@code RollingUpdate} when absent or for other kinds
     */
    public static String updateStrategy(HasMetadata object) {
        String type = null;
        if (object instanceof StatefulSet s && s.getSpec() != null && s.getSpec().getUpdateStrategy() != null) {
            type = s.getSpec().getUpdateStrategy().getType();
        } else if (object instanceof DaemonSet ds && ds.getSpec() != null && ds.getSpec().getUpdateStrategy() != null) {
            type = ds.getSpec().getUpdateStrategy().getType();
        }
        return type == null ? "RollingUpdate" : type;
    }

    /**
     * A bare Pod is done when its {@code Ready} condition is {@code True}, or when it has run to completion (phase
     * {@code Succeeded}); phase {@code Failed} is an error.
     *
     * @param p the Pod; must not be {@code null}
     * @return the status
     */
    public static WorkloadStatus pod(Pod p) {
        String name = quote(name(p));
        var status = p.getStatus();
        String phase = status == null ? null : status.getPhase();
        if ("Succeeded".equals(phase)) {
            return WorkloadStatus.complete("pod " + name + " completed");
        }
        if ("Failed".equals(phase)) {
            String reason = status.getReason() == null ? "" : ": " + status.getReason();
            String message = status.getMessage() == null ? "" : ": " + status.getMessage();
            return WorkloadStatus.error("pod " + name + " failed" + reason + message);
        }
        List<PodCondition> conditions = status == null || status.getConditions() == null ? List.of() : status.getConditions();
        for (PodCondition c : conditions) {
            if ("Ready".equals(c.getType()) && "True".equals(c.getStatus())) {
                return WorkloadStatus.complete("pod " + name + " is ready");
            }
        }
        return WorkloadStatus.waiting("Waiting for pod " + name + " to be ready...");
    }

    /**
     * A Job is done when its {@code Complete} condition is {@code True}; a {@code Failed} condition is an error.
     *
     * @param j the Job; must not be {@code null}
     * @return the status
     */
    public static WorkloadStatus job(Job j) {
        String name = quote(name(j));
        var status = j.getStatus();
        List<JobCondition> conditions = status == null || status.getConditions() == null ? List.of() : status.getConditions();
        for (JobCondition c : conditions) {
            if ("True".equals(c.getStatus()) && "Complete".equals(c.getType())) {
                return WorkloadStatus.complete("job " + name + " completed");
            }
            if ("True".equals(c.getStatus()) && "Failed".equals(c.getType())) {
                String reason = c.getReason() == null ? "" : ": " + c.getReason();
                String message = c.getMessage() == null ? "" : ": " + c.getMessage();
                return WorkloadStatus.error("job " + name + " failed" + reason + message);
            }
        }
        int succeeded = status == null ? 0 : zero(status.getSucceeded());
        Integer completions = j.getSpec() == null ? null : j.getSpec().getCompletions();
        return WorkloadStatus.waiting("Waiting for job " + name + " to complete: " + succeeded + " of "
                + (completions == null ? 1 : completions) + " pods succeeded...");
    }

    /**
     * Quotes a string as Go's {@code %q} does for the printable ASCII that Kubernetes names consist of.
     *
     * @param s the string, may be {@code null}
     * @return the quoted string
     */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        String v = s == null ? "" : s;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /**
     * kubectl's answer for a StatefulSet or DaemonSet whose update strategy is not RollingUpdate: done, with an
     * error ({@code return "", true, fmt.Errorf(...)}); {@code kubectl rollout status} prints it and exits 1.
     */
    private static WorkloadStatus notRollingUpdate() {
        return new WorkloadStatus("rollout status is only available for RollingUpdate strategy type", true, true);
    }

    private static String name(HasMetadata o) {
        return o.getMetadata() == null ? "" : nullToEmpty(o.getMetadata().getName());
    }

    private static long generation(HasMetadata o) {
        return o.getMetadata() == null ? 0 : zero(o.getMetadata().getGeneration());
    }

    private static int zero(Integer i) {
        return i == null ? 0 : i;
    }

    private static long zero(Long l) {
        return l == null ? 0 : l;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
