/**
 * Validation of manifests with precise field paths: the API server's rules (layer 1), cross-resource rules inside a
 * {@link dev.kubefluent.core.ManifestSet} (layer 2) and opt-in policy profiles (layer 3).
 *
 * <p>Entry point: {@link dev.kubefluent.core.validate.Validator}.
 */
package dev.kubefluent.core.validate;
