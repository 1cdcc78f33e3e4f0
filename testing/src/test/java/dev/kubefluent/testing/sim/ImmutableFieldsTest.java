package dev.kubefluent.testing.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@DisplayName("SimulatedCluster rejects updates of immutable fields with a 422, as the API server does")
class ImmutableFieldsTest extends SharedClusterTest {

    /** Asserts a 422 Invalid whose one cause names the field, and whose message shows the old and new value. */
    private static void rejected(ThrowingCallable update, String field, String... shown) {
        assertThatThrownBy(update).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).isEqualTo(422);
            assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
            assertThat(e.getStatus().getDetails().getCauses()).extracting(StatusCause::getField)
                    .containsExactly(field);
            assertThat(e.getStatus().getDetails().getCauses().get(0).getMessage()).contains(shown);
        });
    }

    private static StatefulSet statefulSet(String serviceName, int replicas, String image) {
        return new StatefulSetBuilder()
                .withNewMetadata().withName("db").endMetadata()
                .withNewSpec().withServiceName(serviceName).withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", "db").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "db").endMetadata()
                .withNewSpec().addNewContainer().withName("db").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    @Test
    @DisplayName("a StatefulSet takes a new image and replicas through update, not a new serviceName")
    void stateful_set(TestInfo info) {
        var sets = client.apps().statefulSets().inNamespace(ns(info));
        sets.resource(statefulSet("db", 1, "db:1")).create();

        StatefulSet scaled = sets.resource(statefulSet("db", 3, "db:2")).update();
        assertThat(scaled.getSpec().getReplicas()).isEqualTo(3);

        rejected(() -> sets.resource(statefulSet("db-headless", 3, "db:2")).update(), "spec.serviceName",
                "must stay \"db\"", "but was: \"db-headless\"");
        assertThat(sets.withName("db").get().getSpec().getServiceName()).isEqualTo("db");
    }

    @Test
    @DisplayName("a Job's template is immutable through a JSON merge patch too")
    void job_template(TestInfo info) {
        var jobs = client.batch().v1().jobs().inNamespace(ns(info));
        Job job = new JobBuilder().withNewMetadata().withName("migrate").endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("migrate").withImage("migrate:7").endContainer()
                .endSpec().endTemplate().endSpec().build();
        jobs.resource(job).create();

        rejected(() -> jobs.withName("migrate").patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"migrate\",\"image\":\"migrate:8\"}]}}}}"),
                "spec.template", "spec.template.spec.containers[0].image must stay \"migrate:7\"",
                "but was: \"migrate:8\"");
        assertThat(jobs.withName("migrate").get().getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("migrate:7");
    }

    @Test
    @DisplayName("a binding keeps its roleRef, even through server-side apply")
    void role_ref(TestInfo info) {
        var bindings = client.rbac().roleBindings().inNamespace(ns(info));
        var binding = new RoleBindingBuilder().withNewMetadata().withName("deployer").endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("view")
                .endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName("deployer").endSubject().build();
        bindings.resource(binding).create();

        binding.getRoleRef().setName("edit");
        rejected(() -> bindings.resource(binding).forceConflicts().serverSideApply(), "roleRef",
                "roleRef.name must stay \"view\"", "but was: \"edit\"");
    }

    @Test
    @DisplayName("a Secret keeps its type, and an immutable one its data, and no message shows a value")
    void secret(TestInfo info) {
        var secrets = client.secrets().inNamespace(ns(info));
        secrets.resource(new SecretBuilder().withNewMetadata().withName("db").endMetadata().withImmutable(true)
                .withStringData(Map.of("password", "hunter2")).build()).create();

        rejected(() -> secrets.withName("db").edit(s -> new SecretBuilder(s).withType("kubernetes.io/basic-auth")
                .build()), "type", "must stay \"Opaque\"", "but was: \"kubernetes.io/basic-auth\"");
        assertThatThrownBy(() -> secrets.withName("db").edit(s -> new SecretBuilder(s)
                .withStringData(Map.of("password", "correct-horse")).build()))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getDetails().getCauses()).extracting(StatusCause::getField)
                            .containsExactly("data");
                    assertThat(e.getMessage()).doesNotContain("hunter2", "correct-horse", "aHVudGVy", "Y29ycmVj");
                });
    }

    @Test
    @DisplayName("a pending PersistentVolumeClaim keeps its spec")
    void claim(TestInfo info) {
        var claims = client.persistentVolumeClaims().inNamespace(ns(info));
        PersistentVolumeClaim claim = new PersistentVolumeClaimBuilder().withNewMetadata().withName("data")
                .endMetadata().withNewSpec().withAccessModes("ReadWriteOnce").withNewResources()
                .addToRequests("storage", new Quantity("1Gi")).endResources().endSpec().build();
        claims.resource(claim).create();

        rejected(() -> claims.withName("data").edit(c -> {
            c.getSpec().setAccessModes(java.util.List.of("ReadWriteMany"));
            return c;
        }), "spec", "spec.accessModes[0] must stay \"ReadWriteOnce\"", "but was: \"ReadWriteMany\"");
    }
}
