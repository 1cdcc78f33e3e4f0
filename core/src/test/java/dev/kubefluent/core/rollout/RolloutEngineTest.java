package dev.kubefluent.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.internal.Retrier;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RolloutEngine against fabric8's mock API server and a fake Deployment controller")
class RolloutEngineTest {

    private FakeApiServer server;
    private FakeDeploymentController controller;
    private KubernetesClient client;
    private RolloutEngine engine;
    private final List<String> events = new ArrayList<>();

    private final RolloutListener recorder = new RolloutListener() {
        @Override
        public void applied(AppliedResource applied) {
            events.add("applied " + applied);
        }

        @Override
        public void progress(ResourceRef workload, String line) {
            events.add("progress " + line);
        }

        @Override
        public void podProblem(ResourceRef workload, PodProblem problem) {
            events.add("problem " + problem.reason());
        }

        @Override
        public void rollingBack(String reason, int revision) {
            events.add("rolling back to " + revision);
        }

        @Override
        public void rolledBack(int revision) {
            events.add("rolled back to " + revision);
        }

        @Override
        public void completed(RolloutResult result) {
            events.add("completed " + result.status());
        }
    };

    @BeforeEach
    void start() {
        server = new FakeApiServer();
        client = server.client();
        controller = new FakeDeploymentController(client, "shop");
        engine = RolloutEngine.builder(client)
                .backoff(BackoffPolicy.exponential(Duration.ofMillis(1), Duration.ofMillis(5), 5)).build();
    }

