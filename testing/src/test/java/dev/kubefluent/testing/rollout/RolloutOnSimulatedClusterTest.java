package dev.kubefluent.testing.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.rollout.ApplyOutcome;
import dev.kubefluent.core.rollout.AppliedResource;
import dev.kubefluent.core.rollout.BackoffPolicy;
import dev.kubefluent.core.rollout.FailurePolicy;
import dev.kubefluent.core.rollout.PlannedChange;
import dev.kubefluent.core.rollout.Revision;
import dev.kubefluent.core.rollout.RolloutEngine;
import dev.kubefluent.core.rollout.RolloutException;
import dev.kubefluent.core.rollout.RolloutOptions;
import dev.kubefluent.core.rollout.RolloutPlan;
import dev.kubefluent.core.rollout.RolloutResult;
import dev.kubefluent.core.rollout.RolloutStatus;
import dev.kubefluent.dsl.Kube;
import dev.kubefluent.testing.sim.RecordedCall;
import dev.kubefluent.testing.sim.SimulatedCluster;
import dev.kubefluent.testing.sim.Verb;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RolloutEngine on the simulated cluster, through the public API")
class RolloutOnSimulatedClusterTest {

    private SimulatedCluster cluster;
    private KubernetesClient client;
    private RolloutEngine engine;

