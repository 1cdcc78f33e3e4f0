package dev.kubefluent.core.validate;

import static dev.kubefluent.core.validate.Util.isSet;
import static dev.kubefluent.core.validate.Util.isTrue;
import static dev.kubefluent.core.validate.Util.oneOf;

import dev.kubefluent.core.validate.MetadataRules.NameForm;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Rules for Pods and the pod-bearing controllers (apps/v1 and batch/v1). */
final class WorkloadRules {

    private static final String NON_NEGATIVE = "must be greater than or equal to 0";

    private WorkloadRules() {
    }

    static void pod(Findings f, Pod pod) {
        MetadataRules.check(f, pod.getMetadata(), NameForm.SUBDOMAIN, true);
        PodSpecRules.check(f, pod.getSpec(), "spec.", false);
    }

    static void deployment(Findings f, Deployment d) {
        MetadataRules.check(f, d.getMetadata(), NameForm.SUBDOMAIN, true);
        DeploymentSpec s = d.getSpec();
        if (missingSpec(f, s)) {
            return;
        }
        controller(f, s.getSelector(), s.getTemplate(), "spec.", "Always");
        nonNegative(f, s.getReplicas(), "spec.replicas");
        nonNegative(f, s.getMinReadySeconds(), "spec.minReadySeconds");
        nonNegative(f, s.getRevisionHistoryLimit(), "spec.revisionHistoryLimit");
        Integer progress = s.getProgressDeadlineSeconds();
        if (progress != null) {
            int minReady = s.getMinReadySeconds() == null ? 0 : s.getMinReadySeconds();
            if (progress <= minReady) {
                f.add(Rule.PROGRESS_DEADLINE_INVALID, "spec.progressDeadlineSeconds",
                        "must be greater than minReadySeconds (" + minReady + ")", progress);
            }
        }
        DeploymentStrategy st = s.getStrategy();
        if (st != null) {
            String type = st.getType();
            if (type != null && !oneOf(type, "RollingUpdate", "Recreate")) {
                f.add(Rule.STRATEGY_TYPE_INVALID, "spec.strategy.type", "must be RollingUpdate or Recreate", type);
            }
            if ("Recreate".equals(type) && st.getRollingUpdate() != null) {
                f.addShown(Rule.ROLLING_UPDATE_FORBIDDEN, "spec.strategy.rollingUpdate",
                        "must not be set when strategy type is Recreate", "set");
            } else if (st.getRollingUpdate() != null) {
                rollingUpdate(f, st.getRollingUpdate().getMaxSurge(), st.getRollingUpdate().getMaxUnavailable(),
                        "spec.strategy.rollingUpdate", true);
            }
        }
    }

    static void replicaSet(Findings f, ReplicaSet rs) {
        MetadataRules.check(f, rs.getMetadata(), NameForm.SUBDOMAIN, true);
        ReplicaSetSpec s = rs.getSpec();
        if (missingSpec(f, s)) {
            return;
        }
        controller(f, s.getSelector(), s.getTemplate(), "spec.", "Always");
        nonNegative(f, s.getReplicas(), "spec.replicas");
        nonNegative(f, s.getMinReadySeconds(), "spec.minReadySeconds");
    }

