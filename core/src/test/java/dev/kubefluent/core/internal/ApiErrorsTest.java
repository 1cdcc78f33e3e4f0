package dev.kubefluent.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {

    static KubernetesClientException http(int code, String reason, String message) {
        Status status = new StatusBuilder().withCode(code).withReason(reason).withMessage(message).build();
        return new KubernetesClientException(message, code, status);
    }

    static KubernetesClientException fieldConflict() {
        Status status = new StatusBuilder().withCode(409).withReason("Conflict")
                .withMessage("Apply failed with 1 conflict: conflict with \"kubectl-edit\" using apps/v1: .spec.replicas")
                .withNewDetails().addNewCause().withReason("FieldManagerConflict").withField(".spec.replicas")
                .withMessage("conflict with \"kubectl-edit\" using apps/v1").endCause()
                .addNewCause().withReason("FieldManagerConflict").withField(".spec.template")
                .withMessage("conflict with \"helm\"").endCause().endDetails().build();
        return new KubernetesClientException(status.getMessage(), 409, status);
    }

    @Test
    void server_errors_throttling_and_io_failures_are_transient() {
        assertThat(ApiErrors.classify(http(500, "InternalError", "boom"))).isEqualTo(ApiErrors.Kind.TRANSIENT);
        assertThat(ApiErrors.classify(http(503, "ServiceUnavailable", "later"))).isEqualTo(ApiErrors.Kind.TRANSIENT);
        assertThat(ApiErrors.classify(http(429, "TooManyRequests", "slow down"))).isEqualTo(ApiErrors.Kind.TRANSIENT);
        assertThat(ApiErrors.classify(new KubernetesClientException("io", new SocketException("Connection reset"))))
                .isEqualTo(ApiErrors.Kind.TRANSIENT);
        assertThat(ApiErrors.classify(new RuntimeException(new IOException("closed")))).isEqualTo(ApiErrors.Kind.TRANSIENT);
    }

    @Test
    void optimistic_lock_conflicts_are_retried_but_field_conflicts_are_not() {
        assertThat(ApiErrors.classify(http(409, "Conflict", "Operation cannot be fulfilled on deployments.apps \"web\": "
                + "the object has been modified; please apply your changes to the latest version and try again")))
                .isEqualTo(ApiErrors.Kind.OPTIMISTIC_LOCK);
        assertThat(ApiErrors.classify(fieldConflict())).isEqualTo(ApiErrors.Kind.FIELD_CONFLICT);
        assertThat(ApiErrors.conflictingManagers(fieldConflict())).containsExactly("kubectl-edit", "helm");
        assertThat(ApiErrors.classify(http(409, "AlreadyExists", "exists"))).isEqualTo(ApiErrors.Kind.PERMANENT);
    }

    @Test
    void forbidden_invalid_and_other_failures_are_permanent_with_the_server_message() {
        var forbidden = http(403, "Forbidden", "deployments.apps \"web\" is forbidden: User \"bob\" cannot patch");
        assertThat(ApiErrors.classify(forbidden)).isEqualTo(ApiErrors.Kind.PERMANENT);
        assertThat(ApiErrors.message(forbidden)).isEqualTo("deployments.apps \"web\" is forbidden: User \"bob\" cannot patch");
        assertThat(ApiErrors.code(forbidden)).isEqualTo(403);
        assertThat(ApiErrors.classify(http(422, "Invalid", "invalid"))).isEqualTo(ApiErrors.Kind.PERMANENT);
        assertThat(ApiErrors.classify(new IllegalStateException("bug"))).isEqualTo(ApiErrors.Kind.PERMANENT);
        assertThat(ApiErrors.message(new IllegalStateException())).isEqualTo("IllegalStateException");
        assertThat(ApiErrors.conflictingManagers(new IllegalStateException())).isEmpty();
    }
}
