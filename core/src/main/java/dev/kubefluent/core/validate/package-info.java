/**
 * Validation of manifests with precise field paths: the API server's rules (layer 1), cross-resource rules inside a
 * {@link dev.kubefluent.core.ManifestSet} (layer 2) and opt-in policy profiles (layer 3: Pod Security baseline and
 * restricted, and best practices including RBAC least privilege). The API server's update-time rules (immutable
 * fields) apply to a pair of objects, live and updated, through
 * {@link dev.kubefluent.core.validate.Validator#validateUpdate}.
 *
 * <p>Entry point: {@link dev.kubefluent.core.validate.Validator}.
 */
package dev.kubefluent.core.validate;
