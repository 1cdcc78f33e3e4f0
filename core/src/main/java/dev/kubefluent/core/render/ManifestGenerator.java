package dev.kubefluent.core.render;

import dev.kubefluent.core.KubefluentException;
import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ManifestSource;
import dev.kubefluent.core.validate.Formats;
import dev.kubefluent.core.validate.ManifestValidationException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes the YAML of {@link ManifestSource}s at build time: one file {@code <name>.yaml} per source.
 *
 * <p>Every set is validated first ({@link dev.kubefluent.core.validate.Validator#defaults()}); when any set has
 * errors, no file of that set is written and {@link #generate} throws one exception listing every error of every
 * source, so the build fails with the validator's messages.
 *
 * <p>Command line (the form exec-maven-plugin uses):
 * <pre>
 * java dev.kubefluent.core.render.ManifestGenerator [--output target/kubernetes] com.acme.ShopManifests [...]
 * </pre>
 *
 * @since 0.1.0
 */
public final class ManifestGenerator {

    /** The directory written to when no {@code --output} is given. */
    public static final Path DEFAULT_OUTPUT = Path.of("target", "kubernetes");

    private ManifestGenerator() {
        throw new UnsupportedOperationException("no instances");
    }

    /**
     * Runs the generator from the command line.
     *
     * @param args {@code [--output <dir>] <ManifestSource class name>...}
     * @throws KubefluentException if the arguments are wrong, a class cannot be used, or a set is invalid
     */
    public static void main(String[] args) {
        Path output = DEFAULT_OUTPUT;
        List<ManifestSource> sources = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--output")) {
                if (i + 1 >= args.length) {
                    throw new KubefluentException("--output needs a directory");
                }
                output = Path.of(args[++i]);
            } else {
                sources.add(instantiate(args[i]));
            }
        }
        if (sources.isEmpty()) {
            throw new KubefluentException(
                    "no ManifestSource given: usage: ManifestGenerator [--output <dir>] <ManifestSource class>...");
        }
        for (Path written : generate(output, sources)) {
            System.out.println("kubefluent: wrote " + written);
        }
    }

    /**
     * Validates every source's set and writes the valid ones to {@code <directory>/<name>.yaml}.
     *
     * @param directory the output directory, created when missing; must not be {@code null}
     * @param sources   the sources; must not be {@code null}
     * @return the files written, in the order of the sources
     * @throws KubefluentException if a source's name is not a DNS-1123 label, two sources share a name, or any set has
     *                             validation errors (the message lists them all)
     */
    public static List<Path> generate(Path directory, List<? extends ManifestSource> sources) {
        Objects.requireNonNull(directory, "directory must not be null");
        Objects.requireNonNull(sources, "sources must not be null");
        List<String> names = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        for (ManifestSource source : sources) {
            String name = source.name();
            if (!Formats.isDns1123Label(name)) {
                throw new KubefluentException(source.getClass().getName() + ": name() must be a DNS-1123 label"
                        + " (lower-case letters, digits and '-') but was: " + (name == null ? "null" : "\"" + name + "\""));
            }
            if (names.contains(name)) {
                throw new KubefluentException("two manifest sources are named \"" + name + "\"");
            }
            names.add(name);
            ManifestSet set = source.manifests();
            if (set == null) {
                throw new KubefluentException(source.getClass().getName() + ": manifests() returned null");
            }
            Path file = directory.resolve(name + ".yaml");
            try {
                set.writeYaml(file);
                written.add(file);
            } catch (ManifestValidationException e) {
                failures.add(name + ".yaml was not written: " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new KubefluentException("invalid manifests:\n" + String.join("\n", failures));
        }
        return List.copyOf(written);
    }

    private static ManifestSource instantiate(String className) {
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            if (!ManifestSource.class.isAssignableFrom(type)) {
                throw new KubefluentException(className + " does not implement " + ManifestSource.class.getName());
            }
            return (ManifestSource) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new KubefluentException("ManifestSource class not found: " + className, e);
        } catch (NoSuchMethodException e) {
            throw new KubefluentException(className + " needs a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new KubefluentException(className + " could not be created: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new KubefluentException(className + " could not be created: " + e, e);
        }
    }

}
