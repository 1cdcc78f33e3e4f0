package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.web;
import static dev.kubefluent.testing.assertions.error.ShouldHaveImage.shouldHaveImage;
import static dev.kubefluent.testing.assertions.error.ShouldHaveReplicas.shouldHaveReplicas;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

@DisplayName("KubeSoftAssertions with AssertJ's SoftAssertionsExtension")
class KubeSoftAssertionsExtensionTest {

    private static volatile boolean runningInTestKit;

    static boolean runningInTestKit() {
        return runningInTestKit;
    }

    /** Runs only inside the engine test kit below, where its failure is the expected outcome. */
    @ExtendWith(SoftAssertionsExtension.class)
    @EnabledIf("dev.kubefluent.testing.assertions.KubeSoftAssertionsExtensionTest#runningInTestKit")
    static class InjectedFixture {

        @InjectSoftAssertions
        KubeSoftAssertions softly;

        @Test
        void two_failures() {
            softly.assertThat(web()).hasReplicas(2);
            softly.assertThat(web()).container("web").hasImage("nginx:1.27");
        }

        @Test
        void no_failure() {
            softly.assertThat(web()).hasReplicas(3);
        }
    }

    @Test
    @DisplayName("is injected, and reports every failure when the test ends")
    void injected_soft_assertions_report_all_failures() {
        ResourceRef web = ResourceRef.of(web());
        EngineExecutionResults results;
        runningInTestKit = true;
        try {
            results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(InjectedFixture.class)).execute();
        } finally {
            runningInTestKit = false;
        }
        results.testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(1).failed(1))
                .assertThatEvents()
                .haveExactly(1, event(test("two_failures"), finishedWithFailure(
                        message(m -> m.contains(shouldHaveReplicas(web, "spec.replicas", 2, 3).create())
                                && m.contains(shouldHaveImage(web, "spec.template.spec.containers[0].image",
                                        "nginx:1.27", "ghcr.io/acme/web:1.4.2").create())))));
    }
}
