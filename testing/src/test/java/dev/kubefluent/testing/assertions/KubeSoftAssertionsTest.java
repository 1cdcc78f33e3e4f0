package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.NAME_LABEL;
import static dev.kubefluent.testing.assertions.Fixtures.svc;
import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.error.ShouldContainResource.shouldContainResource;
import static dev.kubefluent.testing.assertions.error.ShouldHaveContainer.shouldHaveContainer;
import static dev.kubefluent.testing.assertions.error.ShouldHaveRolloutStatus.shouldHaveRolloutStatus;
import static dev.kubefluent.testing.assertions.error.ShouldHaveImage.shouldHaveImage;
import static dev.kubefluent.testing.assertions.error.ShouldHaveLabel.shouldHaveLabel;
import static dev.kubefluent.testing.assertions.error.ShouldHaveReplicas.shouldHaveReplicas;
import static dev.kubefluent.testing.assertions.error.ShouldHaveResourceQuantity.shouldHaveResourceQuantity;
import static dev.kubefluent.testing.assertions.error.ShouldRoutePort.shouldRoutePort;
import static org.assertj.core.api.BDDAssertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.rollout.RolloutResult;
import dev.kubefluent.core.rollout.RolloutStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("KubeSoftAssertions")
class KubeSoftAssertionsTest {

    private final Deployment web = web();
    private final ResourceRef webRef = ResourceRef.of(web);

    @Test
    @DisplayName("collects every failure, in order, and reports them together")
    void collects_every_failure() {
        // GIVEN
        KubeSoftAssertions softly = new KubeSoftAssertions();
        Service svc = svc();
        // WHEN
        softly.assertThat(web).hasReplicas(2).hasContainer("web").hasLabel(NAME_LABEL, "api");
        softly.assertThat(svc).routesPort(443, "https");
        // THEN
        then(softly.errorsCollected()).extracting(KubeSoftAssertionsTest::withoutLocation).containsExactly(
                shouldHaveReplicas(webRef, "spec.replicas", 2, 3).create(),
                shouldHaveLabel(webRef, "metadata.labels", NAME_LABEL, "api", Map.of(NAME_LABEL, "web")).create(),
                shouldRoutePort(ResourceRef.of(svc), "spec.ports", "443 -> https",
                        List.of("80 -> http", "9090 -> 9090")).create());
        AssertionError error = catchThrowableOfType(AssertionError.class, softly::assertAll);
        then(error).hasMessageContaining("Multiple Failures (3 failures)");
    }

    @Test
    @DisplayName("keeps a container reached by navigation soft")
    void navigation_is_soft() {
        // GIVEN
        KubeSoftAssertions softly = new KubeSoftAssertions();
        // WHEN
        softly.assertThat(web).container("web").hasImage("nginx:1.27").hasCpuRequest("500m").exposesPort("http", 8080);
        // THEN
        then(softly.errorsCollected()).extracting(KubeSoftAssertionsTest::withoutLocation).containsExactly(
                shouldHaveImage(webRef, "spec.template.spec.containers[0].image", "nginx:1.27", "ghcr.io/acme/web:1.4.2")
                        .create(),
                shouldHaveResourceQuantity(webRef, "spec.template.spec.containers[0].resources.requests.cpu", "500m",
                        "250m").create());
    }

    @Test
    @DisplayName("reports a missing container once and goes on with the next assertion")
    void missing_container_is_reported_once() {
        // GIVEN
        KubeSoftAssertions softly = new KubeSoftAssertions();
        // WHEN
        softly.assertThat(web).container("worker").hasImage("nginx:1.27").hasReadinessProbe();
        softly.assertThat(web).hasReplicas(4);
        // THEN
        then(softly.errorsCollected()).extracting(KubeSoftAssertionsTest::withoutLocation).containsExactly(
                shouldHaveContainer(webRef, "spec.template.spec.containers", "worker", List.of("web", "proxy")).create(),
                shouldHaveReplicas(webRef, "spec.replicas", 4, 3).create());
    }

    @Test
    @DisplayName("passes assertSoftly when every assertion holds")
    void assert_softly_passes() {
        // WHEN
        Throwable thrown = catchThrowableOfType(Throwable.class, () -> KubeSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(web).hasReplicas(3).container("web").hasImage("ghcr.io/acme/web:1.4.2");
            softly.assertThat(svc()).selects(web).routesPort(80, "http");
        }));
        // THEN
        then(thrown).isNull();
    }

    @Test
    @DisplayName("fails assertSoftly with every collected failure")
    void assert_softly_fails_with_all_failures() {
        // WHEN
        AssertionError error = catchThrowableOfType(AssertionError.class, () -> KubeSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(web).hasReplicas(1);
            softly.assertThat(web).container("proxy").hasImage("envoy");
        }));
        // THEN
        then(error).hasMessageContaining(shouldHaveReplicas(webRef, "spec.replicas", 1, 3).create())
                .hasMessageContaining(shouldHaveImage(webRef, "spec.template.spec.containers[1].image", "envoy",
                        "envoyproxy/envoy:v1.31.0").create());
    }

    @Test
    @DisplayName("keeps a deployment reached from a manifest set soft, and covers every entry point")
    void manifest_set_navigation_and_other_entry_points_are_soft() {
        // GIVEN
        KubeSoftAssertions softly = new KubeSoftAssertions();
        ManifestSet set = ManifestSet.of(web, svc());
        RolloutResult rolledBack = Rollouts.result(RolloutStatus.ROLLED_BACK, "ImagePullBackOff", 2);
        // WHEN
        softly.assertThat(set).deployment("web").hasReplicas(2).container("web").hasImage("nginx:1.27");
        softly.assertThat(set).deployment("api").hasReplicas(1);
        softly.assertThat(rolledBack).succeeded().hasMessageContaining("ImagePullBackOff");
        softly.assertThat(set.validationReport()).hasNoErrors();
        softly.assertThat(Fixtures.pod()).hasContainer("proxy");
        softly.assertThat(Fixtures.db()).hasReplicas(2);
        softly.assertThat(Fixtures.agent()).hasContainer("agent");
        softly.assertThat(Fixtures.webContainer()).hasImage("ghcr.io/acme/web:1.4.2");
        // THEN
        then(softly.errorsCollected()).extracting(KubeSoftAssertionsTest::withoutLocation).containsExactly(
                shouldHaveReplicas(webRef, "spec.replicas", 2, 3).create(),
                shouldHaveImage(webRef, "spec.template.spec.containers[0].image", "nginx:1.27", "ghcr.io/acme/web:1.4.2")
                        .create(),
                shouldContainResource(ResourceRef.of("Deployment", null, "api"), set.refs()).create(),
                shouldHaveRolloutStatus("the rollout of release \"shop\"", RolloutStatus.SUCCEEDED,
                        RolloutStatus.ROLLED_BACK, "ImagePullBackOff").create(),
                shouldHaveContainer(ResourceRef.of(Fixtures.pod()), "spec.containers", "proxy", List.of("web")).create());
    }

    /** Soft assertions append the line of the failed assertion, {@code at Class.method(File.java:12)}. */
    private static String withoutLocation(Throwable error) {
        String message = error.getMessage();
        int at = message.lastIndexOf(System.lineSeparator() + "at ");
        return at < 0 ? message : message.substring(0, at);
    }
}
