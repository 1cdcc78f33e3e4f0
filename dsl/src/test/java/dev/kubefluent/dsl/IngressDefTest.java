package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.validate.ManifestValidationException;
import dev.kubefluent.core.validate.Validator;
import dev.kubefluent.core.validate.Violation;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;

/** Ingress: hosts and paths to Service ports taken as objects, TLS from a TLS Secret object (issue #8). */
class IngressDefTest {

    private static final String KEY = "-----BEGIN PRIVATE KEY-----\nsupersecretkeymaterial\n";
    private static final Deployment WEB = deployment("web").namespace("shop")
            .container(container("web").image("ghcr.io/acme/web:1.4.2").port("http", 8080)).build();
    private static final Service WEB_SVC = service("web").selecting(WEB).port(80, "http").build();
    private static final Service API_SVC = service("api").namespace("shop").port("grpc", 9000, 9000).build();
    private static final Secret TLS = secret("shop-tls").namespace("shop")
            .tls("-----BEGIN CERTIFICATE-----\nMIIB\n", KEY).build();

    @Test
    void routes_hosts_and_paths_to_service_ports_and_renders_them() {
        Ingress ing = ingress("shop").ingressClassName("nginx")
                .annotation("nginx.ingress.kubernetes.io/proxy-body-size", "8m")
                .rule("shop.example.com", path("/").to(WEB_SVC, "http"), path("/api").to(API_SVC, 9000))
                .rule("shop.example.com", path("/login").exact().to(WEB_SVC, 80))
                .rule(path("/metrics").implementationSpecific().to(WEB_SVC, "http"))
                .tls(TLS, "shop.example.com")
                .build();
        assertThat(ing.getApiVersion()).isEqualTo("networking.k8s.io/v1");
        assertThat(ing.getMetadata().getNamespace()).as("the Services' namespace").isEqualTo("shop");
        assertThat(ing.getSpec().getRules()).as("same host, one rule").hasSize(2);
        assertThat(ing.getSpec().getRules().get(0).getHttp().getPaths()).hasSize(3);

        String yaml = ManifestSet.of(ing).toYaml();
        assertThat(yaml).isEqualTo("""
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: shop
                  namespace: shop
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: shop
                  annotations:
                    nginx.ingress.kubernetes.io/proxy-body-size: 8m
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - backend:
                          service:
                            name: web
                            port:
                              name: http
                        path: /
                        pathType: Prefix
                      - backend:
                          service:
                            name: api
                            port:
                              number: 9000
                        path: /api
                        pathType: Prefix
                      - backend:
                          service:
                            name: web
                            port:
                              number: 80
                        path: /login
                        pathType: Exact
                  - http:
                      paths:
                      - backend:
                          service:
                            name: web
                            port:
                              name: http
                        path: /metrics
                        pathType: ImplementationSpecific
                  tls:
                  - hosts:
                    - shop.example.com
                    secretName: shop-tls
                """);
        assertThat(yaml).doesNotContain("supersecret");
        assertThat(ManifestSet.of(WEB, WEB_SVC, API_SVC, TLS, ing).validationReport().violations()).isEmpty();
    }

    @Test
    void default_backend_and_the_escape_hatch() {
        Ingress ing = ingress("fallback").defaultBackend(WEB_SVC, "http")
                .customize(b -> b.editSpec().addNewRule().withHost("old.example.com").endRule().endSpec())
                .build();
        assertThat(ing.getSpec().getDefaultBackend().getService().getName()).isEqualTo("web");
        assertThat(ing.getSpec().getDefaultBackend().getService().getPort().getName()).isEqualTo("http");
        assertThat(ing.getSpec().getRules()).extracting(r -> r.getHost()).containsExactly("old.example.com");
        assertThat(ing.getMetadata().getNamespace()).isEqualTo("shop");
    }