    static void statefulSet(Findings f, StatefulSet sts) {
        MetadataRules.check(f, sts.getMetadata(), NameForm.DNS1123_LABEL, true);
        StatefulSetSpec s = sts.getSpec();
        if (missingSpec(f, s)) {
            return;
        }
        Set<String> claims = new HashSet<>();
        for (PersistentVolumeClaim pvc : Util.list(s.getVolumeClaimTemplates())) {
            if (pvc.getMetadata() != null && pvc.getMetadata().getName() != null) {
                claims.add(pvc.getMetadata().getName());
            }
        }
        controller(f, s.getSelector(), s.getTemplate(), "spec.", "Always", claims);
        nonNegative(f, s.getReplicas(), "spec.replicas");
        nonNegative(f, s.getMinReadySeconds(), "spec.minReadySeconds");
        nonNegative(f, s.getRevisionHistoryLimit(), "spec.revisionHistoryLimit");
        String pmp = s.getPodManagementPolicy();
        if (pmp != null && !oneOf(pmp, "OrderedReady", "Parallel")) {
            f.add(Rule.POD_MANAGEMENT_POLICY_INVALID, "spec.podManagementPolicy", "must be OrderedReady or Parallel",
                    pmp);
        }
        var us = s.getUpdateStrategy();
        if (us != null) {
            String type = us.getType();
            if (type != null && !oneOf(type, "RollingUpdate", "OnDelete")) {
                f.add(Rule.STRATEGY_TYPE_INVALID, "spec.updateStrategy.type", "must be RollingUpdate or OnDelete",
                        type);
            }
            var ru = us.getRollingUpdate();
            if (ru != null) {
                if ("OnDelete".equals(type)) {
                    f.addShown(Rule.ROLLING_UPDATE_FORBIDDEN, "spec.updateStrategy.rollingUpdate",
                            "must not be set when updateStrategy type is OnDelete", "set");
                }
                nonNegative(f, ru.getPartition(), "spec.updateStrategy.rollingUpdate.partition");
                IntOrString mu = ru.getMaxUnavailable();
                if (isSet(mu)) {
                    String path = "spec.updateStrategy.rollingUpdate.maxUnavailable";
                    if (intOrPercent(f, mu, path) && percentOrInt(mu) == 0) {
                        f.add(Rule.ROLLING_UPDATE_ZERO, path, "must not be 0", mu);
                    }
                }
            }
        }
        var retention = s.getPersistentVolumeClaimRetentionPolicy();
        if (retention != null) {
            if (retention.getWhenDeleted() != null && !oneOf(retention.getWhenDeleted(), "Retain", "Delete")) {
                f.add(Rule.PVC_RETENTION_POLICY_INVALID, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted",
                        "must be Retain or Delete", retention.getWhenDeleted());
            }
            if (retention.getWhenScaled() != null && !oneOf(retention.getWhenScaled(), "Retain", "Delete")) {
                f.add(Rule.PVC_RETENTION_POLICY_INVALID, "spec.persistentVolumeClaimRetentionPolicy.whenScaled",
                        "must be Retain or Delete", retention.getWhenScaled());
            }
        }
    }

    static void daemonSet(Findings f, DaemonSet ds) {
        MetadataRules.check(f, ds.getMetadata(), NameForm.SUBDOMAIN, true);
        DaemonSetSpec s = ds.getSpec();
        if (missingSpec(f, s)) {
            return;
        }
        controller(f, s.getSelector(), s.getTemplate(), "spec.", "Always");
        nonNegative(f, s.getMinReadySeconds(), "spec.minReadySeconds");
        nonNegative(f, s.getRevisionHistoryLimit(), "spec.revisionHistoryLimit");
        var us = s.getUpdateStrategy();
        if (us != null) {
            String type = us.getType();
            if (type != null && !oneOf(type, "RollingUpdate", "OnDelete")) {
                f.add(Rule.STRATEGY_TYPE_INVALID, "spec.updateStrategy.type", "must be RollingUpdate or OnDelete",
                        type);
            }
            if (us.getRollingUpdate() != null) {
                if ("OnDelete".equals(type)) {
                    f.addShown(Rule.ROLLING_UPDATE_FORBIDDEN, "spec.updateStrategy.rollingUpdate",
                            "must not be set when updateStrategy type is OnDelete", "set");
                } else {
                    rollingUpdate(f, us.getRollingUpdate().getMaxSurge(), us.getRollingUpdate().getMaxUnavailable(),
                            "spec.updateStrategy.rollingUpdate", false);
                }
            }
        }
    }

    static void job(Findings f, Job job) {
        MetadataRules.check(f, job.getMetadata(), NameForm.SUBDOMAIN, true);
        jobSpec(f, job.getSpec(), "spec.");
    }

    private static void jobSpec(Findings f, JobSpec s, String p) {
        if (s == null) {
            f.add(Rule.CONTAINERS_REQUIRED, p + "template.spec.containers", "must not be empty", null);
            return;
        }
        if (s.getSelector() != null && !isTrue(s.getManualSelector())) {
            f.add(Rule.JOB_SELECTOR_NOT_MANUAL, p + "selector",
                    "must not be set unless manualSelector is true", s.getSelector().getMatchLabels());
        } else if (s.getSelector() != null) {
            Selectors.check(f, s.getSelector(), p + "selector");
        }
        nonNegative(f, s.getParallelism(), p + "parallelism");
        nonNegative(f, s.getCompletions(), p + "completions");
        nonNegative(f, s.getBackoffLimit(), p + "backoffLimit");
        nonNegative(f, s.getTtlSecondsAfterFinished(), p + "ttlSecondsAfterFinished");
        if (s.getActiveDeadlineSeconds() != null && s.getActiveDeadlineSeconds() <= 0) {
            f.add(Rule.SPEC_FIELD_INVALID, p + "activeDeadlineSeconds", "must be greater than 0",
                    s.getActiveDeadlineSeconds());
        }
        String mode = s.getCompletionMode();
        if (mode != null && !oneOf(mode, "NonIndexed", "Indexed")) {
            f.add(Rule.JOB_COMPLETION_MODE_INVALID, p + "completionMode", "must be NonIndexed or Indexed", mode);
        } else if ("Indexed".equals(mode) && s.getCompletions() == null) {
            f.add(Rule.JOB_COMPLETION_MODE_INVALID, p + "completions", "is required when completionMode is Indexed",
                    null);
        }
        PodTemplateSpec t = s.getTemplate();
        String restart = t == null || t.getSpec() == null ? null : t.getSpec().getRestartPolicy();
        if (!oneOf(restart, "OnFailure", "Never")) {
            f.add(Rule.TEMPLATE_RESTART_POLICY_INVALID, p + "template.spec.restartPolicy",
                    "must be OnFailure or Never (unset defaults to Always, which a Job rejects)", restart);
        }
        if (s.getPodFailurePolicy() != null && "OnFailure".equals(restart)) {
            f.add(Rule.JOB_POD_FAILURE_POLICY_INVALID, p + "template.spec.restartPolicy",
                    "must be Never when podFailurePolicy is set", restart);
        }
        template(f, t, p + "template.");
    }

