package dev.kubefluent.testing.sim;

import static dev.kubefluent.testing.sim.Fixtures.configMap;
import static dev.kubefluent.testing.sim.SelectorsAndWatchesTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@DisplayName("SimulatedCluster: namespace field selectors, strategic merge keys, and only API-server rules on write")
class ReviewGapsTest extends SharedClusterTest {

    @Test
    @DisplayName("a cluster-wide list and watch select one namespace with the field selector metadata.namespace")
    void namespace_field_selector(TestInfo info) throws Exception {
        String other = ns(info);
        client.configMaps().inNamespace("shop").resource(configMap("prices", Map.of("k", "v"))).create();
        client.configMaps().inNamespace(other).resource(configMap("prices", Map.of("k", "v"))).create();

        assertThat(client.configMaps().inAnyNamespace().withField("metadata.namespace", "shop").list().getItems())
                .extracting(c -> c.getMetadata().getNamespace() + "/" + c.getMetadata().getName())
                .containsExactly("shop/prices");
        assertThat(client.configMaps().inAnyNamespace().withoutField("metadata.namespace", "shop").list()
                .getItems()).extracting(c -> c.getMetadata().getNamespace())
                .contains(other).doesNotContain("shop");

        List<String> events = new CopyOnWriteArrayList<>();
        try (Watch watch = client.configMaps().inAnyNamespace().withField("metadata.namespace", "shop")
                .watch(new Watcher<ConfigMap>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap cm) {
                        events.add(action + ":" + cm.getMetadata().getNamespace() + "/" + cm.getMetadata().getName());
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                })) {
            await(() -> events.contains("ADDED:shop/prices"), events);
            // Events are delivered in resourceVersion order: once the later one arrived, the earlier one had its chance.
            client.configMaps().inNamespace(other).resource(configMap("stock", Map.of("k", "v"))).create();
            client.configMaps().inNamespace("shop").resource(configMap("stock", Map.of("k", "v"))).create();
            await(() -> events.contains("ADDED:shop/stock"), events);
        }
        assertThat(events).containsExactly("ADDED:shop/prices", "ADDED:shop/stock");
    }

    private static Deployment mounted(String name) {
        return new DeploymentBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata().withNewSpec()
                .addNewContainer().withName("web").withImage("nginx:1")
                .addNewEnv().withName("MODE").withValue("prod").endEnv()
                .addNewEnv().withName("LEVEL").withValue("info").endEnv()
                .addNewEnv().withName("DEBUG").withValue("false").endEnv()
                .addNewVolumeMount().withName("config").withMountPath("/etc/config").endVolumeMount()
                .addNewVolumeMount().withName("cache").withMountPath("/cache").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("config").withNewConfigMap().withName("cfg-1").endConfigMap().endVolume()
                .addNewVolume().withName("cache").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec().endTemplate().endSpec().build();
    }

    @Test
    @DisplayName("a strategic merge patch merges env and volumes by name and volumeMounts by mountPath")
    void strategic_merge_keys(TestInfo info) {
        var deployments = client.apps().deployments().inNamespace(ns(info));
        deployments.resource(mounted("web")).create();

        Deployment patched = deployments.withName("web").patch(PatchContext.of(PatchType.STRATEGIC_MERGE), """
                {"spec":{"template":{"spec":{
                  "containers":[{"name":"web",
                    "env":[{"name":"MODE","value":"dev"},{"name":"TRACE","value":"1"},
                           {"name":"DEBUG","$patch":"delete"}],
                    "volumeMounts":[{"mountPath":"/cache","name":"cache","readOnly":true}]}],
                  "volumes":[{"name":"config","configMap":{"name":"cfg-2"}}]}}}}
                """);

        Container web = patched.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(web.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).containsExactly(
                tuple("MODE", "dev"), tuple("LEVEL", "info"),
                tuple("TRACE", "1"));
        assertThat(web.getVolumeMounts()).extracting(VolumeMount::getMountPath, VolumeMount::getReadOnly)
                .containsExactly(tuple("/etc/config", null),
                        tuple("/cache", true));
        var volumes = patched.getSpec().getTemplate().getSpec().getVolumes();
        assertThat(volumes).extracting(v -> v.getName()).containsExactly("config", "cache");
        assertThat(volumes.get(0).getConfigMap().getName()).isEqualTo("cfg-2");
        assertThat(volumes.get(1).getEmptyDir()).isNotNull();
        assertThat(deployments.withName("web").get().getSpec().getTemplate().getSpec().getVolumes())
                .isEqualTo(volumes);
    }

    @Test
    @DisplayName("a manifest that breaks only Kubefluent's own rules is accepted, as a real API server accepts it")
    void only_api_server_rules(TestInfo info) {
        String ns = ns(info);
        Deployment latest = Fixtures.deployment("web", "nginx:latest");
        Deployment created = client.apps().deployments().inNamespace(ns).resource(latest).create();
        assertThat(created.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("nginx:latest");

        var service = new ServiceBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec()
                .addToSelector("app", "web").addNewPort().withPort(80).withTargetPort(new IntOrString("no-such-port"))
                .endPort().endSpec().build();
        assertThat(client.services().inNamespace(ns).resource(service).create().getSpec().getPorts().get(0)
                .getTargetPort().getStrVal()).isEqualTo("no-such-port");
    }

    @Test
    @DisplayName("a manifest that breaks an API-server rule is a 422 whose cause names the field path")
    void api_server_rule(TestInfo info) {
        Deployment bad = Fixtures.deployment("web", "nginx:1");
        bad.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).setContainerPort(70000);
        assertThatThrownBy(() -> client.apps().deployments().inNamespace(ns(info)).resource(bad).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
                    assertThat(e.getStatus().getDetails().getCauses()).extracting(StatusCause::getField)
                            .containsExactly("spec.template.spec.containers[0].ports[0].containerPort");
                    assertThat(e.getStatus().getDetails().getCauses().get(0).getMessage()).contains("70000");
                });
        assertThat(client.apps().deployments().inNamespace(ns(info)).withName("web").get()).isNull();
    }

    @Test
    @DisplayName("a Service keeps its clusterIP and an immutable ConfigMap its data: one 422 from the validator's rules")
    void immutable_fields(TestInfo info) {
        String ns = ns(info);
        var services = client.services().inNamespace(ns);
        String ip = services.resource(new ServiceBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().addToSelector("app", "web").addNewPort().withPort(80).endPort().endSpec().build())
                .create().getSpec().getClusterIP();
        String other = ip.equals("10.96.200.200") ? "10.96.200.201" : "10.96.200.200";
        assertThatThrownBy(() -> services.withName("web").edit(s -> {
            s.getSpec().setClusterIP(other);
            s.getSpec().setClusterIPs(List.of(other));
            return s;
        })).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).isEqualTo(422);
            assertThat(e.getStatus().getDetails().getCauses()).extracting(StatusCause::getField)
                    .containsExactly("spec.clusterIP");
            assertThat(e.getStatus().getDetails().getCauses().get(0).getMessage())
                    .contains("must stay \"" + ip + "\"", "but was: \"" + other + "\"");
        });

        var configMaps = client.configMaps().inNamespace(ns);
        ConfigMap cm = configMap("cfg", Map.of("k", "v1"));
        cm.setImmutable(true);
        configMaps.resource(cm).create();
        assertThatThrownBy(() -> configMaps.withName("cfg").edit(c -> {
            c.setData(Map.of("k", "v2"));
            return c;
        })).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).isEqualTo(422);
            assertThat(e.getStatus().getDetails().getCauses()).extracting(StatusCause::getField)
                    .containsExactly("data");
            assertThat(e.getStatus().getDetails().getCauses().get(0).getMessage()).contains("is immutable");
        });
        assertThat(configMaps.withName("cfg").get().getData()).containsEntry("k", "v1");
    }
}
