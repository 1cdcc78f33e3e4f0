package dev.kubefluent.core.rollout;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Replaces the values of the Secrets a rollout handles with {@code <redacted>} in every text the engine reports:
 * messages, container logs and Events may echo them (a container printing its environment, an API server quoting a
 * value back), and Kubefluent never prints a Secret's value.
 */
final class Redactor {

    /** Values shorter than this are not searched for: they would redact ordinary words. */
    private static final int MIN_LENGTH = 4;

    private final List<String> values;

    private Redactor(List<String> values) {
        this.values = values;
    }

    static Redactor of(Collection<? extends HasMetadata> objects) {
        TreeSet<String> found = new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
        for (HasMetadata o : objects) {
            if (o instanceof Secret s) {
                add(s.getStringData(), false, found);
                add(s.getData(), true, found);
            }
        }
        return new Redactor(List.copyOf(found));
    }

    private static void add(Map<String, String> map, boolean base64, TreeSet<String> into) {
        if (map == null) {
            return;
        }
        for (String v : map.values()) {
            if (v == null) {
                continue;
            }
            if (v.length() >= MIN_LENGTH) {
                into.add(v);
            }
            if (base64) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8);
                    if (decoded.length() >= MIN_LENGTH) {
                        into.add(decoded);
                    }
                } catch (IllegalArgumentException notBase64) {
                    // the raw value is still redacted
                }
            } else {
                into.add(Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    String apply(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String out = text;
        for (String v : values) {
            out = out.replace(v, ManifestDiff.REDACTED);
        }
        return out;
    }

    PodProblem apply(PodProblem p) {
        if (values.isEmpty()) {
            return p;
        }
        return new PodProblem(p.pod(), p.container(), p.reason(), apply(p.message()), p.restarts(),
                p.logTail().stream().map(this::apply).toList(), p.events().stream().map(this::apply).toList());
    }
}
