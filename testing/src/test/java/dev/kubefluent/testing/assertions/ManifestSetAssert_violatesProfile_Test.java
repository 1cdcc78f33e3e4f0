package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.svc;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.ManifestSetAssert_passesProfile_Test.restrictedWeb;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.validate.Profile;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** {@code violatesProfile} against the real Pod Security rules of the validator. */
class ManifestSetAssert_violatesProfile_Test {

    private static void privileged(Deployment web) {
        SecurityContext context = web.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext();
        context.setPrivileged(true);
        context.setAllowPrivilegeEscalation(null);
    }

    @Test
    void should_pass_if_the_profile_reports_each_rule_id() {
        // GIVEN
        Deployment web = restrictedWeb();
        privileged(web);
        web.getSpec().getTemplate().getSpec().getContainers().get(1).getPorts()
                .add(new ContainerPortBuilder().withContainerPort(9901).withHostPort(9901).build());
        ManifestSet set = ManifestSet.of(web, svc());
        // WHEN
        ManifestSetAssert result = assertThat(set)
                .violatesProfile(Profile.POD_SECURITY_BASELINE, "pss-privileged", "pss-host-ports");
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_a_rule_id_is_not_reported() {
        // GIVEN
        Deployment web = restrictedWeb();
        privileged(web);
        ManifestSet set = ManifestSet.of(web, svc());
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(set)
                .violatesProfile(Profile.POD_SECURITY_BASELINE, "pss-privileged", "pss-host-ports"));
        // THEN
        then(error).hasMessage(String.format("%n"
                + "Expecting ManifestSet [Service \"web\", Deployment \"web\"] validated with profile"
                + " POD_SECURITY_BASELINE%n"
                + "to break the rules:%n"
                + "  [\"pss-privileged\", \"pss-host-ports\"]%n"
                + "but could not find:%n"
                + "  [\"pss-host-ports\"]%n"
                + "among the violations:%n"
                + "  - [pss-privileged] Deployment \"web\": spec.template.spec.containers[0].securityContext.privileged"
                + " must not be true but was: true (remove privileged: true)"));
    }

    @Test
    void should_fail_for_a_set_that_meets_the_profile() {
        // GIVEN
        ManifestSet set = ManifestSet.of(restrictedWeb(), svc());
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(set)
                .violatesProfile(Profile.POD_SECURITY_RESTRICTED, "pss-run-as-non-root"));
        // THEN
        then(error).hasMessage(String.format("%n"
                + "Expecting ManifestSet [Service \"web\", Deployment \"web\"] validated with profile"
                + " POD_SECURITY_RESTRICTED%n"
                + "to break the rules:%n"
                + "  [\"pss-run-as-non-root\"]%n"
                + "but could not find:%n"
                + "  [\"pss-run-as-non-root\"]%n"
                + "among the violations:%n"
                + "  []"));
    }
}
