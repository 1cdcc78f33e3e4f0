package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.NAME_LABEL;
import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.Fixtures.pod;
import static dev.kubefluent.testing.assertions.Fixtures.svc;
import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldSelect.shouldSelect;
import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenIllegalArgumentException;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceAssert_selects_Test {

    @Test
    void should_pass_if_selector_is_a_subset_of_the_pod_labels() {
        // GIVEN
        Service svc = svc();
        // WHEN
        ServiceAssert result = assertThat(svc).selects(web()).selects(pod());
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_selector_does_not_match_the_pod_labels() {
        // GIVEN
        Service svc = svc();
        svc.getSpec().setSelector(Map.of(NAME_LABEL, "api"));
        Deployment web = web();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(svc).selects(web));
        // THEN
        then(error).hasMessage(shouldSelect(ResourceRef.of(svc), "spec.selector", ResourceRef.of(web),
                web.getSpec().getTemplate().getMetadata().getLabels(), Map.of(NAME_LABEL, "api")).create());
    }

    @Test
    void should_fail_if_selector_is_empty() {
        // GIVEN
        Service svc = svc();
        svc.getSpec().setSelector(null);
        Deployment web = web();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(svc).selects(web));
        // THEN
        then(error).hasMessage(shouldSelect(ResourceRef.of(svc), "spec.selector", ResourceRef.of(web),
                web.getSpec().getTemplate().getMetadata().getLabels(), Map.of()).create());
    }

    @Test
    void should_throw_if_the_workload_has_no_pods() {
        thenIllegalArgumentException()
                .isThrownBy(() -> assertThat(svc()).selects(new ConfigMapBuilder().withNewMetadata().withName("cfg")
                        .endMetadata().build()))
                .withMessage("workload must be a Pod or have a pod template but was: ConfigMap \"cfg\"");
    }
}