    @Test
    void a_port_the_service_does_not_expose_fails_at_build_time() {
        IngressDef byNumber = ingress("shop").rule("shop.example.com", path("/").to(WEB_SVC, 8080));
        assertThatThrownBy(byNumber::build).isInstanceOf(ManifestValidationException.class)
                .hasMessageContaining("Ingress \"shop\": spec.rules[0].http.paths[0].backend.service.port.number must"
                        + " be a port of Service \"web\" but was: 8080")
                .satisfies(e -> assertThat(((ManifestValidationException) e).errors()).extracting(Violation::ruleId)
                        .containsExactly("ingress-service-port-missing"));
        IngressDef byName = ingress("shop").defaultBackend(API_SVC, "http");
        assertThatThrownBy(byName::build).isInstanceOf(ManifestValidationException.class)
                .hasMessageContaining("Ingress \"shop\": spec.defaultBackend.service.port.name must be a port of"
                        + " Service \"api\" but was: \"http\"");
    }

    @Test
    void a_service_in_another_namespace_fails_at_build_time() {
        IngressDef elsewhere = ingress("shop").namespace("other").rule(path("/").to(WEB_SVC, "http"));
        assertThatThrownBy(elsewhere::build).isInstanceOf(ManifestValidationException.class)
                .hasMessageContaining("Ingress \"shop\": spec.rules[0].http.paths[0].backend.service.name must name a"
                        + " Service of the set but was: \"web\"");
    }

    @Test
    void a_backend_added_by_name_in_the_escape_hatch_is_left_to_the_set_validation() {
        Ingress ing = ingress("shop").rule(path("/").to(WEB_SVC, "http"))
                .customize(b -> b.editSpec().editFirstRule().editHttp().addNewPath().withPath("/legacy")
                        .withPathType("Prefix").withNewBackend().withNewService().withName("legacy")
                        .withNewPort().withNumber(80).endPort().endService().endBackend().endPath().endHttp()
                        .endRule().endSpec())
                .build();
        assertThat(ing.getSpec().getRules().get(0).getHttp().getPaths()).hasSize(2);
        assertThat(Validator.builder().strict(true).build().validate(ManifestSet.of(WEB, WEB_SVC, ing)).errors())
                .extracting(Violation::message)
                .containsExactly("Ingress \"shop\": spec.rules[0].http.paths[1].backend.service.name must name a"
                        + " Service of the set but was: \"legacy\"");
    }

