package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.svc;
import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.validate.Profile;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** {@code passesProfile} against the real Pod Security rules of the validator. */
class ManifestSetAssert_passesProfile_Test {

    /** Deployment web with every control of Pod Security "restricted" met. */
    static Deployment restrictedWeb() {
        Deployment web = web();
        web.getSpec().getTemplate().getSpec().setSecurityContext(new PodSecurityContextBuilder()
                .withRunAsNonRoot(true).withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().build());
        for (Container c : web.getSpec().getTemplate().getSpec().getContainers()) {
            c.setSecurityContext(new SecurityContextBuilder().withAllowPrivilegeEscalation(false)
                    .withNewCapabilities().addToDrop("ALL").endCapabilities().build());
        }
        return web;
    }

    @Test
    void should_pass_if_every_pod_meets_the_profile() {
        // GIVEN
        ManifestSet set = ManifestSet.of(restrictedWeb(), svc());
        // WHEN
        ManifestSetAssert result = assertThat(set).passesProfile(Profile.POD_SECURITY_RESTRICTED)
                .passesProfile(Profile.POD_SECURITY_BASELINE);
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_with_every_error_of_the_profile_when_a_container_runs_privileged() {
        // GIVEN
        Deployment web = restrictedWeb();
        SecurityContext proxy = web.getSpec().getTemplate().getSpec().getContainers().get(1).getSecurityContext();
        proxy.setPrivileged(true);
        proxy.setAllowPrivilegeEscalation(null);
        ManifestSet set = ManifestSet.of(web, svc());
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(set).passesProfile(Profile.POD_SECURITY_BASELINE));
        // THEN
        then(error).hasMessage(String.format("%n"
                + "Expecting ManifestSet [Service \"web\", Deployment \"web\"] validated with profile"
                + " POD_SECURITY_BASELINE%n"
                + "to have no validation errors%n"
                + "but found 1:%n"
                + "  - [pss-privileged] Deployment \"web\": spec.template.spec.containers[1].securityContext.privileged"
                + " must not be true but was: true (remove privileged: true)"));
    }

    @Test
    void should_fail_listing_each_restricted_control_a_pod_misses() {
        // GIVEN
        ManifestSet set = ManifestSet.of(web(), svc());
        // WHEN
        AssertionError error = expectAssertionError(
                () -> assertThat(set).passesProfile(Profile.POD_SECURITY_RESTRICTED));
        // THEN
        String c0 = "  - [%s] Deployment \"web\": spec.template.spec.containers[0].securityContext.";
        String c1 = "  - [%s] Deployment \"web\": spec.template.spec.containers[1].securityContext.";
        String escalation = "allowPrivilegeEscalation must be false but was: null"
                + " (set securityContext.allowPrivilegeEscalation: false)%n";
        String nonRoot = "runAsNonRoot must be true (here or on the pod) but was: null"
                + " (set runAsNonRoot: true on the pod or on every container)%n";
        String seccomp = "seccompProfile.type must be RuntimeDefault or Localhost (here or on the pod) but was: null"
                + " (set securityContext.seccompProfile.type: RuntimeDefault on the pod)%n";
        String capabilities = "capabilities.drop must include ALL but was: []"
                + " (drop ALL capabilities and add back at most NET_BIND_SERVICE)";
        then(error).hasMessage(String.format("%n"
                + "Expecting ManifestSet [Service \"web\", Deployment \"web\"] validated with profile"
                + " POD_SECURITY_RESTRICTED%n"
                + "to have no validation errors%n"
                + "but found 8:%n"
                + c0 + escalation + c0 + nonRoot + c0 + seccomp + c0 + capabilities + "%n"
                + c1 + escalation + c1 + nonRoot + c1 + seccomp + c1 + capabilities,
                "pss-allow-privilege-escalation", "pss-run-as-non-root", "pss-seccomp-restricted",
                "pss-capabilities-restricted",
                "pss-allow-privilege-escalation", "pss-run-as-non-root", "pss-seccomp-restricted",
                "pss-capabilities-restricted"));
    }
}
