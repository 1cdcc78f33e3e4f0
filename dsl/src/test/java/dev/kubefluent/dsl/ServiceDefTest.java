package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

class ServiceDefTest {

    private static final Deployment WEB = deployment("web").namespace("shop")
            .container(container("web").image("ghcr.io/acme/web:1.4.2").port("http", 8080).port("metrics", 9090))
            .build();

    @Test
    void cluster_ip_by_default_with_recommended_labels() {
        Service s = service("web").port(80, 8080).build();
        assertThat(s.getApiVersion()).isEqualTo("v1");
        assertThat(s.getKind()).isEqualTo("Service");
        assertThat(s.getSpec().getType()).as("Kubernetes' default ClusterIP applies").isNull();
        assertThat(s.getSpec().getClusterIP()).isNull();
        assertThat(s.getMetadata().getLabels()).containsOnly(entry("app.kubernetes.io/name", "web"),
                entry("app.kubernetes.io/managed-by", "kubefluent"));
    }

    @Test
    void types_and_headless() {
        assertThat(service("web").type(ServiceType.NODE_PORT).port(80).build().getSpec().getType())
                .isEqualTo("NodePort");
        assertThat(service("web").type(ServiceType.LOAD_BALANCER).port(80).build().getSpec().getType())
                .isEqualTo("LoadBalancer");
        assertThat(service("web").type(ServiceType.CLUSTER_IP).port(80).build().getSpec().getType())
                .isEqualTo("ClusterIP");
        Service headless = service("db").headless().port(5432).build();
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
    }

    @Test
    void port_forms() {
        Service s = service("web")
                .port(80, "http")
                .port("admin", 8443, "admin-https")
                .port("metrics", 9090, 9091)
                .port(servicePort(53).name("dns").targetPort(5353).protocol(Protocol.UDP))
                .build();
        assertThat(s.getSpec().getPorts())
                .extracting(ServicePort::getName, ServicePort::getPort, ServicePort::getTargetPort, ServicePort::getProtocol)
                .containsExactly(
                        tuple("http", 80, new IntOrString("http"), null),
                        tuple("admin", 8443, new IntOrString("admin-https"), null),
                        tuple("metrics", 9090, new IntOrString(9091), null),
                        tuple("dns", 53, new IntOrString(5353), "UDP"));
        ServicePort unnamed = service("web").port(80, 8080).build().getSpec().getPorts().get(0);
        assertThat(unnamed.getName()).isNull();
        assertThat(unnamed.getTargetPort()).isEqualTo(new IntOrString(8080));
        ServicePort same = service("web").port(80).build().getSpec().getPorts().get(0);
        assertThat(same.getTargetPort()).as("Kubernetes defaults targetPort to port").isNull();
    }

    @Test
    void node_ports_and_app_protocol() {
        ServicePort p = service("web").type(ServiceType.NODE_PORT)
                .port(servicePort(80).name("http").targetPort("http").nodePort(30080).appProtocol("http"))
                .build().getSpec().getPorts().get(0);
        assertThat(p.getNodePort()).isEqualTo(30080);
        assertThat(p.getAppProtocol()).isEqualTo("http");
        assertThat(servicePort(80).name("http").targetPort("http").nodePort(30080))
                .hasToString("http 80 -> http nodePort 30080");
    }

    @Test
    void selecting_copies_the_workloads_selector_labels() {
        Service s = service("web").selecting(WEB).port(80, "http").build();
        assertThat(s.getSpec().getSelector()).isEqualTo(WEB.getSpec().getSelector().getMatchLabels());
        Deployment custom = deployment("api").selectorLabel("app", "api").selectorLabel("tier", "backend")
                .container(container("api").image("api:1").port("http", 80)).build();
        assertThat(service("api").selecting(custom).port(80, "http").build().getSpec().getSelector())
                .containsOnly(entry("app", "api"), entry("tier", "backend"));
    }

    @Test
    void selecting_a_pod_uses_its_name_label() {
        var p = pod("debug").label("team", "x").container(container("c").image("busybox:1.36").port("http", 80)).build();
        assertThat(service("debug").selecting(p).port(80, "http").build().getSpec().getSelector())
                .containsOnly(entry("app.kubernetes.io/name", "debug"));
    }

    @Test
    void selecting_refuses_what_a_service_cannot_select() {
        assertThatThrownBy(() -> service("x").selecting(new ConfigMapBuilder().withNewMetadata().withName("c")
                .endMetadata().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Service can select a Deployment, StatefulSet, DaemonSet, ReplicaSet or Pod but was:"
                        + " ConfigMap \"c\"");
        assertThatThrownBy(() -> service("x").selecting(new StatefulSetBuilder().withNewMetadata().withName("db")
                .endMetadata().withNewSpec().endSpec().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Service cannot select StatefulSet \"db\": it has no spec.selector.matchLabels"
                        + " (build the workload first)");
    }

    @Test
    void manual_selector_and_session_affinity() {
        Service s = service("legacy").selector("app", "legacy").sessionAffinity(SessionAffinity.CLIENT_IP).port(80)
                .build();
        assertThat(s.getSpec().getSelector()).containsOnly(entry("app", "legacy"));
        assertThat(s.getSpec().getSessionAffinity()).isEqualTo("ClientIP");
        assertThat(service("x").sessionAffinity(SessionAffinity.NONE).port(80).build().getSpec().getSessionAffinity())
                .isEqualTo("None");
    }

    @Test
    void metadata_escape_hatch_and_fresh_builds() {
        ServiceDef def = service("web").namespace("shop").label("tier", "frontend").annotation("a.io/b", "c")
                .port(80, "http").customize(b -> b.editSpec().withPublishNotReadyAddresses(true).endSpec());
        Service first = def.build();
        assertThat(first.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(first.getMetadata().getLabels()).containsEntry("tier", "frontend");
        assertThat(first.getMetadata().getAnnotations()).containsOnly(entry("a.io/b", "c"));
        assertThat(first.getSpec().getPublishNotReadyAddresses()).isTrue();
        first.getSpec().getPorts().clear();
        assertThat(def.build().getSpec().getPorts()).hasSize(1);
    }

    @Test
    void names_are_dns_1035_labels() {
        assertThatThrownBy(() -> service("1web")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Service name must be a DNS-1035 label")
                .hasMessageEndingWith("but was: \"1web\"");
        assertThatThrownBy(() -> service("web").port(80, "HTTP")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("targetPort must be an IANA service name")
                .hasMessageEndingWith("but was: \"HTTP\"");
        assertThatThrownBy(() -> service("web").port(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be between 1 and 65535 but was: 0");
    }
}
