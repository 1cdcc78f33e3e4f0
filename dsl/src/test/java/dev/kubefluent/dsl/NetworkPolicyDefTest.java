package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.validate.ManifestValidationException;
import dev.kubefluent.core.validate.Violation;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

/** NetworkPolicy: isolate a workload, allow traffic from and to workloads, namespaces and CIDRs, default deny (#8). */
class NetworkPolicyDefTest {

    private static final Deployment WEB = deployment("web").namespace("shop")
            .container(container("web").image("ghcr.io/acme/web:1.4.2").port("http", 8080).port("metrics", 9090))
            .build();
    private static final Deployment GATEWAY = deployment("gateway").namespace("shop")
            .container(container("gw").image("ghcr.io/acme/gw:1").port("http", 8080)).build();
    private static final Deployment DB = deployment("db").namespace("data")
            .container(container("pg").image("postgres:16").port("pg", 5432)).build();

    @Test
    void isolates_a_workload_and_allows_ingress_and_egress_and_renders_them() {
        NetworkPolicy np = networkPolicy("web")
                .isolate(WEB)
                .allowIngress(podsOf(GATEWAY), tcp("http"))
                .allowIngress(namespaceNamed("monitoring"), tcp("metrics"))
                .allowIngress(cidr("10.0.0.0/8", "10.1.0.0/16"), tcp(8000).upTo(8080))
                .allowEgress(podsOf(DB), tcp("pg"))
                .allowDnsEgress()
                .build();
        assertThat(np.getMetadata().getNamespace()).as("the workload's namespace").isEqualTo("shop");
        assertThat(ManifestSet.of(np).toYaml()).isEqualTo("""
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: web
                  namespace: shop
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: web
                spec:
                  egress:
                  - ports:
                    - port: pg
                      protocol: TCP
                    to:
                    - namespaceSelector:
                        matchLabels:
                          kubernetes.io/metadata.name: data
                      podSelector:
                        matchLabels:
                          app.kubernetes.io/name: db
                  - ports:
                    - port: 53
                      protocol: UDP
                    - port: 53
                      protocol: TCP
                    to:
                    - namespaceSelector:
                        matchLabels:
                          kubernetes.io/metadata.name: kube-system
                      podSelector:
                        matchLabels:
                          k8s-app: kube-dns
                  ingress:
                  - from:
                    - podSelector:
                        matchLabels:
                          app.kubernetes.io/name: gateway
                    ports:
                    - port: http
                      protocol: TCP
                  - from:
                    - namespaceSelector:
                        matchLabels:
                          kubernetes.io/metadata.name: monitoring
                    ports:
                    - port: metrics
                      protocol: TCP
                  - from:
                    - ipBlock:
                        cidr: 10.0.0.0/8
                        except:
                        - 10.1.0.0/16
                    ports:
                    - endPort: 8080
                      port: 8000
                      protocol: TCP
                  podSelector:
                    matchLabels:
                      app.kubernetes.io/name: web
                  policyTypes:
                  - Ingress
                  - Egress
                """);
        assertThat(ManifestSet.of(WEB, GATEWAY, DB, np).validationReport().errors()).isEmpty();
    }

    @Test
    void default_deny_selects_every_pod_with_an_empty_selector() {
        NetworkPolicy both = networkPolicy("default-deny").namespace("shop").defaultDeny().build();
        assertThat(ManifestSet.of(both).toYaml()).endsWith("""
                spec:
                  podSelector: {}
                  policyTypes:
                  - Ingress
                  - Egress
                """);
        assertThat(networkPolicy("deny-in").defaultDenyIngress().build().getSpec().getPolicyTypes())
                .containsExactly("Ingress");
        NetworkPolicy egressOnly = networkPolicy("deny-out").defaultDenyEgress().allowDnsEgress().build();
        assertThat(egressOnly.getSpec().getPolicyTypes()).containsExactly("Egress");
        assertThat(egressOnly.getSpec().getIngress()).isEmpty();
        assertThat(networkPolicy("nothing").build().getSpec().getPolicyTypes())
                .as("Kubernetes' own default, written out").containsExactly("Ingress");
    }

    @Test
    void allowing_egress_alone_does_not_isolate_ingress() {
        NetworkPolicy np = networkPolicy("web-out").podSelector("app.kubernetes.io/name", "web")
                .allowEgress(anywhere(), tcp(443)).build();
        assertThat(np.getSpec().getPolicyTypes()).containsExactly("Egress");
        assertThat(np.getSpec().getEgress()).singleElement().satisfies(r -> {
            assertThat(r.getTo()).as("anywhere: no peer").isEmpty();
            assertThat(r.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(443));
        });
        assertThat(np.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "web");
    }

    @Test
    void peers_in_the_same_namespace_need_no_namespace_selector_and_labels_select_pods() {
        NetworkPolicy np = networkPolicy("web").isolate(WEB)
                .allowIngress(podsLabelled("role", "frontend"))
                .allowIngress(namespacesLabelled("team", "ops"), udp(9125))
                .allowIngress(podsOf(GATEWAY)).build();
        var rules = np.getSpec().getIngress();
        assertThat(rules.get(0).getFrom().get(0).getPodSelector().getMatchLabels()).containsEntry("role", "frontend");
        assertThat(rules.get(0).getPorts()).as("no ports: every port").isEmpty();
        assertThat(rules.get(1).getFrom().get(0).getNamespaceSelector().getMatchLabels()).containsEntry("team", "ops");
        assertThat(rules.get(1).getPorts().get(0).getProtocol()).isEqualTo("UDP");
        assertThat(rules.get(2).getFrom().get(0).getNamespaceSelector()).isNull();
    }

