package dev.kubefluent.core.validate;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.internal.ManifestSetAccess;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates manifests against the rules of a target Kubernetes version.
 *
 * <p>Layer 1 holds the API server's own rules for each kind, layer 2 the cross-resource rules inside a set, and
 * layer 3 the opt-in {@link Profile policy profiles}. The DSL's {@code build()} calls this same validator.
 *
 * <pre>{@code
 * ValidationReport report = Validator.builder()
 *         .targetVersion(KubeVersion.of(1, 30))
 *         .profile(Profile.POD_SECURITY_RESTRICTED)
 *         .build()
 *         .validate(set);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Validator {

    private final KubeVersion targetVersion;
    private final Set<Profile> profiles;
    private final boolean strict;
    private final Settings settings;

    private Validator(Builder b) {
        this.targetVersion = b.targetVersion;
        this.profiles = b.profiles.isEmpty() ? Set.of() : Set.copyOf(b.profiles);
        this.strict = b.strict;
        this.settings = new Settings(b.targetVersion, b.strict, b.sources, b.profiles, b.suppressed, b.suppressedFor);
    }

    private static final Validator DEFAULTS = builder().build();

    /**
     * Returns the default validator: layers 1 and 2 for Kubernetes {@link KubeVersion#DEFAULT}. It is one shared,
     * immutable instance; a {@link ManifestSet} remembers its report, so validating, rendering and rolling out the same
     * set validates it once.
     *
     * @return the default validator
     */
    public static Validator defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a validator with only the rules a real API server enforces (source {@link RuleSource#API_SERVER}).
     * The simulated cluster uses it on every write.
     *
     * @param version the target Kubernetes version; must not be {@code null}
     * @return the validator
     */
    public static Validator apiServer(KubeVersion version) {
        return builder().targetVersion(version).sources(RuleSource.API_SERVER).build();
    }

    /** @return a new builder with the defaults: Kubernetes 1.32, layers 1 and 2, not strict */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates every resource of a set, and the references between them.
     *
     * @param set the manifests; must not be {@code null}
     * @return the report, possibly empty
     */
    public ValidationReport validate(ManifestSet set) {
        if (set == null) {
            throw new IllegalArgumentException("set must not be null");
        }
        ManifestSetAccess.Accessor access = ManifestSetAccess.get();
        if (this == DEFAULTS) {
            return access.defaultReport(set, () -> validateSet(set, access));
        }
        return validateSet(set, access);
    }

    /** Validates the set's shared decoded resources, which the rules only read. */
    private ValidationReport validateSet(ManifestSet set, ManifestSetAccess.Accessor access) {
        List<Violation> out = validateInto(access.views(set));
        if (settings.layer2()) {
            out.addAll(set.sourceFindings());
        }
        return report(out);
    }

    /**
     * Validates resources as one set, like {@link #validate(ManifestSet)}, without building a {@link ManifestSet}
     * first: for callers that already hold the objects, such as a renderer or a simulated API server.
     *
     * <pre>{@code
     * ValidationReport report = Validator.defaults().validateAll(List.of(deployment, service));
     * }</pre>
     *
     * @param resources the manifests; must not be {@code null}; {@code null} elements are skipped
     * @return the report, possibly empty
     */
    public ValidationReport validateAll(Collection<? extends HasMetadata> resources) {
        if (resources == null) {
            throw new IllegalArgumentException("resources must not be null");
        }
        return report(validateInto(new ArrayList<>(resources)));
    }

    private List<Violation> validateInto(List<? extends HasMetadata> resources) {
        List<Violation> out = new ArrayList<>();
        List<HasMetadata> present = new ArrayList<>(resources.size());
        for (HasMetadata r : resources) {
            if (r != null) {
                present.add(r);
            }
        }
        if (!settings.layer2() && !settings.anyProfile()) {
            for (HasMetadata r : present) {
                single(r, out);
            }
            return out;
        }
        // each resource's own rules, then at once its references, while its objects are still in the cache
        SetRules references = new SetRules(present, settings);
        for (HasMetadata r : present) {
            single(r, out);
            references.check(r);
        }
        references.finish(out);
        return out;
    }

    private void single(HasMetadata resource, List<Violation> out) {
        Findings f = new Findings(resource, settings, out);
        Layer1.check(f, resource);
        if (settings.anyProfile()) {
            PolicyRules.check(f, resource);
        }
    }

    private static ValidationReport report(List<Violation> out) {
        if (out.size() > 1) {
            out.sort(Comparator.comparing(Violation::severity));
        }
        return new ValidationReport(out);
    }

    /**
     * Validates one resource on its own (layers 1 and 3; cross-resource rules need a set).
     *
     * @param resource the manifest; must not be {@code null}
     * @return the report, possibly empty
     */
    public ValidationReport validate(HasMetadata resource) {
        if (resource == null) {
            throw new IllegalArgumentException("resource must not be null");
        }
        List<Violation> out = new ArrayList<>();
        single(resource, out);
        return report(out);
    }

    /**
     * Validates an update as the API server does on UPDATE, PATCH and server-side apply: the updated object must be
     * valid on its own (layer 1, and layer 3 when a profile is on), and it may not change a field that is immutable
     * once the object exists. For example {@code spec.selector} of a Deployment, ReplicaSet, DaemonSet or StatefulSet;
     * a StatefulSet's spec other than replicas, ordinals, template, updateStrategy,
     * persistentVolumeClaimRetentionPolicy and minReadySeconds; a Job's selector, template and completions; a
     * Service's {@code clusterIP}/{@code clusterIPs} and primary IP family; the data of a ConfigMap or Secret marked
     * {@code immutable: true}; a Secret's type; a PersistentVolumeClaim's spec; a binding's {@code roleRef}; and every
     * object's name and namespace.
     *
     * <p>Each such violation has the path of the immutable field, as the API server reports it (e.g.
     * {@code spec.template}), and its message shows the first value inside that differs, before and after, e.g.
     * {@code Job "migrate": spec.template is immutable: spec.template.spec.containers[0].image must stay "db:1" but
     * was: "db:2"}. A Secret's values are never shown, only its changed keys. An update that leaves a server-assigned
     * field unset (a Service's {@code clusterIP}, a defaulted StatefulSet field) does not change it. A build tool can
     * compare a manifest against the last released one the same way.
     *
     * <pre>{@code
     * ValidationReport report = Validator.apiServer(KubeVersion.DEFAULT).validateUpdate(live, updated);
     * report.throwIfErrors();
     * }</pre>
     *
     * @param live    the object as it is now (in the cluster, or as last released); must not be {@code null}
     * @param updated the object as the update would leave it; must not be {@code null}, and of the same kind
     * @return the report, possibly empty
     * @throws IllegalArgumentException if an argument is {@code null} or the two objects are of different kinds
     */
    public ValidationReport validateUpdate(HasMetadata live, HasMetadata updated) {
        if (live == null || updated == null) {
            throw new IllegalArgumentException((live == null ? "live" : "updated") + " must not be null");
        }
        if (live.getClass() != updated.getClass() || !java.util.Objects.equals(live.getKind(), updated.getKind())) {
            throw new IllegalArgumentException("updated must be of the same kind as live (" + live.getKind()
                    + ") but was: " + updated.getKind());
        }
        List<Violation> out = new ArrayList<>();
        single(updated, out);
        UpdateRules.check(new Findings(updated, settings, out), live, updated);
        return report(out);
    }

    /** @return the Kubernetes version whose rules apply */
    public KubeVersion targetVersion() {
        return targetVersion;
    }

    /** @return the enabled policy profiles */
    public Set<Profile> profiles() {
        return profiles;
    }

    /** @return whether missing references are errors rather than warnings */
    public boolean isStrict() {
        return strict;
    }

    /**
     * Configures a {@link Validator}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private KubeVersion targetVersion = KubeVersion.DEFAULT;
        private final Set<Profile> profiles = EnumSet.noneOf(Profile.class);
        private boolean strict;
        private final Set<RuleSource> sources = EnumSet.allOf(RuleSource.class);
        private final Set<Rule> suppressed = EnumSet.noneOf(Rule.class);
        private final Map<ResourceRef, Set<Rule>> suppressedFor = new HashMap<>();

        private Builder() {
        }

        /**
         * Turns off policy rules (layer 3) for every resource, e.g. {@code suppress("image-not-pinned")}. The API
         * server's rules and the cross-resource rules cannot be suppressed.
         *
         * @param ruleIds the ids of layer-3 rules; must not be {@code null}
         * @return this builder for method chaining
         * @throws IllegalArgumentException if an id is unknown or names a rule that cannot be suppressed
         */
        public Builder suppress(String... ruleIds) {
            for (String id : ruleIds) {
                suppressed.add(suppressible(id));
            }
            return this;
        }

        /**
         * Turns off policy rules (layer 3) for one resource, like the annotation
         * {@code kubefluent.dev/ignore: rule-id[,rule-id]} on that resource.
         *
         * @param resource the resource, as kind, namespace and name; must not be {@code null}
         * @param ruleIds  the ids of layer-3 rules; must not be {@code null}
         * @return this builder for method chaining
         * @throws IllegalArgumentException if an id is unknown or names a rule that cannot be suppressed
         */
        public Builder suppress(ResourceRef resource, String... ruleIds) {
            if (resource == null) {
                throw new IllegalArgumentException("resource must not be null");
            }
            for (String id : ruleIds) {
                suppressedFor.computeIfAbsent(resource, k -> EnumSet.noneOf(Rule.class)).add(suppressible(id));
            }
            return this;
        }

        private static Rule suppressible(String id) {
            Rule rule = id == null ? null : Rule.byId(id);
            if (rule == null) {
                throw new IllegalArgumentException("rule id must name a known rule but was: "
                        + (id == null ? "null" : "\"" + id + "\""));
            }
            if (rule.layer() != 3) {
                throw new IllegalArgumentException("rule id must name a policy (layer 3) rule, "
                        + "API-server and cross-resource rules cannot be suppressed, but was: \"" + id + "\"");
            }
            return rule;
        }

        /**
         * Sets the Kubernetes version whose rules apply.
         *
         * @param version the version; must not be {@code null}
         * @return this builder for method chaining
         */
        public Builder targetVersion(KubeVersion version) {
            if (version == null) {
                throw new IllegalArgumentException("targetVersion must not be null");
            }
            this.targetVersion = version;
            return this;
        }

        /**
         * Enables policy profiles (layer 3).
         *
         * @param profiles the profiles to add
         * @return this builder for method chaining
         */
        public Builder profile(Profile... profiles) {
            for (Profile p : profiles) {
                if (p == null) {
                    throw new IllegalArgumentException("profile must not be null");
                }
                this.profiles.add(p);
            }
            return this;
        }

        /**
         * Makes references to objects missing from the set errors instead of warnings.
         *
         * @param strict {@code true} for strict mode
         * @return this builder for method chaining
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * Keeps only the rules of the given sources.
         *
         * @param sources the sources to keep; at least one
         * @return this builder for method chaining
         */
        public Builder sources(RuleSource... sources) {
            if (sources.length == 0) {
                throw new IllegalArgumentException("sources must not be empty");
            }
            this.sources.clear();
            for (RuleSource s : sources) {
                if (s == null) {
                    throw new IllegalArgumentException("source must not be null");
                }
                this.sources.add(s);
            }
            return this;
        }

        /** @return the validator */
        public Validator build() {
            return new Validator(this);
        }
    }
}
