package dev.kubefluent.dsl;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The security context a workload gets by default, applied in {@code build()} only to fields the user left unset.
 *
 * <p>{@link #RESTRICTED} follows the Pod Security Standards "restricted" level. Some images must run as root: switch
 * it off for one workload with {@code .securityProfile(SecurityProfile.NONE)}, or for every workload built afterwards
 * with {@link #setDefault(SecurityProfile)} (or the system property {@value #PROPERTY} = {@code NONE} at start-up).
 *
 * @since 0.1.0
 */
public enum SecurityProfile {
    /**
     * Pod Security "restricted": on the Pod {@code runAsNonRoot: true} and {@code seccompProfile.type: RuntimeDefault};
     * on every container and init container {@code allowPrivilegeEscalation: false} and
     * {@code capabilities.drop: [ALL]}. A value the user set is never overridden: {@code runAsNonRoot} is not added
     * when the Pod or a container sets {@code runAsUser: 0} or its own {@code runAsNonRoot};
     * {@code allowPrivilegeEscalation} is not added to a {@code privileged} container; {@code drop} is not added when
     * the container drops capabilities itself.
     */
    RESTRICTED,
    /** No security context is added. */
    NONE;

    /** The system property that sets the initial global default: {@code RESTRICTED} or {@code NONE}. */
    public static final String PROPERTY = "kubefluent.securityProfile";

    private static final AtomicReference<SecurityProfile> DEFAULT =
            new AtomicReference<>(valueOf(System.getProperty(PROPERTY, "RESTRICTED").trim().toUpperCase()));

    /**
     * Returns the profile used by workloads that do not choose one.
     *
     * @return the global default, {@link #RESTRICTED} unless changed
     */
    public static SecurityProfile getDefault() {
        return DEFAULT.get();
    }

    /**
     * Sets the profile used by workloads built from now on that do not choose one.
     *
     * @param profile the new global default; must not be {@code null}
     * @return the previous global default, so a caller can restore it
     */
    public static SecurityProfile setDefault(SecurityProfile profile) {
        return DEFAULT.getAndSet(Checks.notNull(profile, "profile"));
    }
}