    @AfterEach
    void stop() {
        controller.close();
        server.close();
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

    private RolloutOptions.Builder options() {
        return RolloutOptions.builder().timeout(Duration.ofSeconds(20)).failFastGrace(Duration.ofMillis(200)).listener(recorder);
    }

    private Deployment liveWeb() {
        return client.apps().deployments().inNamespace("shop").withName("web").get();
    }

    @Test
    @DisplayName("a new app is applied, waited for like kubectl, and recorded as revision 1")
    void new_app_succeeds() {
        RolloutResult result = engine.rollout(ManifestSet.of(config("hello"), web("nginx:1")), options().build());
        List<String> calls = server.requests();

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(result.release()).isEqualTo("web");
        assertThat(result.revision()).isEqualTo(1);
        assertThat(result.message()).isEqualTo("deployment \"web\" successfully rolled out");
        assertThat(result.applied()).extracting(AppliedResource::toString)
                .containsExactly("ConfigMap \"web-config\" created", "Deployment \"web\" created");
        assertThat(events).contains("applied Deployment \"web\" created", "progress deployment \"web\" successfully rolled out",
                "completed SUCCEEDED");
        Deployment live = liveWeb();
        assertThat(live.getMetadata().getLabels()).containsEntry("kubefluent.dev/release", "web");
        assertThat(live.getMetadata().getAnnotations()).containsEntry("kubefluent.dev/release", "web");
        assertThat(live.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("kubefluent.dev/release");
        Secret record = client.secrets().inNamespace("shop").withName("kubefluent.release.v1.web.v1").get();
        assertThat(record.getMetadata().getLabels()).containsEntry("status", "deployed");
        assertThat(calls).filteredOn(r -> r.startsWith("PATCH") && !r.contains("/secrets"))
                .hasSize(2).allMatch(r -> r.contains("fieldManager=kubefluent"));
        // the record is written whole (as pending) once, then only its status label changes
        assertThat(calls).filteredOn(r -> r.contains("/secrets")).containsExactly(
                "GET /api/v1/namespaces/shop/secrets?labelSelector=owner%3Dkubefluent%2Cname%3Dweb",
                "POST /api/v1/namespaces/shop/secrets",
                "PATCH /api/v1/namespaces/shop/secrets/kubefluent.release.v1.web.v1?fieldManager=kubefluent");
    }

    @Test
    @DisplayName("re-applying the same set reports unchanged objects and supersedes the previous revision")
    void second_rollout_is_unchanged_and_supersedes() {
        ManifestSet set = ManifestSet.of(config("hello"), web("nginx:1"));
        engine.rollout(set, options().build());
        RolloutResult again = engine.rollout(set, options().build());
        assertThat(again.status()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(again.revision()).isEqualTo(2);
        assertThat(again.applied()).extracting(AppliedResource::outcome).containsOnly(ApplyOutcome.UNCHANGED);
        assertThat(client.secrets().inNamespace("shop").withName("kubefluent.release.v1.web.v1").get().getMetadata()
                .getLabels()).containsEntry("status", "superseded");
    }

    @Test
    @DisplayName("a broken image fails fast and the whole release (ConfigMap and Deployment) is rolled back")
    void broken_image_rolls_back_the_release() {
        engine.rollout(ManifestSet.of(config("hello"), web("nginx:1")), options().build());
        events.clear();

        RolloutResult result = engine.rollout(ManifestSet.of(config("bonjour"), web("nginx:broken")), options().build());

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(result.message()).contains("ImagePullBackOff", "nginx:broken", "(fail-fast)",
                "rolled back release web to revision 1");
        assertThat(result.problems()).extracting(PodProblem::reason).contains("ImagePullBackOff");
        assertThat(result.revision()).isEqualTo(2);
        assertThat(liveWeb().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1");
        assertThat(client.configMaps().inNamespace("shop").withName("web-config").get().getData())
                .containsEntry("greeting", "hello");
        assertThat(events).contains("problem ImagePullBackOff", "rolling back to 1", "rolled back to 1", "completed ROLLED_BACK");
        assertThat(recordStatus("shop", 2)).isEqualTo("failed");
        // revision 1 was marked superseded before the wait and is deployed again after the rollback
        assertThat(recordStatus("shop", 1)).isEqualTo("deployed");
        assertThat(server.count("POST", "/secrets")).isEqualTo(2);
        assertThat(server.count("PATCH", "/secrets/kubefluent.release.v1.web.v1?")).isEqualTo(3);
        assertThat(server.count("PATCH", "/secrets/kubefluent.release.v1.web.v2?")).isEqualTo(1);
    }

    private String recordStatus(String namespace, int revision) {
        Secret record = client.secrets().inNamespace(namespace).withName("kubefluent.release.v1.web.v" + revision).get();
        return record == null ? null : record.getMetadata().getLabels().get("status");
    }

    /** The status write the fake controller makes, for a Deployment outside the namespace it controls. */
    private void complete(String namespace) {
        Deployment live = client.apps().deployments().inNamespace(namespace).withName("web").get();
        live.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                .withObservedGeneration(live.getMetadata().getGeneration()).withReplicas(2).withUpdatedReplicas(2)
                .withReadyReplicas(2).withAvailableReplicas(2).build());
        client.apps().deployments().inNamespace(namespace).resource(live).updateStatus();
    }

    private static Deployment manual(String image) {
        Deployment d = web(image);
        d.getMetadata().setNamespace("manual");
        return d;
    }

    private List<ReleaseRecord> records(String namespace) {
        Retrier once = new Retrier(java.time.Clock.systemUTC(), n -> Duration.ZERO, 0, d -> { }, (w, a, f) -> { });
        return new ReleaseStore(client, once, client.getKubernetesSerialization(), "kubefluent")
                .list(namespace, "web", java.time.Instant.now().plusSeconds(10));
    }

    @Test
    @DisplayName("the record is written as pending before the wait, read as not deployed meanwhile, and only its status label changes after")
    void the_record_is_pending_during_the_wait() throws Exception {
        var first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> engine.rollout(ManifestSet.of(manual("nginx:1")), options().build()));
        awaitTrue(() -> "pending".equals(recordStatus("manual", 1)));
        complete("manual");
        assertThat(first.get(20, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(recordStatus("manual", 1)).isEqualTo("deployed");

        var second = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> engine.rollout(ManifestSet.of(manual("nginx:2")), options().build()));
        // a concurrent reader: revision 2 pending, revision 1 superseded yet still the one the cluster runs
        awaitTrue(() -> "pending".equals(recordStatus("manual", 2)) && "superseded".equals(recordStatus("manual", 1)));
        assertThat(second).isNotDone();
        assertThat(ReleaseStore.current(records("manual"))).get().extracting(ReleaseRecord::revision).isEqualTo(1);
        assertThat(records("manual").get(1).manifests()).singleElement().extracting(m -> ((Deployment) m).getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:2");
        int statusWrite = server.requests().size();
        complete("manual");

        RolloutResult result = second.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(result.revision()).isEqualTo(2);
        assertThat(recordStatus("manual", 2)).isEqualTo("deployed");
        assertThat(recordStatus("manual", 1)).isEqualTo("superseded");
        assertThat(ReleaseStore.current(records("manual"))).get().extracting(ReleaseRecord::revision).isEqualTo(2);
        // between the completing status write and rollout() returning: one label patch, nothing else
        assertThat(server.requests().subList(statusWrite, server.requests().size()))
                .filteredOn(r -> r.contains("/secrets")).startsWith(
                "PATCH /api/v1/namespaces/manual/secrets/kubefluent.release.v1.web.v2?fieldManager=kubefluent")
                .filteredOn(r -> !r.startsWith("GET")).hasSize(1);
    }

    @Test
    @DisplayName("when the pending record could not be written before the wait, the whole record is written after it")
    void a_failed_pending_write_is_made_up_after_the_wait() {
        server.fail("POST", "/secrets", 1, 403, "secrets is forbidden: quota");

        RolloutResult result = engine.rollout(ManifestSet.of(web("nginx:1")), options().build());

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(result.warnings()).isEmpty();
        assertThat(recordStatus("shop", 1)).isEqualTo("deployed");
        assertThat(server.count("POST", "/secrets")).isEqualTo(2);
        assertThat(server.count("PATCH", "/secrets/")).isZero();
    }

    @Test
    @DisplayName("a pending record left by a run that died during its wait is never current nor a rollback target")
    void a_leftover_pending_record_is_ignored() {
        engine.rollout(ManifestSet.of(web("nginx:1")), options().build());
        // what a run of nginx:crashed leaves when its process dies during the wait
        Deployment crashed = web("nginx:crashed");
        Releases.mark(crashed, "web", "shop");
        client.secrets().inNamespace("shop").resource(new ReleaseRecord("web", 2, ReleaseRecord.PENDING, List.of(crashed))
                .toSecret("shop", client.getKubernetesSerialization())).create();
        client.secrets().inNamespace("shop").withName("kubefluent.release.v1.web.v1").edit(s -> {
            s.getMetadata().getLabels().put("status", "superseded");
            return s;
        });
        assertThat(ReleaseStore.current(records("shop"))).get().extracting(ReleaseRecord::revision).isEqualTo(1);

        RolloutResult result = engine.rollout(ManifestSet.of(web("nginx:broken")), options().build());

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(result.revision()).isEqualTo(3);
        assertThat(result.message()).endsWith("rolled back release web to revision 1");
        assertThat(liveWeb().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1");
        assertThat(records("shop")).extracting(ReleaseRecord::status).containsExactly("deployed", "pending", "failed");
    }

    @Test
    @DisplayName("the final label patch is retried on a 500, and a refused one is reported in the result")
    void a_failed_final_patch_is_reported() {
        server.fail("PATCH", "/secrets/kubefluent.release.v1.web.v1?", 1, 500, "etcd hiccup");
        RolloutResult first = engine.rollout(ManifestSet.of(web("nginx:1")), options().build());
        assertThat(first.status()).as(first.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(first.warnings()).isEmpty();
        assertThat(recordStatus("shop", 1)).isEqualTo("deployed");
        assertThat(server.count("PATCH", "/secrets/kubefluent.release.v1.web.v1?")).isEqualTo(2);

        server.fail("PATCH", "/secrets/kubefluent.release.v1.web.v2?", 1, 403,
                "secrets kubefluent.release.v1.web.v2 is forbidden: User bob cannot patch");
        RolloutResult second = engine.rollout(ManifestSet.of(web("nginx:2")), options().build());

        String warning = "the workloads completed but the record of release web revision 2 was not marked deployed "
                + "(it stays pending, which is read as not deployed): "
                + "secrets kubefluent.release.v1.web.v2 is forbidden: User bob cannot patch";
        assertThat(second.status()).as(second.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(second.warnings()).containsExactly(warning);
        assertThat(second.message()).isEqualTo("deployment \"web\" successfully rolled out\nwarning: " + warning);
        assertThat(recordStatus("shop", 2)).isEqualTo("pending");
        assertThat(server.count("PATCH", "/secrets/kubefluent.release.v1.web.v2?")).isEqualTo(1);
    }

    @Test
    @DisplayName("LEAVE reports FAILED and leaves the broken revision in place")
    void leave_policy() {
        engine.rollout(ManifestSet.of(web("nginx:1")), options().build());
        RolloutResult result = engine.rollout(ManifestSet.of(web("nginx:broken")),
                options().onFailure(FailurePolicy.LEAVE).build());
        assertThat(result.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(result.message()).startsWith("Deployment \"web\": pod \"web-").contains("ImagePullBackOff");
        assertThat(liveWeb().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:broken");
    }

    @Test
    @DisplayName("a failing first rollout says there is nothing to roll back to")
    void first_rollout_has_nothing_to_roll_back_to() {
        RolloutResult result = engine.rollout(ManifestSet.of(web("nginx:broken")), options().build());
        assertThat(result.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(result.message()).endsWith("nothing to roll back to: revision 1 is the first revision of release web");
    }

    @Test
    @DisplayName("the engine's own timeout ends a rollout nobody progresses")
    void timeout() {
        Deployment orphan = web("nginx:1");
        orphan.getMetadata().setNamespace("elsewhere");
        RolloutResult result = engine.rollout(ManifestSet.of(orphan),
                options().timeout(Duration.ofMillis(1500)).onFailure(FailurePolicy.LEAVE).build());
        assertThat(result.status()).isEqualTo(RolloutStatus.TIMED_OUT);
        assertThat(result.message()).isEqualTo("rollout did not complete within 1500ms: Deployment \"web\": "
                + "Waiting for deployment spec update to be observed...");
    }

    @Test
    @DisplayName("a field conflict with another manager fails at once, naming the manager")
    void field_conflict_fails_fast() {
        server.conflict("/deployments/web", "kubectl-edit");
        RolloutResult result = engine.rollout(ManifestSet.of(web("nginx:1")), options().build());
        assertThat(result.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(result.message()).startsWith("Deployment \"web\": server-side apply conflict with field manager(s) "
                + "[\"kubectl-edit\"]: Apply failed with 1 conflict");
        assertThat(server.count("PATCH", "/deployments/web")).isEqualTo(1);
    }

    @Test
    @DisplayName("a conflict with our own imperative writes is taken over with force")
    void own_conflict_is_forced() {
        server.conflict("/deployments/web", "kubefluent");
        RolloutResult result = engine.rollout(ManifestSet.of(web("nginx:1")), options().build());
        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(server.requests()).anyMatch(r -> r.startsWith("PATCH") && r.contains("/deployments/web") && r.contains("force=true"));
    }

    @Test
    @DisplayName("500s and optimistic-lock conflicts during apply are retried; 403 fails with the server's message")
    void transient_and_permanent_failures() {
        server.fail("PATCH", "/configmaps/web-config", 2, 500, "etcd hiccup");
        server.fail("PATCH", "/deployments/web", 1, 409,
                "Operation cannot be fulfilled on deployments.apps web: the object has been modified");
        RolloutResult ok = engine.rollout(ManifestSet.of(config("hello"), web("nginx:1")), options().build());
        assertThat(ok.status()).as(ok.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(server.count("PATCH", "/configmaps/web-config")).isEqualTo(3);
        assertThat(server.count("PATCH", "/deployments/web")).isEqualTo(2);

        server.fail("PATCH", "/configmaps/web-config", 1, 403, "configmaps web-config is forbidden: User bob cannot patch");
        RolloutResult denied = engine.rollout(ManifestSet.of(config("hello2"), web("nginx:1")),
                options().onFailure(FailurePolicy.LEAVE).build());
        assertThat(denied.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(denied.message()).isEqualTo("ConfigMap \"web-config\": apply failed (HTTP 403): "
                + "configmaps web-config is forbidden: User bob cannot patch");
        assertThat(server.count("PATCH", "/configmaps/web-config")).isEqualTo(4);
    }

    @Test
    @DisplayName("plan lists creates and field-level changes, redacts Secrets, and writes nothing")
    void plan_writes_nothing() {
        Secret secret = new SecretBuilder().withNewMetadata().withName("db").withNamespace("shop").endMetadata()
                .addToStringData("password", "hunter2").build();
        RolloutPlan first = engine.plan(ManifestSet.of(secret, web("nginx:1")), options().release("web").build());
        assertThat(first.changes()).extracting(PlannedChange::action)
                .containsExactly(PlannedChange.Action.CREATE, PlannedChange.Action.CREATE);
        assertThat(server.requests()).allMatch(r -> r.startsWith("GET"));

        engine.rollout(ManifestSet.of(secret, web("nginx:1")), options().release("web").build());
        int before = server.requests().size();
        Secret changed = new SecretBuilder(secret).withStringData(java.util.Map.of("password", "swordfish")).build();
        RolloutPlan plan = engine.plan(ManifestSet.of(changed, web("nginx:2")), options().release("web").build());

        assertThat(server.requests().subList(before, server.requests().size())).allMatch(r -> r.startsWith("GET"));
        assertThat(plan.hasChanges()).isTrue();
        assertThat(plan.toString()).contains("Secret \"db\" (shop/db): change\n  data.password: <redacted> -> <redacted>",
                "Deployment \"web\" (shop/web): change\n  spec.template.spec.containers[0].image: \"nginx:1\" -> \"nginx:2\"")
                .doesNotContain("hunter2", "swordfish");
        assertThat(liveWeb().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1");
    }

    @Test
    @DisplayName("prune deletes only marked objects of the release that left the set")
    void prune_removes_only_owned_removed_objects() {
        ConfigMap extra = new ConfigMapBuilder(config("x")).editMetadata().withName("web-extra").endMetadata().build();
        engine.rollout(ManifestSet.of(config("hello"), extra, web("nginx:1")), options().build());
        ConfigMap labelOnly = new ConfigMapBuilder().withNewMetadata().withName("foreign").withNamespace("shop")
                .addToLabels("kubefluent.dev/release", "web").endMetadata().build();
        client.configMaps().inNamespace("shop").resource(labelOnly).create();

        RolloutPlan plan = engine.plan(ManifestSet.of(config("hello"), web("nginx:1")), options().prune(true).build());
        assertThat(plan.changes()).filteredOn(c -> c.action() == PlannedChange.Action.PRUNE)
                .extracting(c -> c.resource().name()).containsExactly("web-extra");

        RolloutResult result = engine.rollout(ManifestSet.of(config("hello"), web("nginx:1")), options().prune(true).build());
        assertThat(result.pruned()).containsExactly(ResourceRef.of("ConfigMap", "shop", "web-extra"));
        assertThat(client.configMaps().inNamespace("shop").withName("web-extra").get()).isNull();
        assertThat(client.configMaps().inNamespace("shop").withName("foreign").get()).isNotNull();
        assertThat(client.configMaps().inNamespace("shop").withName("web-config").get()).isNotNull();
    }

    @Test
    @DisplayName("history, undo, pause, resume, restart and scale behave and speak like kubectl")
    void deployment_operations() {
        engine.rollout(ManifestSet.of(web("nginx:1")), options().build());
        engine.rollout(ManifestSet.of(web("nginx:2")), options().build());

        List<Revision> history = engine.history("shop", "web");
        assertThat(history).extracting(Revision::number).containsExactly(1L, 2L);
        assertThat(history.get(0).template().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1");

        assertThatThrownBy(() -> engine.undo("shop", "web", 7))
                .isInstanceOf(RolloutException.class).hasMessage("unable to find specified revision 7 in history");
        assertThat(engine.undo("shop", "web", 2))
                .isEqualTo("deployment.apps/web skipped rollback (current template already matches revision 2)");
        assertThat(engine.undo("shop", "web")).isEqualTo("deployment.apps/web rolled back");
        Deployment undone = liveWeb();
        assertThat(undone.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1");
        assertThat(undone.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("pod-template-hash");

        assertThat(engine.pause("shop", "web")).isEqualTo("deployment.apps/web paused");
        assertThatThrownBy(() -> engine.pause("shop", "web")).hasMessage("deployment.apps/web is already paused");
        assertThatThrownBy(() -> engine.undo("shop", "web")).hasMessage("you cannot rollback a paused deployment; "
                + "resume it first with 'kubectl rollout resume deployment/web' and try again");
        assertThatThrownBy(() -> engine.restart("shop", "web"))
                .hasMessage("can't restart paused deployment (run rollout resume first)");
        assertThat(engine.resume("shop", "web")).isEqualTo("deployment.apps/web resumed");
        assertThatThrownBy(() -> engine.resume("shop", "web")).hasMessage("deployment.apps/web is not paused");

        assertThat(engine.restart("shop", "web")).isEqualTo("deployment.apps/web restarted");
        assertThat(liveWeb().getSpec().getTemplate().getMetadata().getAnnotations())
                .containsKey("kubectl.kubernetes.io/restartedAt");

        assertThat(engine.scale("shop", "web", 5)).isEqualTo("deployment.apps/web scaled");
        assertThat(liveWeb().getSpec().getReplicas()).isEqualTo(5);
        assertThat(server.requests()).anyMatch(r -> r.startsWith("PATCH") && r.contains("/deployments/web")
                && r.contains("fieldManager=kubefluent"));
        assertThatThrownBy(() -> engine.scale("shop", "web", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replicas must not be negative but was: -1");
        assertThatThrownBy(() -> engine.history("shop", "nope")).isInstanceOf(RolloutException.class)
                .hasMessage("deployments.apps \"nope\" not found in namespace \"shop\"");
    }

    @Test
    @DisplayName("a Secret's values appear nowhere in results or messages")
    void secrets_are_never_printed() {
        Secret secret = new SecretBuilder().withNewMetadata().withName("db").withNamespace("shop").endMetadata()
                .addToStringData("password", "hunter2").build();
        engine.rollout(ManifestSet.of(secret, web("nginx:1")), options().release("web").build());
        RolloutResult failed = engine.rollout(ManifestSet.of(secret, web("nginx:broken")), options().release("web").build());
        assertThat(failed.toString()).doesNotContain("hunter2");
        assertThat(String.join("\n", events)).doesNotContain("hunter2");
    }

    @Test
    @DisplayName("an invalid set is refused before any API call")
    void invalid_set_is_refused_before_any_call() {
        Deployment twins = web("nginx:1");
        twins.getSpec().getTemplate().getSpec().getContainers()
                .add(new io.fabric8.kubernetes.api.model.ContainerBuilder().withName("web").withImage("busybox").build());
        int before = server.requests().size();
        assertThatThrownBy(() -> engine.rollout(ManifestSet.of(twins), options().build()))
                .isInstanceOf(dev.kubefluent.core.validate.ManifestValidationException.class)
                .hasMessageContaining("Deployment \"web\": spec.template.spec.containers[1].name");
        assertThat(server.requests()).hasSize(before);
    }

    @Test
    @DisplayName("500s on the reads before apply and on the watch of the wait are retried; the rollout still ends correctly")
    void faults_during_the_wait() throws Exception {
        Deployment manual = web("nginx:1");
        manual.getMetadata().setNamespace("manual");
        server.fail("GET", "/namespaces/manual/deployments/web", 2, 500, "apiserver restarting");
        server.fail("GET", "fieldSelector=metadata.name%3Dweb", 2, 500, "watch refused");
        var rollout = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> engine.rollout(ManifestSet.of(manual), options().build()));

        // nobody completes the Deployment until the engine has got through both refused watches
        awaitTrue(() -> server.count("GET", "fieldSelector=metadata.name%3Dweb") >= 3);
        Deployment live = client.apps().deployments().inNamespace("manual").withName("web").get();
        live.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                .withObservedGeneration(live.getMetadata().getGeneration()).withReplicas(2).withUpdatedReplicas(2)
                .withReadyReplicas(2).withAvailableReplicas(2).build());
        client.apps().deployments().inNamespace("manual").resource(live).updateStatus();

        RolloutResult result = rollout.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(server.count("GET", "/namespaces/manual/deployments/web")).isGreaterThanOrEqualTo(5);
    }

    @Test
    @DisplayName("spec.replicas is handed over before a Deployment without replicas is applied; a conflict means the HPA has it")
    void replicas_hand_over_to_an_hpa() {
        Deployment live = web("nginx:1");
        live.getSpec().setReplicas(3);
        live.getMetadata().setManagedFields(List.of(new io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder()
                .withManager("kubefluent").withOperation("Apply").withApiVersion("apps/v1").withFieldsType("FieldsV1")
                .withNewFieldsV1().addToAdditionalProperties("f:spec", java.util.Map.of("f:replicas", java.util.Map.of()))
                .endFieldsV1().build()));
        client.apps().deployments().inNamespace("shop").resource(live).create();
        Deployment autoscaled = web("nginx:2");
        autoscaled.getSpec().setReplicas(null);
        server.conflict("fieldManager=kubefluent-handover-to-hpa", "kube-controller-manager");

        RolloutResult result = engine.rollout(ManifestSet.of(autoscaled), options().release("web").build());

        assertThat(result.status()).as(result.message()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(server.requests()).filteredOn(r -> r.startsWith("PATCH /apis/apps/v1/namespaces/shop/deployments/web"))
                .extracting(r -> r.substring(r.indexOf("fieldManager=")))
                .containsExactly("fieldManager=kubefluent-handover-to-hpa", "fieldManager=kubefluent");

    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
