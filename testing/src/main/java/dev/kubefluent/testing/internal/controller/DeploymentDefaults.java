package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The apps/v1 defaults of {@code SetDefaults_Deployment}, applied on read so that the controller behaves the same
 * whether or not the store defaulted the object.
 */
final class DeploymentDefaults {

    static final String RECREATE = "Recreate";
    static final String ROLLING_UPDATE = "RollingUpdate";

    private DeploymentDefaults() {
    }

    static int replicas(Deployment d) {
        Integer r = d.getSpec().getReplicas();
        return r == null ? 1 : r;
    }

    static boolean isRollingUpdate(Deployment d) {
        return !RECREATE.equals(strategyType(d));
    }

    static String strategyType(Deployment d) {
        if (d.getSpec().getStrategy() == null || d.getSpec().getStrategy().getType() == null) {
            return ROLLING_UPDATE;
        }
        return d.getSpec().getStrategy().getType();
    }

    /** {@code HasRevisionHistoryLimit}: defaulted to 10; {@code Integer.MAX_VALUE} means keep everything. */
    static Integer revisionHistoryLimit(Deployment d) {
        Integer limit = d.getSpec().getRevisionHistoryLimit();
        return limit == null ? 10 : limit;
    }

    /** {@code HasProgressDeadline}: defaulted to 600 seconds; {@code Integer.MAX_VALUE} means no deadline. */
    static boolean hasProgressDeadline(Deployment d) {
        return progressDeadlineSeconds(d) != Integer.MAX_VALUE;
    }

    static int progressDeadlineSeconds(Deployment d) {
        Integer s = d.getSpec().getProgressDeadlineSeconds();
        return s == null ? 600 : s;
    }

    static int minReadySeconds(Deployment d) {
        Integer s = d.getSpec().getMinReadySeconds();
        return s == null ? 0 : s;
    }

    static boolean paused(Deployment d) {
        return Boolean.TRUE.equals(d.getSpec().getPaused());
    }
}
