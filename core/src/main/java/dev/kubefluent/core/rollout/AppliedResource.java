package dev.kubefluent.core.rollout;

import dev.kubefluent.core.ResourceRef;
import java.util.Objects;

/**
 * One object the engine applied, and what the apply did to it.
 *
 * @param resource the object; never {@code null}
 * @param outcome  created, configured or unchanged; never {@code null}
 * @since 0.1.0
 */
public record AppliedResource(ResourceRef resource, ApplyOutcome outcome) {

    /** Checks that both components are present. */
    public AppliedResource {
        Objects.requireNonNull(resource, "resource must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
    }

    /** @return kubectl's line, e.g. {@code Deployment "web" configured} */
    @Override
    public String toString() {
        return resource + " " + outcome;
    }
}
