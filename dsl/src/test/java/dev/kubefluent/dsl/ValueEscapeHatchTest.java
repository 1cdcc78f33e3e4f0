package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubefluent.core.ManifestSet;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import org.junit.jupiter.api.Test;

/**
 * The fabric8 escape hatch ({@code customize(..)}) of the value builders that live inside an object (issue #2): what
 * it sets reaches the built object, it runs after the typed setters, and it never changes the value it was called on.
 */
class ValueEscapeHatchTest {

    private static final Deployment API = deployment("api").namespace("shop")
            .container(container("api").image("ghcr.io/acme/api:2").port("http", 8080)).build();

    private static PodSpec podSpec(Deployment d) {
        return d.getSpec().getTemplate().getSpec();
    }

    @Test
    void service_port_edit_reaches_the_service_and_its_yaml() {
        ServicePortDef base = servicePort(80).name("grpc").targetPort("grpc");
        ServicePortDef edited = base.customize(p -> p.withAppProtocol("kubernetes.io/h2c")
                .withTargetPort(new IntOrString(9000)));
        Service svc = service("api").namespace("shop").port(edited).build();
        assertThat(svc.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getAppProtocol()).isEqualTo("kubernetes.io/h2c");
            assertThat(p.getTargetPort()).as("the hatch runs after the typed setter").isEqualTo(new IntOrString(9000));
            assertThat(p.getName()).isEqualTo("grpc");
        });
        assertThat(ManifestSet.of(svc).toYaml()).isEqualTo("""
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  namespace: shop
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: api
                spec:
                  ports:
                  - name: grpc
                    appProtocol: kubernetes.io/h2c
                    port: 80
                    targetPort: 9000
                """);
        assertThat(service("api").port(base).build().getSpec().getPorts().get(0).getAppProtocol())
                .as("the base is unchanged").isNull();
    }

    @Test
    void toleration_edit_reaches_the_pod_spec() {
        TolerationDef base = toleration("dedicated").equalTo("web");
        Deployment d = deployment("web").container(container("web").image("ghcr.io/acme/web:1"))
                .toleration(base.customize(t -> t.withEffect("NoExecute").withTolerationSeconds(60L)))
                .build();
        assertThat(podSpec(d).getTolerations()).singleElement().satisfies(t -> {
            assertThat(t.getKey()).isEqualTo("dedicated");
            assertThat(t.getOperator()).isEqualTo("Equal");
            assertThat(t.getValue()).isEqualTo("web");
            assertThat(t.getEffect()).isEqualTo("NoExecute");
            assertThat(t.getTolerationSeconds()).isEqualTo(60L);
        });
        assertThat(base.toToleration().getEffect()).as("the base is unchanged").isNull();
    }

    @Test
    void volume_mount_edit_reaches_the_container() {
        Deployment d = deployment("web")
                .volume(emptyDirVolume("logs"))
                .container(container("web").image("ghcr.io/acme/web:1")
                        .volumeMount(mount("logs", "/var/log/app").readOnly()
                                .customize(m -> m.withSubPathExpr("$(POD_NAME)").withMountPropagation("HostToContainer"))))
                .build();
        Container c = podSpec(d).getContainers().get(0);
        assertThat(c.getVolumeMounts()).singleElement().satisfies(m -> {
            assertThat(m.getName()).isEqualTo("logs");
            assertThat(m.getMountPath()).isEqualTo("/var/log/app");
            assertThat(m.getReadOnly()).isTrue();
            assertThat(m.getSubPathExpr()).isEqualTo("$(POD_NAME)");
            assertThat(m.getMountPropagation()).isEqualTo("HostToContainer");
        });
    }

    @Test
    void ingress_path_edit_reaches_the_ingress() {
        Service api = service("api").selecting(API).port(80, "http").build();
        var ing = ingress("shop")
                .rule("shop.example.com", path("/api").to(api, "http")
                        .customize(p -> p.withPathType("ImplementationSpecific").withPath("/api(/|$)(.*)")))
                .build();
        assertThat(ing.getSpec().getRules().get(0).getHttp().getPaths()).singleElement().satisfies(p -> {
            assertThat(p.getPath()).isEqualTo("/api(/|$)(.*)");
            assertThat(p.getPathType()).isEqualTo("ImplementationSpecific");
            assertThat(p.getBackend().getService().getName()).isEqualTo("api");
            assertThat(p.getBackend().getService().getPort().getName()).isEqualTo("http");
        });
    }

    @Test
    void network_peer_and_port_edits_reach_the_policy() {
        NetworkPolicy np = networkPolicy("api").isolate(API)
                .allowIngress(podsLabelled("role", "gateway").customize(p -> p.withNamespaceSelector(
                        new LabelSelectorBuilder().addToMatchLabels("team", "edge").build())),
                        tcp(8000).customize(p -> p.withEndPort(8080)))
                .build();
        NetworkPolicyIngressRule rule = np.getSpec().getIngress().get(0);
        assertThat(rule.getFrom()).singleElement().satisfies(p -> {
            assertThat(p.getPodSelector().getMatchLabels()).containsEntry("role", "gateway");
            assertThat(p.getNamespaceSelector().getMatchLabels()).containsEntry("team", "edge");
        });
        assertThat(rule.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(new IntOrString(8000));
            assertThat(p.getEndPort()).isEqualTo(8080);
            assertThat(p.getProtocol()).isEqualTo("TCP");
        });
    }

    @Test
    void a_customized_anywhere_peer_is_not_dropped() {
        NetworkPolicy np = networkPolicy("api").isolate(API)
                .allowIngress(anywhere().customize(p -> p.withNamespaceSelector(
                        new LabelSelectorBuilder().addToMatchLabels("team", "edge").build())), tcp("http"))
                .build();
        assertThat(np.getSpec().getIngress().get(0).getFrom()).singleElement()
                .satisfies(p -> assertThat(p.getNamespaceSelector().getMatchLabels()).containsEntry("team", "edge"));
        NetworkPolicy open = networkPolicy("api").isolate(API).allowIngress(anywhere(), tcp("http")).build();
        assertThat(open.getSpec().getIngress().get(0).getFrom()).as("plain anywhere() has no peer").isEmpty();
    }

    @Test
    void probe_and_volume_edits_reach_the_pod_spec() {
        Deployment d = deployment("web")
                .volume(emptyDirVolume("scratch").customize(v -> v.editEmptyDir().withMedium("Memory").endEmptyDir()))
                .container(container("web").image("ghcr.io/acme/web:1").port("http", 8080)
                        .readinessProbe(httpGet("/ready", "http").periodSeconds(5)
                                .customize(p -> p.editHttpGet().withHost("127.0.0.1").endHttpGet()
                                        .withPeriodSeconds(7))))
                .build();
        assertThat(podSpec(d).getVolumes()).singleElement()
                .satisfies(v -> assertThat(v.getEmptyDir().getMedium()).isEqualTo("Memory"));
        var probe = podSpec(d).getContainers().get(0).getReadinessProbe();
        assertThat(probe.getHttpGet().getHost()).isEqualTo("127.0.0.1");
        assertThat(probe.getHttpGet().getPath()).isEqualTo("/ready");
        assertThat(probe.getPeriodSeconds()).as("the hatch runs after the typed setter").isEqualTo(7);
    }

    @Test
    void a_null_edit_is_refused_by_every_value_builder() {
        assertThatThrownBy(() -> servicePort(80).customize(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customize must not be null");
        assertThatThrownBy(() -> toleration("k").customize(null)).hasMessage("customize must not be null");
        assertThatThrownBy(() -> mount("v", "/v").customize(null)).hasMessage("customize must not be null");
        assertThatThrownBy(() -> tcp(80).customize(null)).hasMessage("customize must not be null");
        assertThatThrownBy(() -> anywhere().customize(null)).hasMessage("customize must not be null");
        assertThatThrownBy(() -> httpGet("/", 80).customize(null)).hasMessage("customize must not be null");
        assertThatThrownBy(() -> emptyDirVolume("v").customize(null)).hasMessage("customize must not be null");
    }
}
