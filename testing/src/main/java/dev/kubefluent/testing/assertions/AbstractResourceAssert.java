package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.error.ShouldHaveLabel.shouldHaveLabel;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/**
 * Assertions shared by every Kubernetes object: its metadata.
 *
 * @param <SELF>   the assertion's own type
 * @param <ACTUAL> the kind of object under test
 * @since 0.1.0
 */
public abstract class AbstractResourceAssert<SELF extends AbstractResourceAssert<SELF, ACTUAL>, ACTUAL extends HasMetadata>
        extends AbstractKubeAssert<SELF, ACTUAL> {

    /**
     * Creates an assertion.
     *
     * @param actual   the object under test, may be {@code null}
     * @param selfType the assertion's own class; must not be {@code null}
     */
    protected AbstractResourceAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Verifies that the object carries the label {@code key=value} in {@code metadata.labels}.
     *
     * <p>Assertion succeeds: {@code assertThat(web).hasLabel("app.kubernetes.io/name", "web");} for a Deployment
     * labelled {@code app.kubernetes.io/name=web}. Assertion fails: the same call when the label is missing or has
     * another value.
     *
     * @param key   the label key; must not be {@code null}
     * @param value the label value; must not be {@code null}
     * @return this assertion for method chaining
     * @throws IllegalArgumentException if {@code key} or {@code value} is {@code null}
     * @throws AssertionError if the label is missing or has another value
     */
    public SELF hasLabel(String key, String value) {
        if (skipped) {
            return myself;
        }
        isNotNull();
        Checks.notNull(key, "label key");
        Checks.notNull(value, "label value");
        Map<String, String> labels = actual.getMetadata() == null || actual.getMetadata().getLabels() == null
                ? Map.of() : actual.getMetadata().getLabels();
        if (!value.equals(labels.get(key))) {
            throwAssertionError(shouldHaveLabel(resource(), "metadata.labels", key, value, labels));
        }
        return myself;
    }

    /** @return the object's kind and name, as messages show it */
    final ResourceRef resource() {
        return ResourceRef.of(actual);
    }
}