    static void cronJob(Findings f, CronJob cj) {
        ObjectMeta meta = cj.getMetadata();
        MetadataRules.check(f, meta, NameForm.SUBDOMAIN, true);
        if (meta != null && meta.getName() != null && meta.getName().length() > 52) {
            f.add(Rule.CRONJOB_NAME_TOO_LONG, "metadata.name", "must be no more than 52 characters", meta.getName());
        }
        CronJobSpec s = cj.getSpec();
        if (s == null) {
            f.add(Rule.CRONJOB_SCHEDULE_INVALID, "spec.schedule", "is required", null);
            return;
        }
        String schedule = s.getSchedule();
        if (schedule != null && (schedule.contains("TZ=") || schedule.contains("CRON_TZ="))) {
            f.add(Rule.CRONJOB_SCHEDULE_TIME_ZONE, "spec.schedule", "must not contain TZ or CRON_TZ", schedule);
        } else if (!Cron.isValid(schedule)) {
            f.add(Rule.CRONJOB_SCHEDULE_INVALID, "spec.schedule", "must be a valid cron schedule", schedule);
        }
        String tz = s.getTimeZone();
        if (tz != null && !isZone(tz)) {
            f.add(Rule.CRONJOB_TIME_ZONE_INVALID, "spec.timeZone", "must be a valid IANA time zone", tz);
        }
        String cp = s.getConcurrencyPolicy();
        if (cp != null && !oneOf(cp, "Allow", "Forbid", "Replace")) {
            f.add(Rule.CRONJOB_CONCURRENCY_POLICY_INVALID, "spec.concurrencyPolicy", "must be Allow, Forbid or Replace",
                    cp);
        }
        if (s.getStartingDeadlineSeconds() != null && s.getStartingDeadlineSeconds() < 0) {
            f.add(Rule.SPEC_FIELD_INVALID, "spec.startingDeadlineSeconds", NON_NEGATIVE,
                    s.getStartingDeadlineSeconds());
        }
        nonNegative(f, s.getSuccessfulJobsHistoryLimit(), "spec.successfulJobsHistoryLimit");
        nonNegative(f, s.getFailedJobsHistoryLimit(), "spec.failedJobsHistoryLimit");
        if (s.getJobTemplate() == null) {
            f.add(Rule.CONTAINERS_REQUIRED, "spec.jobTemplate.spec.template.spec.containers", "must not be empty", null);
            return;
        }
        jobSpec(f, s.getJobTemplate().getSpec(), "spec.jobTemplate.spec.");
    }

