package dev.kubefluent.core.validate;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the violations of one resource: builds the house-form message and drops rules that the validator's
 * settings (sources, version, profiles, suppressions) turn off.
 */
final class Findings {

    /** The annotation that suppresses layer-3 rules for one resource. */
    static final String IGNORE_ANNOTATION = "kubefluent.dev/ignore";

    final HasMetadata resource;
    final Settings settings;
    private final List<Violation> out;
    private ResourceRef ref;
    private Set<String> ignored;

    Findings(HasMetadata resource, Settings settings, List<Violation> out) {
        this.resource = resource;
        this.settings = settings;
        this.out = out;
    }

    /** The resource's reference, computed on the first violation: most resources have none. */
    ResourceRef ref() {
        if (ref == null) {
            ref = ResourceRef.of(resource);
        }
        return ref;
    }

    KubeVersion version() {
        return settings.version;
    }

    /** Whether a rule would be reported at all; lets expensive checks be skipped. */
    boolean enabled(Rule rule) {
        if (!settings.enabled(rule)) {
            return false;
        }
        if (rule.layer() == 3) {
            return !settings.suppressed(ref(), rule) && !ignoredByAnnotation(rule);
        }
        return true;
    }

    private boolean ignoredByAnnotation(Rule rule) {
        if (ignored == null) {
            ignored = Settings.parseIgnoreAnnotation(resource);
        }
        return ignored.contains(rule.id());
    }

    /** Reports {@code <ref>: <path> <text> but was: <value>}. */
    void add(Rule rule, String path, String text, Object value) {
        addShown(rule, path, text, show(value));
    }

    /** Like {@link #add} with the value already rendered (e.g. {@code <redacted>}). */
    void addShown(Rule rule, String path, String text, String shownValue) {
        addAt(rule, path, text, shownValue, rule.since());
    }

    void addAt(Rule rule, String path, String text, String shownValue, KubeVersion since) {
        if (!enabled(rule)) {
            return;
        }
        Severity severity = rule.isMissingReference() && settings.strict ? Severity.ERROR : rule.severity();
        ResourceRef r = ref();
        String message = r + ": " + path + " " + text + " but was: " + shownValue;
        out.add(new Violation(r, path, rule.id(), severity, rule.source(), since, message, rule.hint()));
    }

    /** Renders a value for a message: strings quoted, numbers and booleans plain, quantities as written. */
    static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof IntOrString ios) {
            return ios.getIntVal() != null ? ios.getIntVal().toString() : show(ios.getStrVal());
        }
        if (value instanceof Quantity q) {
            return show(quantityText(q));
        }
        if (value instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : c) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(show(o));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(e.getKey()).append('=').append(show(e.getValue()));
            }
            return sb.append('}').toString();
        }
        return value.toString();
    }

    static String quantityText(Quantity q) {
        String amount = q.getAmount() == null ? "" : q.getAmount();
        return q.getFormat() == null ? amount : amount + q.getFormat();
    }
}
