package dev.kubefluent.core.validate;

import dev.kubefluent.core.ManifestSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The manifests under {@code src/test/resources/corpus}, read with {@link ManifestSet#parseYaml(String)} as a user's
 * hand-written YAML would be. Each invalid file starts with header comments naming what it
 * must trigger: {@code # rule:}, {@code # path:}, optionally {@code # message:}, and settings {@code # version:},
 * {@code # profile:}, {@code # strict:}; {@code # update: true} makes the file an update, from its first document
 * (the live object) to its second.
 */
final class Corpus {

    /** One file: its header, its manifests, and for an update case the live object ({@code set} is then the update). */
    record Case(String file, Map<String, String> header, ManifestSet set, HasMetadata live) {
        String rule() {
            return header.get("rule");
        }

        String path() {
            return header.get("path");
        }

        /**
         * Validates the case: the whole set, or with {@code # update: true} an update from the first document (the
         * live object) to the second.
         */
        ValidationReport report() {
            return live == null ? validator().validate(set) : validator().validateUpdate(live, set.resources().get(0));
        }

        Validator validator() {
            Validator.Builder b = Validator.builder();
            if (header.containsKey("version")) {
                b.targetVersion(KubeVersion.parse(header.get("version")));
            }
            if (header.containsKey("profile")) {
                b.profile(Profile.valueOf(header.get("profile")));
            }
            if (header.containsKey("strict")) {
                b.strict(Boolean.parseBoolean(header.get("strict")));
            }
            return b.build();
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private Corpus() {
    }

    private static final Map<String, List<Case>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static Stream<Case> cases(String dir) {
        return CACHE.computeIfAbsent(dir, Corpus::load).stream();
    }

    private static List<Case> load(String dir) {
        Path root;
        try {
            root = Path.of(Corpus.class.getResource("/corpus/" + dir).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(Corpus::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Case read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Map<String, String> header = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                if (!line.startsWith("#")) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    header.put(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
                }
            }
            String name = file.getFileName().toString();
            if (Boolean.parseBoolean(header.get("update"))) {
                String[] documents = text.split("\n---\n");
                if (documents.length != 2) {
                    throw new IllegalStateException(name + ": an update case holds the live and the updated object");
                }
                HasMetadata live = ManifestSet.parseYaml(documents[0]).resources().get(0);
                return new Case(name, header, ManifestSet.parseYaml(documents[1]), live);
            }
            return new Case(name, header, ManifestSet.parseYaml(text), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
