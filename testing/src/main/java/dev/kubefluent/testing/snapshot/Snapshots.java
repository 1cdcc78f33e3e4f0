package dev.kubefluent.testing.snapshot;

import static dev.kubefluent.testing.assertions.error.ShouldHaveSnapshot.shouldHaveSnapshot;
import static dev.kubefluent.testing.assertions.error.ShouldMatchSnapshot.shouldMatchSnapshot;

import dev.kubefluent.core.KubefluentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where golden files live and how they are checked: created on the first run, compared byte for byte afterwards,
 * rewritten on request.
 *
 * <pre>{@code
 * Snapshots.fromEnvironment().assertMatches("shop", set.toYaml());   // src/test/resources/__snapshots__/shop.yaml
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>The file of snapshot {@code name} is {@code <directory>/<name>.yaml}; the directory is
 *       {@value #DEFAULT_DIRECTORY} (relative to the working directory, which is the module directory under Maven)
 *       unless the system property {@value #DIRECTORY_PROPERTY} names another.</li>
 *   <li>A missing file is created and the check passes, except in CI (environment variable {@value #CI_VARIABLE} set
 *       to {@code true} or {@code 1}): there it fails and says how to create the file, so that a forgotten snapshot
 *       never passes silently.</li>
 *   <li>An existing file must equal the output byte for byte (UTF-8); otherwise the check fails with a unified diff.
 *       Values of a {@code Secret}'s {@code data} and {@code stringData} appear in the diff as
 *       {@code <redacted>}.</li>
 *   <li>With the system property {@value #UPDATE_PROPERTY}{@code =true} a differing or missing file is (re)written
 *       and the check passes, in CI too.</li>
 * </ul>
 * The environment is read once, by {@link #fromEnvironment()}; tests of tooling built on snapshots inject it with
 * {@link #from(Function, Function)} or {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class Snapshots {

    /** The system property that rewrites snapshot files when {@code true}: {@value}. */
    public static final String UPDATE_PROPERTY = "kubefluent.snapshots.update";

    /** The system property that overrides the snapshot directory: {@value}. */
    public static final String DIRECTORY_PROPERTY = "kubefluent.snapshots.dir";

    /** The environment variable that CI services set to {@code true}: {@value}. */
    public static final String CI_VARIABLE = "CI";

    /** The default snapshot directory, relative to the working directory: {@value}. */
    public static final String DEFAULT_DIRECTORY = "src/test/resources/__snapshots__";

    /** The file name suffix of every snapshot: {@value}. */
    public static final String SUFFIX = ".yaml";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path directory;
    private final boolean ci;
    private final boolean update;

    private Snapshots(Path directory, boolean ci, boolean update) {
        this.directory = directory;
        this.ci = ci;
        this.update = update;
    }

    /**
     * Returns the snapshot rules of this JVM: the {@value #CI_VARIABLE} environment variable and the
     * {@value #UPDATE_PROPERTY} and {@value #DIRECTORY_PROPERTY} system properties.
     *
     * @return the rules
     */
    public static Snapshots fromEnvironment() {
        return from(System::getenv, System::getProperty);
    }

    /**
     * Returns the snapshot rules read from the given lookups instead of the real environment, for tests.
     *
     * @param environment      looks up an environment variable, returning {@code null} when unset; must not be
     *                         {@code null}
     * @param systemProperties looks up a system property, returning {@code null} when unset; must not be
     *                         {@code null}
     * @return the rules
     * @throws IllegalArgumentException if a lookup is {@code null}
     */
    public static Snapshots from(Function<String, String> environment, Function<String, String> systemProperties) {
        if (environment == null || systemProperties == null) {
            throw new IllegalArgumentException("environment and systemProperties lookups must not be null");
        }
        String dir = systemProperties.apply(DIRECTORY_PROPERTY);
        return builder()
                .directory(Path.of(dir == null || dir.isBlank() ? DEFAULT_DIRECTORY : dir))
                .ci(isCi(environment.apply(CI_VARIABLE)))
                .update(Boolean.parseBoolean(systemProperties.apply(UPDATE_PROPERTY)))
                .build();
    }

    private static boolean isCi(String value) {
        return value != null && (value.trim().toLowerCase(Locale.ROOT).equals("true") || value.trim().equals("1"));
    }

    /** @return a builder starting from the defaults: {@value #DEFAULT_DIRECTORY}, not CI, not updating */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the directory snapshot files live in */
    public Path directory() {
        return directory;
    }

    /** @return whether running in CI, where missing snapshots are never created */
    public boolean isCi() {
        return ci;
    }

    /** @return whether differing and missing snapshots are rewritten */
    public boolean isUpdate() {
        return update;
    }

    /**
     * Returns the file of a snapshot: {@code <directory>/<name>.yaml}.
     *
     * @param name the snapshot name: letters, digits, {@code .}, {@code _} and {@code -}, in {@code /}-separated
     *             segments that do not start with a dot; must not be {@code null}
     * @return the file
     * @throws IllegalArgumentException if the name is not of that form
     */
    public Path fileOf(String name) {
        if (name == null || Arrays.stream(name.split("/", -1)).anyMatch(s -> !SEGMENT.matcher(s).matches())) {
            throw new IllegalArgumentException("snapshot name must be letters, digits, '.', '_' or '-' in '/'-separated"
                    + " segments but was: " + (name == null ? "null" : "\"" + name + "\""));
        }
        return directory.resolve(name + SUFFIX);
    }

    /**
     * Checks output against its snapshot file under these rules, creating or rewriting the file where they allow.
     *
     * @param name   the snapshot name, see {@link #fileOf(String)}; must not be {@code null}
     * @param actual the output to check; must not be {@code null}
     * @return what the check did
     * @throws IllegalArgumentException if {@code name} is malformed or {@code actual} is {@code null}
     * @throws AssertionError           if the file differs (with a unified diff), or is missing in CI (with how to create it)
     * @throws KubefluentException      if the file cannot be read or written
     */
    public SnapshotOutcome assertMatches(String name, String actual) {
        Path file = fileOf(name);
        if (actual == null) {
            throw new IllegalArgumentException("actual output of snapshot \"" + name + "\" must not be null");
        }
        byte[] bytes = actual.getBytes(StandardCharsets.UTF_8);
        if (!Files.exists(file)) {
            if (ci && !update) {
                throw new AssertionError(shouldHaveSnapshot(name, file).create());
            }
            write(name, file, bytes);
            return SnapshotOutcome.CREATED;
        }
        byte[] stored = read(name, file);
        if (Arrays.equals(stored, bytes)) {
            return SnapshotOutcome.MATCHED;
        }
        if (update) {
            write(name, file, bytes);
            return SnapshotOutcome.UPDATED;
        }
        String expected = new String(stored, StandardCharsets.UTF_8);
        throw new AssertionError(shouldMatchSnapshot(name, file, UnifiedDiff.between(file.toString(), expected, actual))
                .create());
    }

    private static byte[] read(String name, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KubefluentException("snapshot \"" + name + "\": cannot read " + file + ": " + e, e);
        }
    }

    private static void write(String name, Path file, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new KubefluentException("snapshot \"" + name + "\": cannot write " + file + ": " + e, e);
        }
    }

    /** @return the directory and the CI and update flags */
    @Override
    public String toString() {
        return "Snapshots[directory=" + directory + ", ci=" + ci + ", update=" + update + "]";
    }

    /**
     * Configures {@link Snapshots} explicitly.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Path directory = Path.of(DEFAULT_DIRECTORY);
        private boolean ci;
        private boolean update;

        private Builder() {
        }

        /**
         * Sets the directory snapshot files live in.
         *
         * @param directory the directory; must not be {@code null}
         * @return this builder for method chaining
         * @throws IllegalArgumentException if {@code directory} is {@code null}
         */
        public Builder directory(Path directory) {
            if (directory == null) {
                throw new IllegalArgumentException("snapshot directory must not be null");
            }
            this.directory = directory;
            return this;
        }

        /**
         * Sets whether this is a CI run, where missing snapshots are never created.
         *
         * @param ci {@code true} for CI
         * @return this builder for method chaining
         */
        public Builder ci(boolean ci) {
            this.ci = ci;
            return this;
        }

        /**
         * Sets whether differing and missing snapshot files are rewritten.
         *
         * @param update {@code true} to rewrite
         * @return this builder for method chaining
         */
        public Builder update(boolean update) {
            this.update = update;
            return this;
        }

        /** @return the snapshot rules */
        public Snapshots build() {
            return new Snapshots(directory, ci, update);
        }
    }
}
