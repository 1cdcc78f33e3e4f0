package dev.kubefluent.core.validate;

/**
 * An opt-in policy profile (layer 3). Layers 1 (API-server rules) and 2 (cross-resource rules) always run.
 *
 * @since 0.1.0
 */
public enum Profile {
    /** Pod Security Standards, baseline level: every baseline control. */
    POD_SECURITY_BASELINE,
    /** Pod Security Standards, restricted level: every baseline and restricted control. */
    POD_SECURITY_RESTRICTED,
    /**
     * Kubefluent's best practices: pinned images, requests and limits, probes, PDBs, RBAC least privilege (no
     * wildcards, cluster-admin, secrets, pods/exec, nodes/proxy, escalate, bind or impersonate), and more.
     */
    BEST_PRACTICES
}
