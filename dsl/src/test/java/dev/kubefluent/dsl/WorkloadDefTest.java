package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** StatefulSet, DaemonSet, Job and CronJob: the same container DSL and defaults as Deployment. */
class WorkloadDefTest {

    private static final ContainerDef PG = container("postgres").image("postgres:17.2").port("pg", 5432)
            .volumeMount("data", "/var/lib/postgresql/data");
    private static final ContainerDef TASK = container("task").image("ghcr.io/acme/task:1.0");

    @Test
    void stateful_set_with_claims_service_name_and_strategies() {
        StatefulSet s = statefulSet("db").namespace("data").serviceName("db").replicas(3).parallelPodManagement()
                .rollingUpdate(1).minReadySeconds(5).revisionHistoryLimit(2)
                .container(PG).volumeClaimTemplate("data", "10Gi").volumeClaimTemplate("wal", "1Gi", "fast-ssd")
                .build();
        assertThat(s.getApiVersion()).isEqualTo("apps/v1");
        assertThat(s.getKind()).isEqualTo("StatefulSet");
        assertThat(s.getSpec().getServiceName()).isEqualTo("db");
        assertThat(s.getSpec().getReplicas()).isEqualTo(3);
        assertThat(s.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        assertThat(s.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(s.getSpec().getUpdateStrategy().getRollingUpdate().getPartition()).isEqualTo(1);
        assertThat(s.getSpec().getMinReadySeconds()).isEqualTo(5);
        assertThat(s.getSpec().getRevisionHistoryLimit()).isEqualTo(2);
        assertThat(s.getSpec().getSelector().getMatchLabels()).containsOnly(entry("app.kubernetes.io/name", "db"));
        assertThat(s.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "db");
        assertThat(s.getSpec().getVolumeClaimTemplates()).hasSize(2);
        var data = s.getSpec().getVolumeClaimTemplates().get(0);
        assertThat(data.getMetadata().getName()).isEqualTo("data");
        assertThat(data.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(data.getSpec().getResources().getRequests()).containsOnly(entry("storage", new Quantity("10Gi")));
        assertThat(data.getSpec().getStorageClassName()).isNull();
        assertThat(s.getSpec().getVolumeClaimTemplates().get(1).getSpec().getStorageClassName()).isEqualTo("fast-ssd");
        assertThat(s.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(statefulSet("db").container(PG).volumeClaimTemplate("data", "1Gi").onDelete().build().getSpec().getUpdateStrategy().getType())
                .isEqualTo("OnDelete");
        assertThat(statefulSet("db").container(PG).volumeClaimTemplate("data", "1Gi").build().getSpec().getReplicas()).isNull();
    }

    @Test
    void stateful_set_names_are_dns_labels() {
        assertThatThrownBy(() -> statefulSet("db.v1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("StatefulSet name must be a DNS-1123 label");
    }

    @Test
    void a_service_can_select_a_stateful_set() {
        StatefulSet s = statefulSet("db").container(PG).volumeClaimTemplate("data", "1Gi").build();
        assertThat(service("db").headless().selecting(s).port(5432, "pg").build().getSpec().getSelector())
                .containsOnly(entry("app.kubernetes.io/name", "db"));
    }

    @Test
    void daemon_set_with_strategies() {
        DaemonSet d = daemonSet("log-agent").container(TASK)
                .toleration(toleration("node-role.kubernetes.io/control-plane").exists())
                .rollingUpdate(maxSurge(0), maxUnavailable(1)).podLabel("tier", "node").build();
        assertThat(d.getKind()).isEqualTo("DaemonSet");
        assertThat(d.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(d.getSpec().getUpdateStrategy().getRollingUpdate().getMaxUnavailable())
                .isEqualTo(new IntOrString(1));
        assertThat(d.getSpec().getSelector().getMatchLabels()).containsOnly(entry("app.kubernetes.io/name", "log-agent"));
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("tier", "node");
        assertThat(daemonSet("a").container(TASK).onDelete().build().getSpec().getUpdateStrategy().getType())
                .isEqualTo("OnDelete");
    }

    @Test
    void job_defaults_restart_policy_to_on_failure_and_sets_no_selector() {
        Job j = job("migrate").container(TASK).build();
        assertThat(j.getApiVersion()).isEqualTo("batch/v1");
        assertThat(j.getKind()).isEqualTo("Job");
        assertThat(j.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("OnFailure");
        assertThat(j.getSpec().getSelector()).as("Kubernetes generates a Job's selector").isNull();
        assertThat(j.getSpec().getManualSelector()).isNull();
        assertThat(j.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "migrate");
        assertThat(j.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext()
                .getAllowPrivilegeEscalation()).isFalse();
    }

    @Test
    void job_settings() {
        Job j = job("batch").container(TASK).restartPolicy(RestartPolicy.NEVER).backoffLimit(2).completions(5)
                .parallelism(2).activeDeadlineSeconds(600).ttlSecondsAfterFinished(3600)
                .podAnnotation("a.io/b", "c").build();
        assertThat(j.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(j.getSpec().getBackoffLimit()).isEqualTo(2);
        assertThat(j.getSpec().getCompletions()).isEqualTo(5);
        assertThat(j.getSpec().getParallelism()).isEqualTo(2);
        assertThat(j.getSpec().getActiveDeadlineSeconds()).isEqualTo(600L);
        assertThat(j.getSpec().getTtlSecondsAfterFinished()).isEqualTo(3600);
        assertThat(j.getSpec().getTemplate().getMetadata().getAnnotations()).containsOnly(entry("a.io/b", "c"));
        assertThatThrownBy(() -> job("x").restartPolicy(RestartPolicy.ALWAYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("restartPolicy of a Job must be OnFailure or Never but was: Always");
        assertThatThrownBy(() -> job("x").activeDeadlineSeconds(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("activeDeadlineSeconds must be at least 1 but was: 0");
    }

    @Test
    void cron_job_needs_a_schedule_and_has_job_settings_in_its_template() {
        CronJob c = cronJob("report").schedule("0 3 * * *").timeZone("Europe/Berlin")
                .concurrencyPolicy(ConcurrencyPolicy.FORBID).startingDeadlineSeconds(120).historyLimits(5, 2)
                .suspend(false).backoffLimit(1).container(TASK).build();
        assertThat(c.getApiVersion()).isEqualTo("batch/v1");
        assertThat(c.getKind()).isEqualTo("CronJob");
        assertThat(c.getSpec().getSchedule()).isEqualTo("0 3 * * *");
        assertThat(c.getSpec().getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(c.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(c.getSpec().getStartingDeadlineSeconds()).isEqualTo(120L);
        assertThat(c.getSpec().getSuccessfulJobsHistoryLimit()).isEqualTo(5);
        assertThat(c.getSpec().getFailedJobsHistoryLimit()).isEqualTo(2);
        assertThat(c.getSpec().getSuspend()).isFalse();
        var job = c.getSpec().getJobTemplate().getSpec();
        assertThat(job.getBackoffLimit()).isEqualTo(1);
        assertThat(job.getTemplate().getSpec().getRestartPolicy()).isEqualTo("OnFailure");
        assertThat(job.getTemplate().getSpec().getContainers()).hasSize(1);
        assertThat(job.getTemplate().getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "report");
        assertThat(c.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "kubefluent");
        assertThat(CronJobScheduleStep.class.getDeclaredMethods()).filteredOn(m -> Modifier.isPublic(m.getModifiers()))
                .extracting(java.lang.reflect.Method::getName).containsExactly("schedule");
    }

    @ParameterizedTest
    @ValueSource(strings = {"@daily", "@hourly", "*/5 * * * *", "0 0 1,15 * MON-FRI", "@every 1h"})
    void valid_schedules(String schedule) {
        assertThat(cronJob("c").schedule(schedule).container(TASK).build().getSpec().getSchedule()).isEqualTo(schedule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"* * * *", "every day", "@often", "0 3 * * * *"})
    void invalid_schedules(String schedule) {
        assertThatThrownBy(() -> cronJob("c").schedule(schedule)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schedule must be five cron fields (minute hour day-of-month month day-of-week, e.g."
                        + " \"0 3 * * *\") or a macro such as \"@daily\" but was: \"" + schedule + "\"");
    }

    @Test
    void schedule_time_zone_and_name_rules() {
        assertThatThrownBy(() -> cronJob("c").schedule("TZ=UTC 0 3 * * *")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schedule must not set a time zone with TZ= or CRON_TZ= (use timeZone(..)) but was:"
                        + " \"TZ=UTC 0 3 * * *\"");
        assertThatThrownBy(() -> cronJob("c").schedule("@daily").timeZone("Mars/Olympus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeZone must be an IANA time zone such as \"Europe/Berlin\" but was: \"Mars/Olympus\"");
        String longName = "a".repeat(53);
        assertThatThrownBy(() -> cronJob(longName)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CronJob name must be at most 52 characters (its Jobs add 11) but was: 53 characters in \""
                        + longName + "\"");
    }

    @Test
    void every_workload_builder_is_a_reusable_base() {
        JobDef base = job("j").container(TASK);
        Job first = base.backoffLimit(1).build();
        first.getSpec().getTemplate().getSpec().getContainers().clear();
        assertThat(base.build().getSpec().getBackoffLimit()).isNull();
        assertThat(base.backoffLimit(1).build().getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
    }
}
