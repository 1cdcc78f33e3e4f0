package dev.kubefluent.testing.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SimulatedCluster protocol errors and operations it does not simulate")
class ProtocolTest {

    static SimulatedCluster cluster;
    static KubernetesClient client;
    static HttpClient http;

    @BeforeAll
    static void start() {
        cluster = SimulatedCluster.start();
        client = cluster.client();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        client.pods().resource(new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
                .addNewContainer().withName("app").withImage("nginx:1").endContainer().endSpec().build()).create();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cluster.url() + path))
                .timeout(Duration.ofSeconds(3)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("malformed JSON is a prompt 400")
    void malformed_json() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/namespaces/default/configmaps", "application/json",
                "{\"kind\": ");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"kind\":\"Status\"").contains("not valid JSON");
    }

    @Test
    @DisplayName("an unknown media type is a prompt 415")
    void unknown_media_type() throws Exception {
        HttpResponse<String> r = send("PATCH", "/api/v1/namespaces/default/pods/p", "text/plain", "x");
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.body()).contains("UnsupportedMediaType");
    }

    @Test
    @DisplayName("a Secret posted to configmaps is a 400, an unknown resource a 404, HEAD a 405")
    void wrong_kind_and_paths() throws Exception {
        assertThat(send("POST", "/api/v1/namespaces/default/configmaps", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"}}").statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "/apis/example.com/v1/widgets", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/namespaces/default/configmaps/none", null, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("serves /version and discovery, so generic clients find the built-in resources")
    void discovery() throws Exception {
        assertThat(send("GET", "/version", null, null).body()).contains("\"gitVersion\":\"v1.");
        assertThat(send("GET", "/apis/apps/v1", null, null).body()).contains("\"name\":\"deployments\"")
                .contains("\"name\":\"deployments/scale\"");
        client.apps().deployments().resource(Fixtures.deployment("web", "nginx:1")).create();
        assertThat(client.genericKubernetesResources("apps/v1", "Deployment").withName("web").get()).isNotNull();
        assertThat(client.supports(Deployment.class)).isTrue();
    }

    @Test
    @DisplayName("exec, attach and port-forward answer at once with not simulated")
    void not_simulated() throws Exception {
        HttpResponse<String> exec = send("POST", "/api/v1/namespaces/default/pods/p/exec?command=ls", null, null);
        assertThat(exec.statusCode()).isEqualTo(501);
        assertThat(exec.body()).contains("not simulated: exec");
        assertThat(send("GET", "/api/v1/namespaces/default/pods/p/portforward", null, null).body())
                .contains("not simulated: portforward");
        assertThat(send("POST", "/api/v1/namespaces/default/pods/p/attach", null, null).body())
                .contains("not simulated: attach");
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.pods().withName("p").terminateOnError().exec("ls").exitCode()
                .get(4, java.util.concurrent.TimeUnit.SECONDS)).hasStackTraceContaining("not simulated: exec");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    @DisplayName("pods/log answers with the lines the pod behaviours define (empty by default)")
    void pod_log() {
        assertThat(client.pods().withName("p").getLog()).isEmpty();
        assertThatThrownBy(() -> client.pods().withName("missing").getLog())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                        .isEqualTo(404));
    }
}
