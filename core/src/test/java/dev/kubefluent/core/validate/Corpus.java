package dev.kubefluent.core.validate;

import dev.kubefluent.core.ManifestSet;
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
 * {@code # profile:}, {@code # strict:}.
 */
final class Corpus {

    record Case(String file, Map<String, String> header, ManifestSet set) {
        String rule() {
            return header.get("rule");
        }

        String path() {
            return header.get("path");
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
            return new Case(file.getFileName().toString(), header, ManifestSet.parseYaml(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
