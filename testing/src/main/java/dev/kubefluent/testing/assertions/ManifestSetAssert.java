package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.error.ShouldBeValid.shouldBeValid;
import static dev.kubefluent.testing.assertions.error.ShouldContainResource.shouldContainResource;
import static dev.kubefluent.testing.assertions.error.ShouldContainViolations.shouldContainViolations;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.render.RenderOptions;
import dev.kubefluent.core.validate.Profile;
import dev.kubefluent.core.validate.ValidationReport;
import dev.kubefluent.core.validate.Validator;
import dev.kubefluent.testing.snapshot.Snapshots;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Optional;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * Assertions on a {@link ManifestSet}: its validity, the policy profiles it passes, what it contains.
 *
 * <pre>{@code
 * assertThat(set).isValid().containsDeployment("web").containsService("web");
 * assertThat(set).passesProfile(Profile.POD_SECURITY_RESTRICTED);
 * assertThat(set).deployment("web").hasReplicas(3);
 * assertThat(set).matchesSnapshot("shop");     // src/test/resources/__snapshots__/shop.yaml
 * }</pre>
 *
 * @since 0.1.0
 */
public class ManifestSetAssert extends AbstractKubeAssert<ManifestSetAssert, ManifestSet> {

    /**
     * Creates an assertion; prefer {@link KubeAssertions#assertThat(ManifestSet)}.
     *
     * @param actual the set under test, may be {@code null} (every assertion then fails)
     */
    public ManifestSetAssert(ManifestSet actual) {
        super(actual, ManifestSetAssert.class);
    }

    /**
     * Verifies that the set has no validation error under {@link Validator#defaults()} (the API server's rules and
     * the cross-resource rules); warnings are allowed.
     *
     * <p>Assertion succeeds: {@code assertThat(set).isValid();} for a Deployment and the Service that selects it.
     * Assertion fails: the same call when a container has no image; the message lists every error with its field
     * path.
     *
     * @return this assertion for method chaining
     * @throws AssertionError if the set has validation errors
     */
    public ManifestSetAssert isValid() {
        if (skipped) {
            return myself;
        }
        isNotNull();
        ValidationReport report = actual.validationReport();
        if (report.hasErrors()) {
            throwAssertionError(shouldBeValid(describe(), report.errors()));
        }
        return myself;
    }

    /**
     * Verifies that the set has no validation error when validated with the given policy profile, e.g. Pod Security
     * restricted.
     *
     * <p>Assertion succeeds: {@code assertThat(set).passesProfile(Profile.POD_SECURITY_RESTRICTED);} for pods that
     * run as non-root, drop all capabilities and use the RuntimeDefault seccomp profile. Assertion fails: the same
     * call for a privileged container; the message lists every error.
     *
     * @param profile the profile; must not be {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code profile} is {@code null}
     * @throws AssertionError if the set has validation errors under the profile
     */
    public ManifestSetAssert passesProfile(Profile profile) {
        Checks.notNull(profile, "profile");
        if (skipped) {
            return myself;
        }
        isNotNull();
        ValidationReport report = validate(profile);
        if (report.hasErrors()) {
            throwAssertionError(shouldBeValid(describe(profile), report.errors()));
        }
        return myself;
    }

    /**
     * Verifies that the set, validated with the given policy profile, has an error for each given rule id (other
     * errors may be there too).
     *
     * <p>Assertion succeeds: {@code assertThat(set).violatesProfile(Profile.POD_SECURITY_BASELINE, "pss-privileged");}
     * for a set with a privileged container. Assertion fails: the same call when no container is privileged.
     *
     * @param profile the profile; must not be {@code null}
     * @param ruleIds the rule ids expected among the errors; at least one, none {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code profile} is {@code null}, or no rule id is given, or one is
     *                                  {@code null}
     * @throws AssertionError if a rule id has no error
     */
    public ManifestSetAssert violatesProfile(Profile profile, String... ruleIds) {
        Checks.notNull(profile, "profile");
        List<String> expected = ValidationReportAssert.ruleIds(ruleIds);
        if (skipped) {
            return myself;
        }
        isNotNull();
        ValidationReport report = validate(profile);
        List<String> missing = ValidationReportAssert.missingRuleIds(report.errors(), expected);
        if (!missing.isEmpty()) {
            throwAssertionError(shouldContainViolations(describe(profile), expected, missing, report.violations()));
        }
        return myself;
    }

    /**
     * Verifies that the set contains a Deployment of the given name (in any namespace).
     *
     * <p>Assertion succeeds: {@code assertThat(set).containsDeployment("web");} for a set holding Deployment
     * {@code web}. Assertion fails: the same call for a set holding only Service {@code web}.
     *
     * @param name the Deployment's name; must not be {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code name} is {@code null}
     * @throws AssertionError if there is no such Deployment
     */
    public ManifestSetAssert containsDeployment(String name) {
        return containsResource("Deployment", name);
    }

    /**
     * Verifies that the set contains a Service of the given name (in any namespace).
     *
     * <p>Assertion succeeds: {@code assertThat(set).containsService("web");} for a set holding Service {@code web}.
     * Assertion fails: the same call for a set holding only Deployment {@code web}.
     *
     * @param name the Service's name; must not be {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code name} is {@code null}
     * @throws AssertionError if there is no such Service
     */
    public ManifestSetAssert containsService(String name) {
        return containsResource("Service", name);
    }

