package dev.kubefluent.core.internal;

/**
 * One reading of a workload's rollout status, as {@code kubectl rollout status} prints it.
 *
 * <p>Not API.
 *
 * @param message the line kubectl prints (without its trailing newline), or the error kubectl reports
 * @param done    whether the rollout is complete
 * @param failed  whether the reading is an error that ends the wait (e.g. the progress deadline was exceeded)
 */
public record WorkloadStatus(String message, boolean done, boolean failed) {

    static WorkloadStatus waiting(String message) {
        return new WorkloadStatus(message, false, false);
    }

    static WorkloadStatus complete(String message) {
        return new WorkloadStatus(message, true, false);
    }

    static WorkloadStatus error(String message) {
        return new WorkloadStatus(message, false, true);
    }
}
