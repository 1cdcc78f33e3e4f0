package dev.kubefluent.testing.sim;

import static dev.kubefluent.testing.sim.Fixtures.configMap;
import static dev.kubefluent.testing.sim.Fixtures.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@DisplayName("SimulatedCluster strategies, defaulting and validation")
class StrategiesTest extends SharedClusterTest {


    @Test
    @DisplayName("the main resource ignores status, /status ignores spec, generation bumps on spec or annotations")
    void status_and_generation(TestInfo info) {
        var deployments = client.apps().deployments().inNamespace(ns(info));
        Deployment created = deployments.resource(deployment("web", "nginx:1")).create();
        assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(created.getStatus()).isNotNull();
        assertThat(created.getStatus().getReplicas()).isNull();

        Deployment withStatus = deployments.withName("web").get();
        withStatus.setStatus(new DeploymentStatusBuilder().withReplicas(7).withObservedGeneration(1L).build());
        Deployment afterMain = deployments.resource(withStatus).update();
        assertThat(afterMain.getStatus().getReplicas()).as("status ignored on the main resource").isNull();
        assertThat(afterMain.getMetadata().getGeneration()).isEqualTo(1L);

        Deployment statusWrite = deployments.withName("web").get();
        statusWrite.setStatus(new DeploymentStatusBuilder().withReplicas(2).withObservedGeneration(1L).build());
        statusWrite.getSpec().setReplicas(9);
        statusWrite.getMetadata().setAnnotations(Map.of("deployment.kubernetes.io/revision", "1"));
        Deployment afterStatus = deployments.resource(statusWrite).updateStatus();
        assertThat(afterStatus.getStatus().getReplicas()).isEqualTo(2);
        assertThat(afterStatus.getSpec().getReplicas()).as("spec ignored on /status").isEqualTo(2);
        assertThat(afterStatus.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision",
                "1");
        assertThat(afterStatus.getMetadata().getGeneration()).isEqualTo(1L);

        Deployment image = deployments.withName("web").edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:2");
            return d;
        });
        assertThat(image.getMetadata().getGeneration()).isEqualTo(2L);
        assertThat(image.getStatus().getReplicas()).isEqualTo(2);
        Deployment annotated = deployments.withName("web").edit(d -> {
            d.getMetadata().getAnnotations().put("note", "x");
            return d;
        });
        assertThat(annotated.getMetadata().getGeneration()).isEqualTo(3L);
        Deployment labelled = deployments.withName("web").edit(d -> {
            d.getMetadata().getLabels().put("tier", "front");
            return d;
        });
        assertThat(labelled.getMetadata().getGeneration()).isEqualTo(3L);
        String rv = labelled.getMetadata().getResourceVersion();
        assertThat(deployments.resource(labelled).update().getMetadata().getResourceVersion())
                .as("a no-op update keeps the resourceVersion").isEqualTo(rv);
    }

    @Test
    @DisplayName("/scale is a real autoscaling/v1 Scale, and scaling bumps the generation")
    void scale(TestInfo info) {
        var deployments = client.apps().deployments().inNamespace(ns(info));
        deployments.resource(deployment("web", "nginx:1")).create();
        Scale scale = deployments.withName("web").scale();
        assertThat(scale.getKind()).isEqualTo("Scale");
        assertThat(scale.getApiVersion()).isEqualTo("autoscaling/v1");
        assertThat(scale.getSpec().getReplicas()).isEqualTo(2);
        assertThat(scale.getStatus().getSelector()).isEqualTo("app=web");
        assertThat(scale.getAdditionalProperties()).isEmpty();
        deployments.withName("web").scale(5);
        Deployment scaled = deployments.withName("web").get();
        assertThat(scaled.getSpec().getReplicas()).isEqualTo(5);
        assertThat(scaled.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    @DisplayName("defaults a Deployment like the API server")
    void deployment_defaults(TestInfo info) {
        Deployment d = client.apps().deployments().inNamespace(ns(info)).resource(deployment("web", "nginx:1"))
                .create();
        assertThat(d.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxSurge()).isEqualTo(new IntOrString("25%"));
        assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable())
                .isEqualTo(new IntOrString("25%"));
        assertThat(d.getSpec().getRevisionHistoryLimit()).isEqualTo(10);
        assertThat(d.getSpec().getProgressDeadlineSeconds()).isEqualTo(600);
        var pod = d.getSpec().getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("Always");
        assertThat(pod.getDnsPolicy()).isEqualTo("ClusterFirst");
        assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(30L);
        assertThat(pod.getSchedulerName()).isEqualTo("default-scheduler");
        Container c = pod.getContainers().get(0);
        assertThat(c.getTerminationMessagePolicy()).isEqualTo("File");
        assertThat(c.getTerminationMessagePath()).isEqualTo("/dev/termination-log");
        assertThat(c.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(c.getPorts().get(0).getProtocol()).isEqualTo("TCP");
    }

    @Test
    @DisplayName("defaults a Pod: restartPolicy, dnsPolicy, imagePullPolicy Always for :latest, status Pending")
    void pod_defaults(TestInfo info) {
        Pod pod = client.pods().inNamespace(ns(info)).resource(new PodBuilder().withNewMetadata().withName("p")
                .endMetadata().withNewSpec().addNewContainer().withName("app").withImage("nginx").endContainer()
                .endSpec().build()).create();
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Always");
        assertThat(pod.getSpec().getDnsPolicy()).isEqualTo("ClusterFirst");
        assertThat(pod.getSpec().getContainers().get(0).getImagePullPolicy()).isEqualTo("Always");
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(pod.getStatus().getQosClass()).isEqualTo("BestEffort");
    }

    @Test
    @DisplayName("defaults a Service: type ClusterIP, an allocated clusterIP, sessionAffinity None, targetPort = port")
    void service_defaults(TestInfo info) {
        Service svc = client.services().inNamespace(ns(info)).resource(new ServiceBuilder().withNewMetadata()
                .withName("web").endMetadata().withNewSpec().addToSelector("app", "web").addNewPort().withPort(80)
                .endPort().endSpec().build()).create();
        assertThat(svc.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(svc.getSpec().getClusterIP()).matches("10\\.(9[6-9]|1[01][0-9])\\.\\d+\\.\\d+");
        assertThat(svc.getSpec().getClusterIPs()).containsExactly(svc.getSpec().getClusterIP());
        assertThat(svc.getSpec().getSessionAffinity()).isEqualTo("None");
        assertThat(svc.getSpec().getPorts().get(0).getTargetPort()).isEqualTo(new IntOrString(80));
        assertThat(svc.getSpec().getPorts().get(0).getProtocol()).isEqualTo("TCP");
        Service updated = client.services().inNamespace(ns(info)).withName("web").edit(s -> {
            s.getMetadata().setLabels(Map.of("x", "y"));
            return s;
        });
        assertThat(updated.getSpec().getClusterIP()).isEqualTo(svc.getSpec().getClusterIP());
    }

    @Test
    @DisplayName("folds a Secret's stringData into data")
    void secret_string_data(TestInfo info) {
        Secret secret = client.secrets().inNamespace(ns(info)).resource(new SecretBuilder().withNewMetadata()
                .withName("db").endMetadata().addToStringData("password", "hunter2").build()).create();
        assertThat(secret.getStringData()).isEmpty();
        assertThat(secret.getType()).isEqualTo("Opaque");
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("password")),
                StandardCharsets.UTF_8)).isEqualTo("hunter2");
    }

    @Test
    @DisplayName("refuses an invalid write with 422 and causes carrying field paths")
    void validation(TestInfo info) {
        Deployment bad = deployment("web", "nginx:1");
        bad.getSpec().setReplicas(-3);
        assertThatThrownBy(() -> client.apps().deployments().inNamespace(ns(info)).resource(bad).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("Deployment.apps \"web\" is invalid");
                    assertThat(e.getStatus().getDetails().getCauses()).extracting(c -> c.getField())
                            .contains("spec.replicas");
                });
        assertThat(client.apps().deployments().inNamespace(ns(info)).withName("web").get()).isNull();
        client.apps().deployments().inNamespace(ns(info)).resource(deployment("web", "nginx:1")).create();
        assertThatThrownBy(() -> client.apps().deployments().inNamespace(ns(info)).withName("web").edit(d -> {
            d.getSpec().getSelector().getMatchLabels().put("app", "other");
            d.getSpec().getTemplate().getMetadata().getLabels().put("app", "other");
            return d;
        })).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).isEqualTo(422);
            assertThat(e.getStatus().getDetails().getCauses()).extracting(c -> c.getField())
                    .containsExactly("spec.selector");
            assertThat(e.getMessage()).contains("spec.selector is immutable").contains("but was:");
        });
    }

    @Test
    @DisplayName("dryRun=All runs defaulting and validation but never persists")
    void dry_run(TestInfo info) {
        var cms = client.configMaps().inNamespace(ns(info));
        assertThat(cms.resource(configMap("cfg", Map.of("k", "v"))).dryRun().create().getData())
                .containsEntry("k", "v");
        assertThat(cms.withName("cfg").get()).isNull();
        cms.resource(configMap("cfg", Map.of("k", "v"))).create();
        cms.resource(configMap("cfg", Map.of("k", "w"))).dryRun().forceConflicts().serverSideApply();
        cms.withName("cfg").dryRun().delete();
        assertThat(cms.withName("cfg").get().getData()).containsEntry("k", "v");
        Deployment bad = deployment("web", "nginx:1");
        bad.getSpec().setReplicas(-1);
        assertThatThrownBy(() -> client.apps().deployments().inNamespace(ns(info)).resource(bad).dryRun().create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                        .isEqualTo(422));
    }
}