    /**
     * Verifies that the set contains an object of the given kind and name (in any namespace).
     *
     * <p>Assertion succeeds: {@code assertThat(set).containsResource("ConfigMap", "web-config");} for a set holding
     * that ConfigMap. Assertion fails: the same call for a set without it.
     *
     * @param kind the kind, e.g. {@code ConfigMap}; must not be blank
     * @param name the object's name; must not be {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code kind} is blank or {@code name} is {@code null}
     * @throws AssertionError if there is no such object
     */
    public ManifestSetAssert containsResource(String kind, String name) {
        Checks.notBlank(kind, "kind");
        Checks.notNull(name, "name");
        if (skipped) {
            return myself;
        }
        isNotNull();
        if (find(kind, name).isEmpty()) {
            throwAssertionError(shouldContainResource(ResourceRef.of(kind, null, name), refs()));
        }
        return myself;
    }

    /**
     * Verifies that the set, rendered as YAML ({@link ManifestSet#toYaml(RenderOptions)} without validation, so that
     * a snapshot can show invalid manifests too), matches its golden file under the rules of
     * {@link Snapshots#fromEnvironment()}: {@code src/test/resources/__snapshots__/<name>.yaml}, created on the first
     * run (never in CI), compared byte for byte, rewritten with {@code -Dkubefluent.snapshots.update=true}.
     *
     * <p>Assertion succeeds: {@code assertThat(set).matchesSnapshot("shop");} on the first run, and afterwards as long
     * as the rendering does not change. Assertion fails: the same call after a replica count changed; the message
     * shows a unified diff, with Secret values as {@code <redacted>}.
     *
     * @param name the snapshot name, e.g. {@code shop} or {@code shop/prod}; see {@link Snapshots#fileOf(String)}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if the name is malformed
     * @throws AssertionError if the rendering differs from the file, or the file is missing in CI
     */
    public ManifestSetAssert matchesSnapshot(String name) {
        return matchesSnapshot(name, Snapshots.fromEnvironment());
    }

    /**
     * Verifies that the set, rendered as YAML, matches its golden file under the given snapshot rules (directory, CI
     * and update flags), as {@link #matchesSnapshot(String)} does under the environment's.
     *
     * <p>Assertion succeeds: {@code assertThat(set).matchesSnapshot("shop", Snapshots.builder().directory(dir).build());}
     * when {@code dir/shop.yaml} holds the rendering. Assertion fails: the same call when it holds another one.
     *
     * @param name      the snapshot name; see {@link Snapshots#fileOf(String)}
     * @param snapshots the rules; must not be {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if an argument is {@code null} or the name is malformed
     * @throws AssertionError if the rendering differs from the file, or the file is missing in CI
     */
    public ManifestSetAssert matchesSnapshot(String name, Snapshots snapshots) {
        Checks.notNull(snapshots, "snapshots");
        snapshots.fileOf(name);
        if (skipped) {
            return myself;
        }
        isNotNull();
        snapshots.assertMatches(name, actual.toYaml(RenderOptions.withoutValidation()));
        return myself;
    }

    /**
     * Navigates to the Deployment of the given name, to assert on it.
     *
     * <pre>{@code
     * assertThat(set).deployment("web").hasReplicas(3).container("web").hasCpuRequest("250m");
     * }</pre>
     *
     * @param name the Deployment's name; must not be {@code null}
     * @return an assertion on the Deployment
     * @throws IllegalArgumentException if {@code name} is {@code null}
     * @throws AssertionError if there is no such Deployment
     */
    @CheckReturnValue
    public DeploymentAssert deployment(String name) {
        return navigate(Deployment.class, DeploymentAssert.class, "Deployment", name, DeploymentAssert::new);
    }

    /**
     * Navigates to the Service of the given name, to assert on it.
     *
     * <pre>{@code
     * assertThat(set).service("web").routesPort(80, "http");
     * }</pre>
     *
     * @param name the Service's name; must not be {@code null}
     * @return an assertion on the Service
     * @throws IllegalArgumentException if {@code name} is {@code null}
     * @throws AssertionError if there is no such Service
     */
    @CheckReturnValue
    public ServiceAssert service(String name) {
        return navigate(Service.class, ServiceAssert.class, "Service", name, ServiceAssert::new);
    }

    private <T extends HasMetadata, A extends AbstractKubeAssert<A, T>> A navigate(Class<T> type, Class<A> assertType,
            String kind, String name, java.util.function.Function<T, A> hard) {
        Checks.notNull(name, "name");
        if (skipped) {
            return skippedChild(assertType, type);
        }
        if (actual == null) {
            navigationFailed(assertionError(org.assertj.core.error.ShouldNotBeNull.shouldNotBeNull()));
            return skippedChild(assertType, type);
        }
        Optional<HasMetadata> found = find(kind, name).filter(type::isInstance);
        if (found.isEmpty()) {
            navigationFailed(assertionError(shouldContainResource(ResourceRef.of(kind, null, name), refs())));
            return skippedChild(assertType, type);
        }
        return child(assertType, type, type.cast(found.get()), hard);
    }

    private Optional<HasMetadata> find(String kind, String name) {
        return actual.resources().stream()
                .filter(r -> {
                    ResourceRef ref = ResourceRef.of(r);
                    return ref.kind().equals(kind) && name.equals(ref.name());
                })
                .findFirst();
    }

    private List<ResourceRef> refs() {
        return actual.resources().stream().map(ResourceRef::of).toList();
    }

    private ValidationReport validate(Profile profile) {
        return Validator.builder().profile(profile).build().validate(actual);
    }

    private String describe() {
        return "ManifestSet " + refs();
    }

    private String describe(Profile profile) {
        return describe() + " validated with profile " + profile;
    }
}
