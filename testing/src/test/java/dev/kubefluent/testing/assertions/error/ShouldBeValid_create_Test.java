package dev.kubefluent.testing.assertions.error;

import static dev.kubefluent.testing.assertions.error.ShouldBeValid.shouldBeValid;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.validate.KubeVersion;
import dev.kubefluent.core.validate.RuleSource;
import dev.kubefluent.core.validate.Severity;
import dev.kubefluent.core.validate.Violation;
import java.util.List;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

class ShouldBeValid_create_Test {

    @Test
    void should_create_error_message() {
        // GIVEN
        ResourceRef web = ResourceRef.of("Deployment", "shop", "web");
        Violation replicas = new Violation(web, "spec.replicas", "replicas-negative", Severity.ERROR,
                RuleSource.API_SERVER, KubeVersion.of(1, 25),
                "Deployment \"web\": spec.replicas must be greater than or equal to 0 but was: -1", null);
        Violation port = new Violation(web, "spec.template.spec.containers[0].ports[0].containerPort", "port-range",
                Severity.ERROR, RuleSource.API_SERVER, KubeVersion.of(1, 25),
                "Deployment \"web\": spec.template.spec.containers[0].ports[0].containerPort must be between 1 and"
                        + " 65535 but was: 70000", "use a port between 1 and 65535");
        ErrorMessageFactory factory = shouldBeValid("ManifestSet [Deployment \"web\"]", List.of(replicas, port));
        // WHEN
        String message = factory.create(new TextDescription("Test"), new StandardRepresentation());
        // THEN
        then(message).isEqualTo(String.format("[Test] %n"
                + "Expecting ManifestSet [Deployment \"web\"]%n"
                + "to have no validation errors%n"
                + "but found 2:%n"
                + "  - [replicas-negative] Deployment \"web\": spec.replicas must be greater than or equal to 0 but was: -1%n"
                + "  - [port-range] Deployment \"web\": spec.template.spec.containers[0].ports[0].containerPort must be"
                + " between 1"
                + " and 65535 but was: 70000 (use a port between 1 and 65535)"));
    }
}
