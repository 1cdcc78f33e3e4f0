package dev.kubefluent.testing.snapshot;

import static dev.kubefluent.testing.assertions.error.ShouldHaveSnapshot.shouldHaveSnapshot;
import static dev.kubefluent.testing.assertions.error.ShouldMatchSnapshot.shouldMatchSnapshot;
import static org.assertj.core.api.BDDAssertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Snapshots")
class SnapshotsTest {

    private static final String V1 = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  mode: blue\n";
    private static final String V2 = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  mode: green\n";

    @TempDir
    Path dir;

    private Snapshots local() {
        return Snapshots.builder().directory(dir).build();
    }

    @Test
    @DisplayName("creates a missing snapshot on the first run, outside CI")
    void creates_missing_snapshot() throws IOException {
        // WHEN
        SnapshotOutcome outcome = local().assertMatches("shop", V1);
        // THEN
        then(outcome).isEqualTo(SnapshotOutcome.CREATED);
        then(Files.readString(dir.resolve("shop.yaml"))).isEqualTo(V1);
    }

    @Test
    @DisplayName("creates the directories of a nested snapshot name")
    void creates_nested_directories() {
        // WHEN
        SnapshotOutcome outcome = local().assertMatches("shop/prod", V1);
        // THEN
        then(outcome).isEqualTo(SnapshotOutcome.CREATED);
        then(dir.resolve("shop/prod.yaml")).hasContent(V1);
    }

    @Test
    @DisplayName("passes when the stored snapshot is byte for byte the output")
    void matches_identical_snapshot() throws IOException {
        // GIVEN
        Files.writeString(dir.resolve("shop.yaml"), V1);
        // WHEN
        SnapshotOutcome outcome = local().assertMatches("shop", V1);
        // THEN
        then(outcome).isEqualTo(SnapshotOutcome.MATCHED);
    }

    @Test
    @DisplayName("fails on a mismatch with a unified diff and leaves the file alone")
    void fails_on_mismatch_with_unified_diff() throws IOException {
        // GIVEN
        Path file = dir.resolve("shop.yaml");
        Files.writeString(file, V1);
        // WHEN
        AssertionError error = catchThrowableOfType(AssertionError.class, () -> local().assertMatches("shop", V2));
        // THEN
        then(error).hasMessage(shouldMatchSnapshot("shop", file, "--- " + file + "\n"
                + "+++ actual output\n"
                + "@@ -4,4 +4,4 @@\n"
                + " metadata:\n"
                + "   name: cfg\n"
                + " data:\n"
                + "-  mode: blue\n"
                + "+  mode: green").create());
        then(file).hasContent(V1);
    }

    @Test
    @DisplayName("fails on a difference in line endings alone, and says so")
    void fails_on_line_endings() throws IOException {
        // GIVEN
        Files.writeString(dir.resolve("shop.yaml"), V1.replace("\n", "\r\n"));
        // WHEN
        AssertionError error = catchThrowableOfType(AssertionError.class, () -> local().assertMatches("shop", V1));
        // THEN
        then(error).hasMessageContaining("(the snapshot and the output differ only in line endings, CRLF versus LF)");
    }

    @Test
    @DisplayName("fails in CI when the snapshot is missing, says how to create it, and writes nothing")
    void fails_in_ci_when_missing() {
        // GIVEN
        Snapshots ci = Snapshots.from(Map.of("CI", "true")::get, Map.<String, String>of()::get);
        Snapshots inDir = Snapshots.builder().directory(dir).ci(ci.isCi()).build();
        // WHEN
        AssertionError error = catchThrowableOfType(AssertionError.class, () -> inDir.assertMatches("shop", V1));
        // THEN
        then(error).hasMessage(shouldHaveSnapshot("shop", dir.resolve("shop.yaml")).create());
        then(dir.resolve("shop.yaml")).doesNotExist();
    }

