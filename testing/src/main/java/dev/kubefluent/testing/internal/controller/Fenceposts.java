package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;

/**
 * The rolling-update fencepost math of {@code pkg/controller/deployment/util/deployment_util.go} and apimachinery's
 * {@code intstr.GetScaledValueFromIntOrPercent}: maxSurge rounds up, maxUnavailable rounds down, and if both resolve
 * to 0, maxUnavailable becomes 1.
 */
public final class Fenceposts {

    /** The defaulted maxSurge and maxUnavailable of {@code SetDefaults_Deployment}. */
    static final String DEFAULT_PERCENT = "25%";

    private final int maxSurge;
    private final int maxUnavailable;

    private Fenceposts(int maxSurge, int maxUnavailable) {
        this.maxSurge = maxSurge;
        this.maxUnavailable = maxUnavailable;
    }

    /**
     * {@code ResolveFenceposts(maxSurge, maxUnavailable, desired)}.
     *
     * @param maxSurge an int or a percentage such as {@code "25%"}; {@code null} counts as 0
     * @param maxUnavailable an int or a percentage; {@code null} counts as 0
     * @param desired spec.replicas
     * @return the resolved values
     * @throws IllegalArgumentException if a string value does not end in {@code %} or is not a number
     */
    public static Fenceposts resolve(IntOrString maxSurge, IntOrString maxUnavailable, int desired) {
        int surge = scaledValue(maxSurge, desired, true);
        int unavailable = scaledValue(maxUnavailable, desired, false);
        if (surge == 0 && unavailable == 0) {
            // Validation should never allow both to be 0; it only happens through rounding.
            unavailable = 1;
        }
        return new Fenceposts(surge, unavailable);
    }

    /**
     * {@code intstr.GetScaledValueFromIntOrPercent}: an int as is, {@code "P%"} as {@code ceil} or {@code floor} of
     * {@code P * total / 100} computed in double precision.
     *
     * @param value the value; {@code null} counts as 0
     * @param total the total the percentage applies to
     * @param roundUp whether to round a percentage up
     * @return the scaled value
     * @throws IllegalArgumentException if a string value is not a percentage
     */
    public static int scaledValue(IntOrString value, int total, boolean roundUp) {
        if (value == null) {
            return 0;
        }
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        String s = value.getStrVal();
        if (s == null) {
            return 0;
        }
        if (!s.endsWith("%")) {
            throw new IllegalArgumentException("invalid value for IntOrString: invalid type: string is not a percentage but was: " + s);
        }
        int percent;
        try {
            percent = Integer.parseInt(s.substring(0, s.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value \"" + s + "\": must be an integer percentage but was: " + s, e);
        }
        double scaled = (double) percent * (double) total / 100.0;
        return (int) (roundUp ? Math.ceil(scaled) : Math.floor(scaled));
    }

    /**
     * {@code MaxUnavailable(d)}: 0 unless RollingUpdate with replicas &gt; 0, else min(resolved, replicas).
     *
     * @param d the Deployment, must not be {@code null}
     * @return the maximum number of unavailable pods
     */
    public static int maxUnavailable(Deployment d) {
        int replicas = DeploymentDefaults.replicas(d);
        if (!DeploymentDefaults.isRollingUpdate(d) || replicas == 0) {
            return 0;
        }
        return Math.min(of(d).maxUnavailable, replicas);
    }

    /**
     * {@code MaxSurge(d)}: 0 unless RollingUpdate, else the resolved surge (not clamped).
     *
     * @param d the Deployment, must not be {@code null}
     * @return the maximum surge
     */
    public static int maxSurge(Deployment d) {
        if (!DeploymentDefaults.isRollingUpdate(d)) {
            return 0;
        }
        return of(d).maxSurge;
    }

    /**
     * The raw {@code scaled(maxSurge, N, true)} that {@code NewRSNewReplicas} uses.
     *
     * @param d a RollingUpdate Deployment, must not be {@code null}
     * @return the surge
     */
    static int rawSurge(Deployment d) {
        DeploymentStrategy s = d.getSpec().getStrategy();
        IntOrString surge = s == null || s.getRollingUpdate() == null || s.getRollingUpdate().getMaxSurge() == null
            ? new IntOrString(DEFAULT_PERCENT) : s.getRollingUpdate().getMaxSurge();
        return scaledValue(surge, DeploymentDefaults.replicas(d), true);
    }

    private static Fenceposts of(Deployment d) {
        DeploymentStrategy s = d.getSpec().getStrategy();
        IntOrString surge = new IntOrString(DEFAULT_PERCENT);
        IntOrString unavailable = new IntOrString(DEFAULT_PERCENT);
        if (s != null && s.getRollingUpdate() != null) {
            if (s.getRollingUpdate().getMaxSurge() != null) {
                surge = s.getRollingUpdate().getMaxSurge();
            }
            if (s.getRollingUpdate().getMaxUnavailable() != null) {
                unavailable = s.getRollingUpdate().getMaxUnavailable();
            }
        }
        return resolve(surge, unavailable, DeploymentDefaults.replicas(d));
    }

    /**
     * The resolved maxSurge.
     *
     * @return the number of pods that may be created above the desired count
     */
    public int maxSurge() {
        return maxSurge;
    }

    /**
     * The resolved maxUnavailable (before clamping to the replica count).
     *
     * @return the number of pods that may be unavailable
     */
    public int maxUnavailable() {
        return maxUnavailable;
    }

    @Override
    public String toString() {
        return "maxSurge=" + maxSurge + ", maxUnavailable=" + maxUnavailable;
    }
}