    @BeforeEach
    void start() {
        cluster = SimulatedCluster.builder().seed(7).namespaces("shop").timeScale(100).start();
        client = cluster.client();
        engine = RolloutEngine.builder(client)
                .backoff(BackoffPolicy.exponential(Duration.ofMillis(5), Duration.ofMillis(50), 5)).build();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    static Deployment web(String image) {
        return new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("shop")
                .addToLabels("app.kubernetes.io/name", "web").endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app.kubernetes.io/name", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app.kubernetes.io/name", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(image).endContainer().endSpec().endTemplate()
                .endSpec().build();
    }

    static ConfigMap config(String value) {
        return new ConfigMapBuilder().withNewMetadata().withName("web-config").withNamespace("shop")
                .addToLabels("app.kubernetes.io/name", "web").endMetadata().addToData("greeting", value).build();
    }

    private static RolloutOptions.Builder options() {
        return RolloutOptions.builder().timeout(Duration.ofSeconds(60)).failFastGrace(Duration.ofMillis(500))
                .crashLoopRestarts(1);
    }

    private String liveImage() {
        return client.apps().deployments().inNamespace("shop").withName("web").get().getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage();
    }

    @Test
    @DisplayName("a new app succeeds, then a rolling update v1 -> v2 succeeds with kubectl's final line")
    void new_app_and_rolling_update() {
        RolloutResult first = engine.rollout(ManifestSet.of(config("hello"), web("nginx:1")), options().build());
        assertThat(first.status()).as(first.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(first.applied()).extracting(AppliedResource::outcome).containsOnly(ApplyOutcome.CREATED);

        RolloutResult second = engine.rollout(ManifestSet.of(config("hello"), web("nginx:2")), options().build());
        assertThat(second.status()).as(second.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(second.message()).isEqualTo("deployment \"web\" successfully rolled out");
        assertThat(second.applied()).extracting(AppliedResource::outcome)
                .containsExactly(ApplyOutcome.UNCHANGED, ApplyOutcome.CONFIGURED);
        assertThat(engine.history("shop", "web")).extracting(Revision::number).containsExactly(1L, 2L);
        assertThat(cluster.requests(Verb.PATCH, "deployments")).allSatisfy(c ->
                assertThat(c.queryParameter("fieldManager")).isEqualTo("kubefluent"));
    }

    @Test
    @DisplayName("a broken image and a changed ConfigMap are both rolled back quickly, naming the image")
    void broken_image_rolls_back_release() {
        cluster.pods().withImage("nginx:typo").failImagePull();
        engine.rollout(ManifestSet.of(config("hello"), web("nginx:1")), options().build());

        long started = System.nanoTime();
        RolloutResult result = engine.rollout(ManifestSet.of(config("bonjour"), web("nginx:typo")), options().build());

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(result.message()).contains("nginx:typo").contains("rolled back release web to revision 1");
        assertThat(liveImage()).isEqualTo("nginx:1");
        assertThat(client.configMaps().inNamespace("shop").withName("web-config").get().getData())
                .containsEntry("greeting", "hello");
    }

    @Test
    @DisplayName("a crash-looping image is rolled back with its termination reason")
    void crash_loop_rolls_back() {
        cluster.pods().withImage("app:crash").crashLoop();
        engine.rollout(ManifestSet.of(web("nginx:1")), options().build());
        RolloutResult result = engine.rollout(ManifestSet.of(web("app:crash")), options().build());
        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(result.message()).contains("CrashLoopBackOff");
        assertThat(liveImage()).isEqualTo("nginx:1");
    }

    @Test
    @DisplayName("LEAVE reports FAILED and a rollout that never gets ready times out")
    void leave_and_timeout() {
        cluster.pods().withImage("nginx:typo").failImagePull();
        cluster.pods().withImage("app:slow").neverReady();
        engine.rollout(ManifestSet.of(web("nginx:1")), options().build());

        RolloutResult failed = engine.rollout(ManifestSet.of(web("nginx:typo")),
                options().onFailure(FailurePolicy.LEAVE).build());
        assertThat(failed.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(liveImage()).isEqualTo("nginx:typo");

        RolloutResult timedOut = engine.rollout(ManifestSet.of(web("app:slow")),
                options().onFailure(FailurePolicy.LEAVE).timeout(Duration.ofSeconds(3)).build());
        assertThat(timedOut.status()).isEqualTo(RolloutStatus.TIMED_OUT);
        assertThat(timedOut.message()).startsWith("rollout did not complete within 3s: Deployment \"web\": ");
    }

    @Test
    @DisplayName("undo to a chosen revision, pause/resume, and restart making a new revision")
    void undo_pause_resume_restart() {
        engine.rollout(ManifestSet.of(web("nginx:1")), options().build());
        engine.rollout(ManifestSet.of(web("nginx:2")), options().build());
        engine.rollout(ManifestSet.of(web("nginx:3")), options().build());

        assertThatThrownBy(() -> engine.undo("shop", "web", 7)).isInstanceOf(RolloutException.class)
                .hasMessage("unable to find specified revision 7 in history");
        assertThat(engine.undo("shop", "web", 1)).isEqualTo("deployment.apps/web rolled back");
        assertThat(liveImage()).isEqualTo("nginx:1");

        assertThat(engine.pause("shop", "web")).isEqualTo("deployment.apps/web paused");
        assertThat(client.apps().deployments().inNamespace("shop").withName("web").get().getSpec().getPaused()).isTrue();
        assertThat(engine.resume("shop", "web")).isEqualTo("deployment.apps/web resumed");

        int before = engine.history("shop", "web").size();
        assertThat(engine.restart("shop", "web")).isEqualTo("deployment.apps/web restarted");
        RolloutResult settled = engine.rollout(ManifestSet.of(web("nginx:1")), options().build());
        assertThat(settled.status()).as(settled.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(engine.history("shop", "web").size()).isGreaterThan(before);
    }

    @Test
    @DisplayName("prune removes only owned objects that left the set; plan shows the diff without writing")
    void prune_and_plan() {
        ConfigMap extra = new ConfigMapBuilder(config("x")).editMetadata().withName("web-extra").endMetadata().build();
        engine.rollout(ManifestSet.of(config("hello"), extra, web("nginx:1")), options().build());
        client.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata().withName("foreign")
                .addToLabels("kubefluent.dev/release", "web").endMetadata().build()).create();

        cluster.clearRequests();
        RolloutPlan plan = engine.plan(ManifestSet.of(config("hello"), web("nginx:2")), options().prune(true).build());
        assertThat(cluster.requests()).extracting(RecordedCall::verb).containsOnly(Verb.GET, Verb.LIST);
        assertThat(plan.toString()).contains("spec.template.spec.containers[0].image: \"nginx:1\" -> \"nginx:2\"");
        assertThat(plan.changes()).filteredOn(c -> c.action() == PlannedChange.Action.PRUNE)
                .extracting(c -> c.resource().name()).containsExactly("web-extra");

        RolloutResult result = engine.rollout(ManifestSet.of(config("hello"), web("nginx:2")), options().prune(true).build());
        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(result.pruned()).containsExactly(ResourceRef.of("ConfigMap", "shop", "web-extra"));
        assertThat(client.configMaps().inNamespace("shop").withName("foreign").get()).isNotNull();
    }

    @Test
    @DisplayName("500s and an optimistic-lock 409 during apply, and a dropped watch during the wait, still end correctly")
    void faults_during_apply_and_wait() {
        cluster.faults().on(Verb.PATCH, "deployments").times(2).respondWith(500, "etcd leader changed");
        cluster.faults().on(Verb.PATCH, "configmaps").times(1).conflict();
        cluster.faults().on(Verb.WATCH, "deployments").times(1).dropWatch();
        RolloutResult result = engine.rollout(ManifestSet.of(config("hello"), web("nginx:1")), options().build());
        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(cluster.requests(Verb.PATCH, "deployments")).hasSize(3);
        assertThat(cluster.requests(Verb.PATCH, "configmaps")).hasSize(2);
    }

    @Test
    @DisplayName("a field conflict with another manager fails fast and names it")
    void field_conflict_fails_fast() {
        engine.rollout(ManifestSet.of(web("nginx:1")), options().build());
        Deployment scaled = new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("shop").endMetadata()
                .withNewSpec().withReplicas(5).endSpec().build();
        client.apps().deployments().inNamespace("shop").resource(scaled).fieldManager("hpa-controller").forceConflicts()
                .serverSideApply();
        cluster.clearRequests();

        Deployment three = web("nginx:1");
        three.getSpec().setReplicas(3);
        RolloutResult result = engine.rollout(ManifestSet.of(three), options().onFailure(FailurePolicy.LEAVE).build());
        assertThat(result.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(result.message()).contains("server-side apply conflict").contains("\"hpa-controller\"");
        assertThat(cluster.requests(Verb.PATCH, "deployments")).hasSize(1);
    }

    private static final String KUBECTL_ERROR = "rollout status is only available for RollingUpdate strategy type";

    private static RolloutOptions store() {
        return options().release("store").build();
    }

    static StatefulSet db(String image, String strategy) {
        return new StatefulSetBuilder().withNewMetadata().withName("db").withNamespace("shop")
                .addToLabels("app.kubernetes.io/name", "db").endMetadata()
                .withNewSpec().withReplicas(2).withServiceName("db").withNewUpdateStrategy().withType(strategy)
                .endUpdateStrategy().withNewSelector().addToMatchLabels("app.kubernetes.io/name", "db").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app.kubernetes.io/name", "db").endMetadata()
                .withNewSpec().addNewContainer().withName("db").withImage(image).endContainer().endSpec().endTemplate()
                .endSpec().build();
    }

    static DaemonSet agent(String image) {
        return new DaemonSetBuilder().withNewMetadata().withName("agent").withNamespace("shop")
                .addToLabels("app.kubernetes.io/name", "agent").endMetadata()
                .withNewSpec().withNewUpdateStrategy().withType("OnDelete").endUpdateStrategy()
                .withNewSelector().addToMatchLabels("app.kubernetes.io/name", "agent").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app.kubernetes.io/name", "agent").endMetadata()
                .withNewSpec().addNewContainer().withName("agent").withImage(image).endContainer().endSpec().endTemplate()
                .endSpec().build();
    }

    /** Waits, on the cluster's running clock, until the app's pods have exactly the given images. */
    private void awaitPods(String app, List<String> images) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!podImages(app).equals(images)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the pods of " + app + " did not reach " + images + " within 10s: "
                        + podImages(app));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    private List<String> podImages(String app) {
        return client.pods().inNamespace("shop").withLabel("app.kubernetes.io/name", app).list().getItems().stream()
                .map(Pod::getSpec).map(s -> s.getContainers().get(0).getImage()).toList();
    }

    @Test
    @DisplayName("an OnDelete StatefulSet succeeds only once its spec is observed, with kubectl's error as a warning")
    void ondelete_statefulset_is_reported_not_silently_passed() {
        String warning = "StatefulSet \"db\": " + KUBECTL_ERROR + "; its update strategy is OnDelete, so its pods are"
                + " replaced only when they are deleted: the engine did not wait for them";

        RolloutResult first = engine.rollout(ManifestSet.of(db("postgres:16", "OnDelete")), store());
        assertThat(first.status()).as(first.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(first.warnings()).containsExactly(warning);
        // the engine did not wait for the pods, and the controller creates them one by one: a pod created after the
        // template changes gets the new one, as in Kubernetes, so let both exist first
        awaitPods("db", List.of("postgres:16", "postgres:16"));

        RolloutResult second = engine.rollout(ManifestSet.of(db("postgres:17", "OnDelete")), store());

        assertThat(second.status()).as(second.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(second.warnings()).containsExactly(warning);
        assertThat(second.message()).isEqualTo("warning: " + warning);
        StatefulSet live = client.apps().statefulSets().inNamespace("shop").withName("db").get();
        assertThat(live.getStatus().getObservedGeneration()).isEqualTo(live.getMetadata().getGeneration());
        assertThat(live.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("postgres:17");
        // nothing was claimed about the pods: OnDelete leaves them at the old template until they are deleted
        assertThat(podImages("db")).isNotEmpty().containsOnly("postgres:16");
    }

    @Test
    @DisplayName("an OnDelete DaemonSet is reported the same way")
    void ondelete_daemonset_is_reported_not_silently_passed() {
        engine.rollout(ManifestSet.of(agent("agent:1")), store());
        RolloutResult result = engine.rollout(ManifestSet.of(agent("agent:2")), store());
        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(result.warnings()).containsExactly("DaemonSet \"agent\": " + KUBECTL_ERROR + "; its update strategy"
                + " is OnDelete, so its pods are replaced only when they are deleted: the engine did not wait for them");
        DaemonSet live = client.apps().daemonSets().inNamespace("shop").withName("agent").get();
        assertThat(live.getStatus().getObservedGeneration()).isEqualTo(live.getMetadata().getGeneration());
    }

    @Test
    @DisplayName("a RollingUpdate StatefulSet is waited for by kubectl's rules and has no warning")
    void rolling_update_statefulset_has_no_warning() {
        engine.rollout(ManifestSet.of(db("postgres:16", "RollingUpdate")), store());
        RolloutResult result = engine.rollout(ManifestSet.of(db("postgres:17", "RollingUpdate")), store());
        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.message()).doesNotContain(KUBECTL_ERROR);
        assertThat(podImages("db")).containsOnly("postgres:17");
    }

    private static final String HAND_OVER = "kubefluent-handover-to-hpa";

    static HorizontalPodAutoscaler hpa() {
        return new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("web").withNamespace("shop")
                .addToLabels("app.kubernetes.io/name", "web").endMetadata()
                .withNewSpec().withMinReplicas(2).withMaxReplicas(10).withNewScaleTargetRef().withApiVersion("apps/v1")
                .withKind("Deployment").withName("web").endScaleTargetRef()
                .addNewMetric().withType("Resource").withNewResource().withName("cpu").withNewTarget()
                .withType("Utilization").withAverageUtilization(70).endTarget().endResource().endMetric()
                .endSpec().build();
    }

    /** {@link #web} as the DSL renders it when an HPA owns the replica count: without {@code spec.replicas}. */
    static Deployment autoscaledWeb(String image) {
        Deployment d = web(image);
        d.getSpec().setReplicas(null);
        return d;
    }

    private Deployment liveWeb() {
        return client.apps().deployments().inNamespace("shop").withName("web").get();
    }

    /** Who owns {@code spec.replicas} of the live Deployment, as "manager/operation". */
    private List<String> replicasOwners() {
        return liveWeb().getMetadata().getManagedFields().stream()
                .filter(e -> e.getFieldsV1() != null
                        && e.getFieldsV1().getAdditionalProperties().get("f:spec") instanceof java.util.Map<?, ?> spec
                        && spec.containsKey("f:replicas"))
                .map(e -> e.getManager() + "/" + e.getOperation()).toList();
    }

    /** Records {@code spec.replicas} of every state of the Deployment from now on, as a watch sees them. */
    private final class ReplicasRecorder implements AutoCloseable {
        final List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** Every resourceVersion the watch delivered: the live one read later may already be behind the last. */
        final Set<String> versions = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final io.fabric8.kubernetes.client.Watch watch;

        ReplicasRecorder() {
            Deployment now = liveWeb();
            seen.add(now.getSpec().getReplicas());
            String start = now.getMetadata().getResourceVersion();
            versions.add(start);
            watch = client.apps().deployments().inNamespace("shop").withName("web").watch(
                    new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withResourceVersion(start).build(),
                    new io.fabric8.kubernetes.client.Watcher<Deployment>() {
                        @Override
                        public void eventReceived(Action action, Deployment d) {
                            seen.add(d.getSpec().getReplicas());
                            versions.add(d.getMetadata().getResourceVersion());
                        }

                        @Override
                        public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
                        }
                    });
        }

        /** @return every replica count seen, once the watch has caught up with the live object */
        List<Integer> untilNow() {
            String live = liveWeb().getMetadata().getResourceVersion();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!versions.contains(live)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the watch did not reach resourceVersion " + live + " within 10s");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
            return List.copyOf(seen);
        }

        @Override
        public void close() {
            watch.close();
        }
    }

    @Test
    @DisplayName("the hazard: re-applying a Deployment without replicas under the same manager resets it to 1")
    void naive_apply_without_replicas_resets_them_to_one() {
        Deployment three = web("nginx:1");
        three.getSpec().setReplicas(3);
        engine.rollout(ManifestSet.of(three), options().build());
        assertThat(replicasOwners()).containsExactly("kubefluent/Apply");

        try (ReplicasRecorder recorder = new ReplicasRecorder()) {
            Deployment dropped = autoscaledWeb("nginx:1");
            client.apps().deployments().inNamespace("shop").resource(dropped).fieldManager("kubefluent")
                    .serverSideApply();

            assertThat(liveWeb().getSpec().getReplicas()).isEqualTo(1);
            assertThat(recorder.untilNow()).startsWith(3).endsWith(1);
        }
    }

    @Test
    @DisplayName("adding an HPA hands spec.replicas over first, so the live count never drops")
    void adding_an_hpa_keeps_the_live_replica_count() {
        Deployment three = web("nginx:1");
        three.getSpec().setReplicas(3);
        engine.rollout(ManifestSet.of(three), options().build());
        cluster.clearRequests();

        RolloutResult result;
        List<Integer> seen;
        try (ReplicasRecorder recorder = new ReplicasRecorder()) {
            result = engine.rollout(ManifestSet.of(autoscaledWeb("nginx:2"), hpa()), options().release("web").build());
            seen = recorder.untilNow();
        }

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(liveWeb().getSpec().getReplicas()).isEqualTo(3);
        assertThat(seen).hasSizeGreaterThan(2).allSatisfy(replicas -> assertThat(replicas).isEqualTo(3));
        List<RecordedCall> patches = cluster.requests(Verb.PATCH, "deployments");
        assertThat(patches).extracting(c -> c.queryParameter("fieldManager")).startsWith(HAND_OVER, "kubefluent");
        assertThat(patches.get(0).body()).contains("\"replicas\":3").doesNotContain("template");
        assertThat(replicasOwners()).containsExactly(HAND_OVER + "/Apply");
    }

    @Test
    @DisplayName("the DSL's autoscaled Deployment and its HPA roll out over a scaled Deployment without losing replicas")
    void dsl_autoscaled_deployment_keeps_its_replicas() {
        Deployment scaled = Kube.deployment("web").namespace("shop").replicas(4)
                .container(Kube.container("web").image("nginx:1")).build();
        engine.rollout(ManifestSet.of(scaled), options().release("web").build());
        Deployment autoscaled = Kube.deployment("web").namespace("shop").replicasOwnedByAutoscaler()
                .container(Kube.container("web").image("nginx:2")).build();
        HorizontalPodAutoscaler hpa = Kube.horizontalPodAutoscaler(autoscaled, 2, 10).cpuUtilization(70).build();

        RolloutResult result;
        List<Integer> seen;
        try (ReplicasRecorder recorder = new ReplicasRecorder()) {
            result = engine.rollout(ManifestSet.of(autoscaled, hpa), options().release("web").build());
            seen = recorder.untilNow();
        }

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(seen).allSatisfy(replicas -> assertThat(replicas).isEqualTo(4));
        assertThat(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("shop").withName("web").get())
                .isNotNull();
    }

    @Test
    @DisplayName("after the hand-over the HPA controller takes spec.replicas, and scale() and later rollouts keep it")
    void hpa_controller_and_scale_after_the_hand_over() {
        Deployment three = web("nginx:1");
        three.getSpec().setReplicas(3);
        engine.rollout(ManifestSet.of(three), options().build());
        engine.rollout(ManifestSet.of(autoscaledWeb("nginx:1"), hpa()), options().release("web").build());

        // the HPA controller scales through an Update, which takes the field from the hand-over manager
        client.apps().deployments().inNamespace("shop").withName("web").patch(new PatchContext.Builder()
                .withPatchType(PatchType.JSON_MERGE).withFieldManager("kube-controller-manager").build(),
                "{\"spec\":{\"replicas\":5}}");
        assertThat(replicasOwners()).containsExactly("kube-controller-manager/Update");
        assertThat(liveWeb().getMetadata().getManagedFields()).extracting(m -> m.getManager()).doesNotContain(HAND_OVER);

        cluster.clearRequests();
        RolloutResult next = engine.rollout(ManifestSet.of(autoscaledWeb("nginx:2"), hpa()),
                options().release("web").build());
        assertThat(next.status()).as(next.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(liveWeb().getSpec().getReplicas()).isEqualTo(5);
        assertThat(cluster.requests(Verb.PATCH, "deployments")).extracting(c -> c.queryParameter("fieldManager"))
                .doesNotContain(HAND_OVER);

        assertThat(engine.scale("shop", "web", 4)).isEqualTo("deployment.apps/web scaled");
        assertThat(replicasOwners()).containsExactly("kubefluent/Update");
        RolloutResult afterScale = engine.rollout(ManifestSet.of(autoscaledWeb("nginx:3"), hpa()),
                options().release("web").build());
        assertThat(afterScale.status()).as(afterScale.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(liveWeb().getSpec().getReplicas()).isEqualTo(4);
    }

    static List<String> names(List<RecordedCall> calls) {
        return calls.stream().map(RecordedCall::name).toList();
    }
}