    @Test
    @DisplayName("creates a missing snapshot in CI when updating is asked for")
    void creates_in_ci_when_updating() {
        // GIVEN
        Snapshots snapshots = Snapshots.builder().directory(dir).ci(true).update(true).build();
        // WHEN
        SnapshotOutcome outcome = snapshots.assertMatches("shop", V1);
        // THEN
        then(outcome).isEqualTo(SnapshotOutcome.CREATED);
        then(dir.resolve("shop.yaml")).hasContent(V1);
    }

    @Test
    @DisplayName("rewrites a differing snapshot when updating is asked for")
    void rewrites_when_updating() throws IOException {
        // GIVEN
        Files.writeString(dir.resolve("shop.yaml"), V1);
        Snapshots snapshots = Snapshots.builder().directory(dir).update(true).build();
        // WHEN
        SnapshotOutcome outcome = snapshots.assertMatches("shop", V2);
        // THEN
        then(outcome).isEqualTo(SnapshotOutcome.UPDATED);
        then(Files.readString(dir.resolve("shop.yaml"), StandardCharsets.UTF_8)).isEqualTo(V2);
    }

    @Test
    @DisplayName("reads CI, the update flag and the directory from the injected environment")
    void reads_injected_environment() {
        // WHEN
        Snapshots snapshots = Snapshots.from(Map.of("CI", "1")::get,
                Map.of(Snapshots.UPDATE_PROPERTY, "true", Snapshots.DIRECTORY_PROPERTY, "build/snaps")::get);
        Snapshots defaults = Snapshots.from(Map.<String, String>of()::get, Map.<String, String>of()::get);
        Snapshots notCi = Snapshots.from(Map.of("CI", "false")::get, Map.<String, String>of()::get);
        // THEN
        then(snapshots.isCi()).isTrue();
        then(snapshots.isUpdate()).isTrue();
        then(snapshots.directory()).isEqualTo(Path.of("build/snaps"));
        then(defaults.isCi()).isFalse();
        then(defaults.isUpdate()).isFalse();
        then(defaults.directory()).isEqualTo(Path.of("src/test/resources/__snapshots__"));
        then(notCi.isCi()).isFalse();
    }

    @Test
    @DisplayName("rejects a snapshot name that could leave the directory")
    void rejects_bad_names() {
        thenIllegalArgumentException().isThrownBy(() -> local().fileOf("../shop"))
                .withMessage("snapshot name must be letters, digits, '.', '_' or '-' in '/'-separated segments but was:"
                        + " \"../shop\"");
        thenIllegalArgumentException().isThrownBy(() -> local().fileOf(""));
        thenIllegalArgumentException().isThrownBy(() -> local().fileOf("/abs"));
    }

    @Test
    @DisplayName("never shows a Secret's values in the diff")
    void redacts_secret_values_in_diff() throws IOException {
        // GIVEN
        String stored = "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: czNjcjN0\n"
                + "stringData:\n  token: \"hunter2\"\ntype: Opaque\n";
        String actual = stored.replace("czNjcjN0", "bmV3UGFzcw==").replace("hunter2", "swordfish");
        Path file = dir.resolve("secret.yaml");
        Files.writeString(file, stored);
        // WHEN
        AssertionError error = catchThrowableOfType(AssertionError.class, () -> local().assertMatches("secret", actual));
        // THEN
        then(error.getMessage()).doesNotContain("czNjcjN0", "bmV3UGFzcw==", "hunter2", "swordfish");
        then(error).hasMessage(shouldMatchSnapshot("secret", file, "--- " + file + "\n"
                + "+++ actual output\n"
                + "@@ -4,7 +4,7 @@\n"
                + " metadata:\n"
                + "   name: db\n"
                + " data:\n"
                + "-  password: <redacted>\n"
                + "+  password: <redacted>\n"
                + " stringData:\n"
                + "-  token: <redacted>\n"
                + "+  token: <redacted>\n"
                + " type: Opaque").create());
    }
}
