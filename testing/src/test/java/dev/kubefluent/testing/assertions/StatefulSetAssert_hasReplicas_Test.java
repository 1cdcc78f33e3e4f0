package dev.kubefluent.testing.assertions;

import static dev.kubefluent.testing.assertions.Fixtures.db;
import static dev.kubefluent.testing.assertions.Fixtures.expectAssertionError;
import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;
import static dev.kubefluent.testing.assertions.error.ShouldHaveReplicas.shouldHaveReplicas;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kubefluent.core.ResourceRef;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

class StatefulSetAssert_hasReplicas_Test {

    @Test
    void should_pass_if_replicas_match() {
        // GIVEN
        StatefulSet db = db();
        // WHEN
        StatefulSetAssert result = assertThat(db).hasReplicas(2);
        // THEN
        then(result).isNotNull();
    }

    @Test
    void should_fail_if_replicas_differ() {
        // GIVEN
        StatefulSet db = db();
        // WHEN
        AssertionError error = expectAssertionError(() -> assertThat(db).hasReplicas(3));
        // THEN
        then(error).hasMessage(shouldHaveReplicas(ResourceRef.of(db), "spec.replicas", 3, 2).create());
    }
}
