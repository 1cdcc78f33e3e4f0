package dev.kubefluent.core.validate;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The immutable configuration of a {@link Validator}, as the rules see it. */
final class Settings {

    final KubeVersion version;
    final boolean strict;
    private final Set<RuleSource> sources;
    private final Set<Profile> profiles;
    private final Set<Rule> suppressedEverywhere;
    private final Map<ResourceRef, Set<Rule>> suppressedFor;

    Settings(KubeVersion version, boolean strict, Set<RuleSource> sources, Set<Profile> profiles,
            Set<Rule> suppressedEverywhere, Map<ResourceRef, Set<Rule>> suppressedFor) {
        this.version = version;
        this.strict = strict;
        this.sources = sources.isEmpty() ? EnumSet.noneOf(RuleSource.class) : EnumSet.copyOf(sources);
        this.profiles = profiles.isEmpty() ? EnumSet.noneOf(Profile.class) : EnumSet.copyOf(profiles);
        this.suppressedEverywhere = suppressedEverywhere.isEmpty() ? Set.of() : EnumSet.copyOf(suppressedEverywhere);
        this.suppressedFor = Map.copyOf(suppressedFor);
    }

    boolean enabled(Rule rule) {
        if (!sources.contains(rule.source()) || !version.isAtLeast(rule.since())) {
            return false;
        }
        Profile p = rule.profile();
        return p == null || profileOn(p);
    }

    boolean profileOn(Profile p) {
        return profiles.contains(p)
                || p == Profile.POD_SECURITY_BASELINE && profiles.contains(Profile.POD_SECURITY_RESTRICTED);
    }

    boolean anyProfile() {
        return !profiles.isEmpty();
    }

    boolean layer2() {
        return sources.contains(RuleSource.KUBEFLUENT);
    }

    boolean suppressed(ResourceRef ref, Rule rule) {
        if (suppressedEverywhere.contains(rule)) {
            return true;
        }
        Set<Rule> forRef = suppressedFor.get(ref);
        return forRef != null && forRef.contains(rule);
    }

    static Set<String> parseIgnoreAnnotation(HasMetadata resource) {
        var meta = resource.getMetadata();
        Map<String, String> annotations = meta == null ? null : meta.getAnnotations();
        String value = annotations == null ? null : annotations.get(Findings.IGNORE_ANNOTATION);
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        for (String part : value.split(",")) {
            String id = part.trim();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }
}
