/**
 * The typed fluent DSL for Kubernetes manifests: start from {@link dev.kubefluent.dsl.Kube} with
 * {@code import static dev.kubefluent.dsl.Kube.*;}.
 *
 * <p>Builders ({@code XxxDef}) and values are immutable; a {@code XxxStep} is a required continuation. Each
 * {@code build()} runs typed setters, then the fabric8 escape hatch ({@code customize}), then the defaults for what
 * is still unset (recommended labels, selector, {@link dev.kubefluent.dsl.SecurityProfile}), then the shared
 * validator of {@code dev.kubefluent.core.validate}.
 */
package dev.kubefluent.dsl;
