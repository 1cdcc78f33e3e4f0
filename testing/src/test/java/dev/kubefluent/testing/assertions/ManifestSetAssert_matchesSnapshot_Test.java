package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.svc;
import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldHaveSnapshot.shouldHaveSnapshot;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.render.RenderOptions;
import dev.kubefluent.testing.snapshot.Snapshots;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestSetAssert_matchesSnapshot_Test {

    @TempDir
    Path dir;

    private static Secret secret(String password) {
        return new SecretBuilder().withNewMetadata().withName("db").withNamespace("shop").endMetadata()
                .addToStringData("password", password).build();
    }

    @Test
    void should_pass_against_the_committed_snapshot() {
        // GIVEN
        ManifestSet set = ManifestSet.of(web(), svc());
        // WHEN
        ManifestSetAssert result = assertThat(set).matchesSnapshot("web-and-service");
        // THEN
        then(result).isNotNull();
        then(Path.of(Snapshots.DEFAULT_DIRECTORY, "web-and-service.yaml")).hasContent(set.toYaml());
    }

    @Test
    void should_create_the_snapshot_on_the_first_run() {
        // GIVEN
        ManifestSet set = ManifestSet.of(web(), svc());
        Snapshots snapshots = Snapshots.builder().directory(dir).build();
        // WHEN
        assertThat(set).matchesSnapshot("shop", snapshots);
        // THEN
        then(dir.resolve("shop.yaml")).hasContent(set.toYaml(RenderOptions.withoutValidation()));
    }

    @Test
    void should_fail_with_a_diff_that_hides_secret_values() throws IOException {
        // GIVEN
        Snapshots snapshots = Snapshots.builder().directory(dir).build();
        Files.writeString(dir.resolve("shop.yaml"), ManifestSet.of(web(), secret("hunter2")).toYaml());
        Deployment scaled = web();
        scaled.getSpec().setReplicas(5);
        ManifestSet changed = ManifestSet.of(scaled, secret("swordfish"));
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(changed).matchesSnapshot("shop", snapshots));
        // THEN
        then(error.getMessage()).contains("-  replicas: 3", "+  replicas: 5", "<redacted>")
                .doesNotContain("hunter2", "swordfish");
    }

    @Test
    void should_fail_in_ci_when_the_snapshot_is_missing() {
        // GIVEN
        Snapshots ci = Snapshots.builder().directory(dir).ci(true).build();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(ManifestSet.of(web())).matchesSnapshot("shop", ci));
        // THEN
        then(error).hasMessage(shouldHaveSnapshot("shop", dir.resolve("shop.yaml")).create());
    }
}