    @Test
    void the_set_validator_reports_a_missing_service_and_a_missing_port() {
        Ingress ing = ingress("shop").rule(path("/").to(WEB_SVC, "http"), path("/api").to(API_SVC, 9000)).build();
        Service apiWithoutGrpc = service("api").namespace("shop").port("rest", 8080, 8080).build();
        var report = Validator.defaults().validate(ManifestSet.of(WEB, WEB_SVC, apiWithoutGrpc, ing));
        assertThat(report.violations()).extracting(Violation::ruleId, Violation::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ingress-service-port-missing", "Ingress \"shop\": spec.rules[0]"
                        + ".http.paths[1].backend.service.port.number must be a port of Service \"api\" but was: 9000"));
        var missing = Validator.defaults().validate(ManifestSet.of(WEB, ing));
        assertThat(missing.warnings()).extracting(Violation::ruleId)
                .containsExactly("ingress-service-missing", "ingress-service-missing");
        assertThat(Validator.builder().strict(true).build().validate(ManifestSet.of(WEB, ing)).errors())
                .extracting(Violation::path).containsExactly("spec.rules[0].http.paths[0].backend.service.name",
                        "spec.rules[0].http.paths[1].backend.service.name");
    }

    @Test
    void tls_takes_a_tls_secret_in_the_same_namespace_and_never_prints_its_key() {
        Secret opaque = secret("db").namespace("shop").stringData("password", "hunter2hunter2").build();
        assertThatThrownBy(() -> ingress("shop").tls(opaque, "shop.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tls secret must be of type kubernetes.io/tls (build it with secret(..).tls(certificate,"
                        + " key)) but was: Secret \"db\" of type Opaque (unset)")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ingress("shop").tls(TLS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tls hosts must not be empty (name the hosts the certificate covers)");
        IngressDef crossNamespace = ingress("shop").namespace("other").tls(TLS, "shop.example.com")
                .defaultBackend(service("web").namespace("other").port(80).build(), 80);
        assertThatThrownBy(crossNamespace::build).isInstanceOf(ManifestValidationException.class)
                .hasMessageContaining("Ingress \"shop\": spec.tls[0].secretName must name a Secret of the set in the"
                        + " Ingress's namespace but was: \"shop-tls\"")
                .hasMessageNotContaining("supersecret");
        assertThat(crossNamespace.toString()).doesNotContain("supersecret");
        ManifestValidationException e = catchThrowableOfType(ManifestValidationException.class, crossNamespace::build);
        assertThat(e.errors()).extracting(v -> v.ruleId()).containsExactly("ingress-tls-secret-missing");
    }

    @Test
    void a_tls_entry_added_by_name_through_customize_is_left_to_the_validation_of_the_set() {
        Ingress ing = ingress("shop").namespace("shop").defaultBackend(WEB_SVC, "http")
                .customize(b -> b.editSpec().addNewTl().withSecretName("elsewhere").withHosts("a.example.com")
                        .endTl().endSpec())
                .build();

        assertThat(ing.getSpec().getTls()).extracting(t -> t.getSecretName()).containsExactly("elsewhere");
        assertThat(ManifestSet.of(WEB, WEB_SVC, ing).validationReport().warnings())
                .extracting(v -> v.ruleId() + " " + v.path())
                .containsExactly("ingress-tls-secret-missing spec.tls[0].secretName");
    }

    @Test
    void bad_arguments_fail_at_once() {
        assertThatThrownBy(() -> path("api")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ingress path must be an absolute path such as \"/ready\" but was: \"api\"");
        assertThatThrownBy(() -> ingress("shop").rule("10.0.0.1", path("/").to(WEB_SVC, 80)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule host must be a DNS name such as \"shop.example.com\" or a wildcard such as"
                        + " \"*.example.com\", not an IP address, but was: \"10.0.0.1\"");
        assertThatThrownBy(() -> ingress("shop").rule("shop.example.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("paths must not be empty (add path(\"/\").to(service, port))");
        assertThatThrownBy(() -> path("/").to(WEB_SVC, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("service port must be between 1 and 65535 but was: 0");
        assertThatThrownBy(() -> ingress("Shop")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Ingress name must be a DNS-1123 subdomain");
        assertThat(ingress("shop").rule("*.example.com", path("/").to(WEB_SVC, 80)).build().getSpec().getRules()
                .get(0).getHost()).isEqualTo("*.example.com");
    }

    @Test
    void a_path_the_api_server_rejects_fails_at_build_time() {
        IngressDef doubleSlash = ingress("shop").rule(path("/a//b").to(WEB_SVC, 80));
        assertThatThrownBy(doubleSlash::build).isInstanceOf(ManifestValidationException.class)
                .hasMessageContaining("Ingress \"shop\": spec.rules[0].http.paths[0].path must not contain '//', '/./'"
                        + " or '/../' but was: \"/a//b\"");
    }

    @Test
    void builders_are_reusable_bases() {
        IngressDef base = ingress("shop").rule("shop.example.com", path("/").to(WEB_SVC, "http"));
        Ingress more = base.rule("admin.example.com", path("/").to(WEB_SVC, "http")).build();
        assertThat(base.build().getSpec().getRules()).hasSize(1);
        assertThat(more.getSpec().getRules()).hasSize(2);
        assertThat(base.build()).isEqualTo(base.build()).isNotSameAs(base.build());
    }
}
