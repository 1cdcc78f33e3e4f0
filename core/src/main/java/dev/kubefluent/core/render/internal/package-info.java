/**
 * Implementation of Kubefluent's rendering and strict parsing: canonical trees, the YAML and JSON writers, the one
 * quoting rule, Helm's install order and the strict YAML reader.
 *
 * <p><strong>Not API.</strong> Everything here may change in any release; use {@link dev.kubefluent.core.ManifestSet}
 * and the types of {@link dev.kubefluent.core.render} instead.
 */
package dev.kubefluent.core.render.internal;
