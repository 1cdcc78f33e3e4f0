package dev.kubefluent.core.rollout;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.Objects;

/**
 * One revision of a Deployment, as {@code kubectl rollout history} lists it: the revision of one of its ReplicaSets.
 *
 * @param number      the revision ({@code deployment.kubernetes.io/revision}), at least 1
 * @param changeCause the ReplicaSet's {@code kubernetes.io/change-cause}, or {@code <none>}; never {@code null}
 * @param replicaSet  the name of the ReplicaSet that holds the revision; never {@code null}
 * @param template    a copy of the revision's pod template without the {@code pod-template-hash} label; never
 *                    {@code null}
 * @since 0.1.0
 */
public record Revision(long number, String changeCause, String replicaSet, PodTemplateSpec template) {

    /** Checks the components. */
    public Revision {
        if (number < 1) {
            throw new IllegalArgumentException("number must be at least 1 but was: " + number);
        }
        Objects.requireNonNull(changeCause, "changeCause must not be null");
        Objects.requireNonNull(replicaSet, "replicaSet must not be null");
        Objects.requireNonNull(template, "template must not be null");
    }

    /** @return kubectl's history row: the revision and the change cause */
    @Override
    public String toString() {
        return number + "  " + changeCause;
    }
}