    @Test
    void named_ports_are_checked_against_the_workloads_containers() {
        NetworkPolicyDef typo = networkPolicy("web").isolate(WEB).allowIngress(podsOf(GATEWAY), tcp("htp"));
        assertThatThrownBy(typo::build).isInstanceOf(ManifestValidationException.class)
                .hasMessageContaining("NetworkPolicy \"web\": spec.ingress[0].ports[0].port must name a TCP container"
                        + " port of the pods selected by spec.podSelector (Deployment \"web\") but was: \"htp\"")
                .satisfies(e -> assertThat(((ManifestValidationException) e).errors()).extracting(Violation::ruleId)
                        .containsExactly("network-policy-named-port-missing"));
        assertThatThrownBy(() -> networkPolicy("web").isolate(WEB).allowIngress(anywhere(), udp("http")).build())
                .as("the protocol must match too").isInstanceOf(ManifestValidationException.class)
                .hasMessageContaining("must name a UDP container port");
        Deployment cache = deployment("cache").namespace("shop")
                .container(container("redis").image("redis:7").port("redis", 6379)).build();
        NetworkPolicyDef egressTypo = networkPolicy("web").isolate(WEB).allowEgress(podsOf(cache), tcp("resp"));
        assertThatThrownBy(egressTypo::build).isInstanceOf(ManifestValidationException.class)
                .hasMessageContaining("NetworkPolicy \"web\": spec.egress[0].ports[0].port must name a TCP container"
                        + " port of the pods selected by spec.egress[0].to (Deployment \"cache\") but was: \"resp\"");
        assertThat(networkPolicy("web").isolate(WEB).allowEgress(podsOf(DB), tcp("postgres")).build())
                .as("a peer in another namespace is not checked by the validator").isNotNull();
        assertThat(networkPolicy("any").podSelector("x", "y").allowIngress(anywhere(), tcp("whatever")).build()
                .getSpec().getIngress()).as("no workload given: not checked").hasSize(1);
    }

    @Test
    void the_validator_checks_what_the_api_server_would_reject() {
        NetworkPolicyDef badCidr = networkPolicy("web").isolate(WEB).allowIngress(cidr("10.0.0.0/33"));
        assertThatThrownBy(badCidr::build).isInstanceOf(ManifestValidationException.class)
                .hasMessageContaining("NetworkPolicy \"web\": spec.ingress[0].from[0].ipBlock.cidr must be a valid CIDR")
                .hasMessageContaining("but was: \"10.0.0.0/33\"")
                .satisfies(e -> assertThat(((ManifestValidationException) e).errors()).extracting(Violation::ruleId)
                        .containsExactly("network-policy-peer-invalid"));
        NetworkPolicyDef outside = networkPolicy("web").isolate(WEB).allowIngress(cidr("10.0.0.0/8", "192.168.0.0/16"));
        assertThatThrownBy(outside::build).isInstanceOf(ManifestValidationException.class)
                .hasMessageContaining("spec.ingress[0].from[0].ipBlock.except[0] must be a CIDR strictly inside"
                        + " 10.0.0.0/8")
                .hasMessageContaining("but was: \"192.168.0.0/16\"");
    }

    @Test
    void bad_arguments_fail_at_once() {
        assertThatThrownBy(() -> tcp(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tcp port must be between 1 and 65535 but was: 0");
        assertThatThrownBy(() -> udp("DNS_")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("udp port must be an IANA service name");
        assertThatThrownBy(() -> tcp("http").upTo(90)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endPort may only be set with a numeric port but was: \"http\"");
        assertThatThrownBy(() -> tcp(8080).upTo(80)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endPort must be greater than or equal to port 8080 but was: 80");
        assertThatThrownBy(() -> namespaceNamed("Ops")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("namespace must be a DNS-1123 label");
        assertThatThrownBy(() -> networkPolicy("web").allowIngress(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from must not be null");
        assertThatThrownBy(() -> podsOf(configMap("c").build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Service can select a Deployment, StatefulSet, DaemonSet, ReplicaSet or Pod but was:"
                        + " ConfigMap \"c\"");
        assertThat(tcp(8000).upTo(8080)).hasToString("TCP/8000-8080");
        assertThat(podsOf(DB)).hasToString("pods of Deployment \"db\"");
    }

    @Test
    void the_escape_hatch_sees_the_rendered_rules() {
        NetworkPolicy np = networkPolicy("web").isolate(WEB).allowIngress(podsOf(GATEWAY), tcp("http"))
                .customize(b -> b.editSpec().editFirstIngress().editFirstPort()
                        .withPort(new io.fabric8.kubernetes.api.model.IntOrString(8080)).endPort().endIngress().endSpec())
                .build();
        assertThat(np.getSpec().getIngress().get(0).getPorts().get(0).getPort().getIntVal()).isEqualTo(8080);
        NetworkPolicyDef brokenByHatch = networkPolicy("web").isolate(WEB).allowIngress(podsOf(GATEWAY), tcp("http"))
                .customize(b -> b.editSpec().editFirstIngress().editFirstPort().withProtocol("SCTP").endPort()
                        .endIngress().endSpec());
        assertThatThrownBy(brokenByHatch::build).as("what the escape hatch sets is validated too")
                .isInstanceOf(ManifestValidationException.class).hasMessageContaining("must name a SCTP container port");
        NetworkPolicyDef base = networkPolicy("web").isolate(WEB);
        assertThat(base.allowIngress(anywhere()).build().getSpec().getIngress()).hasSize(1);
        assertThat(base.build().getSpec().getIngress()).as("the base is unchanged").isEmpty();
    }
}