    private static boolean isZone(String tz) {
        if (tz.isEmpty() || tz.equals("Local")) {
            return false;
        }
        try {
            ZoneId.of(tz);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- shared by the controllers

    /** Selector required and non-empty, matching the template; template labels and pod spec; restartPolicy. */
    private static void controller(Findings f, LabelSelector selector, PodTemplateSpec t, String p,
            String restartPolicy) {
        controller(f, selector, t, p, restartPolicy, Set.of());
    }

    private static void controller(Findings f, LabelSelector selector, PodTemplateSpec t, String p,
            String restartPolicy, Set<String> extraVolumes) {
        if (Selectors.isEmpty(selector)) {
            f.add(Rule.SELECTOR_REQUIRED, p + "selector", selector == null ? "is required" : "must not be empty",
                    selector == null ? null : Map.of());
        } else {
            Selectors.check(f, selector, p + "selector");
            Map<String, String> labels = t == null || t.getMetadata() == null ? null : t.getMetadata().getLabels();
            if (!Selectors.matches(selector, labels)) {
                f.add(Rule.SELECTOR_TEMPLATE_MISMATCH, p + "template.metadata.labels",
                        "must match the selector " + Findings.show(selector.getMatchLabels()),
                        labels == null ? Map.of() : labels);
            }
        }
        PodSpec spec = t == null ? null : t.getSpec();
        String restart = spec == null ? null : spec.getRestartPolicy();
        if (restart != null && !restart.equals(restartPolicy)) {
            f.add(Rule.TEMPLATE_RESTART_POLICY_INVALID, p + "template.spec.restartPolicy",
                    "must be " + restartPolicy, restart);
        }
        if (spec != null && spec.getActiveDeadlineSeconds() != null) {
            f.add(Rule.TEMPLATE_ACTIVE_DEADLINE_FORBIDDEN, p + "template.spec.activeDeadlineSeconds",
                    "must not be set in a controller's pod template", spec.getActiveDeadlineSeconds());
        }
        template(f, t, p + "template.", extraVolumes);
    }

    private static void template(Findings f, PodTemplateSpec t, String tp) {
        template(f, t, tp, Set.of());
    }

    private static void template(Findings f, PodTemplateSpec t, String tp, Set<String> extraVolumes) {
        if (t == null) {
            f.add(Rule.CONTAINERS_REQUIRED, tp + "spec.containers", "must not be empty", null);
            return;
        }
        if (t.getMetadata() != null) {
            MetadataRules.labels(f, t.getMetadata().getLabels(), tp + "metadata.labels");
            MetadataRules.annotations(f, t.getMetadata().getAnnotations(), tp + "metadata.annotations");
        }
        PodSpecRules.check(f, t.getSpec(), tp + "spec.", true, extraVolumes);
    }

    /** A controller without a spec has no selector, the first thing the API server asks for. */
    private static boolean missingSpec(Findings f, Object spec) {
        if (spec == null) {
            f.add(Rule.SELECTOR_REQUIRED, "spec.selector", "is required", null);
            return true;
        }
        return false;
    }

    private static void nonNegative(Findings f, Integer value, String path) {
        if (value != null && value < 0) {
            f.add(Rule.SPEC_FIELD_INVALID, path, NON_NEGATIVE, value);
        }
    }

    /** maxSurge/maxUnavailable: both valid, not both zero, maxUnavailable at most 100%. */
    private static void rollingUpdate(Findings f, IntOrString surge, IntOrString unavailable, String p,
            boolean deployment) {
        boolean surgeOk = !isSet(surge) || intOrPercent(f, surge, p + ".maxSurge");
        boolean unavailableOk = !isSet(unavailable) || intOrPercent(f, unavailable, p + ".maxUnavailable");
        if (unavailableOk && isSet(unavailable) && unavailable.getStrVal() != null
                && percentOrInt(unavailable) > 100) {
            f.add(Rule.ROLLING_UPDATE_VALUE_INVALID, p + ".maxUnavailable", "must not be greater than 100%",
                    unavailable);
            return;
        }
        if (!surgeOk || !unavailableOk) {
            return;
        }
        // apps/v1 defaults: Deployment 25%/25%, DaemonSet maxSurge 0 / maxUnavailable 1.
        int s = isSet(surge) ? percentOrInt(surge) : deployment ? 25 : 0;
        int u = isSet(unavailable) ? percentOrInt(unavailable) : deployment ? 25 : 1;
        if (s == 0 && u == 0) {
            f.add(Rule.ROLLING_UPDATE_ZERO, p + ".maxUnavailable", "must not be 0 when maxSurge is 0", unavailable);
        } else if (!deployment && s != 0 && u != 0) {
            f.add(Rule.ROLLING_UPDATE_ZERO, p + ".maxUnavailable", "must be 0 when maxSurge is not 0", unavailable);
        }
    }

    private static boolean intOrPercent(Findings f, IntOrString v, String path) {
        if (v.getIntVal() != null) {
            if (v.getIntVal() < 0) {
                f.add(Rule.ROLLING_UPDATE_VALUE_INVALID, path, NON_NEGATIVE, v);
                return false;
            }
            return true;
        }
        if (!Formats.isPercent(v.getStrVal())) {
            f.add(Rule.ROLLING_UPDATE_VALUE_INVALID, path, "must be a whole number or a percentage such as 25%", v);
            return false;
        }
        return true;
    }

    /** The number, or the percentage without its sign; only for values {@link #intOrPercent} accepted. */
    private static int percentOrInt(IntOrString v) {
        if (v.getIntVal() != null) {
            return v.getIntVal();
        }
        String s = v.getStrVal();
        try {
            return Integer.parseInt(s.substring(0, s.length() - 1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
