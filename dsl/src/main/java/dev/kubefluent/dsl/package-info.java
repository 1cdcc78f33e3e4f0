/**
 * The typed fluent DSL for Kubernetes manifests: start from {@link dev.kubefluent.dsl.Kube} with
 * {@code import static dev.kubefluent.dsl.Kube.*;}.
 *
 * <p>Builders ({@code XxxDef}) and values are immutable; a {@code XxxStep} is a required continuation. Each
 * {@code build()} runs typed setters, then the fabric8 escape hatch ({@code customize}), then the defaults for what
 * is still unset (recommended labels, selector, {@link dev.kubefluent.dsl.SecurityProfile}), then the shared
 * validator of {@code dev.kubefluent.core.validate}. Builders that take other objects (a Service selecting a workload,
 * an Ingress routing to Services, a NetworkPolicy isolating a workload) validate the object together with them, so a
 * broken reference fails {@code build()}.
 *
 * <p>Two helpers work on whole sets rather than single objects, and live here because they are part of the same
 * fluent vocabulary: {@link dev.kubefluent.dsl.AppDef} ({@code app("web")}) builds a Deployment, Service and
 * ServiceAccount, plus an optional autoscaler, disruption budget and ConfigMap, wired together as a
 * {@link dev.kubefluent.core.ManifestSet}; {@link dev.kubefluent.dsl.OverlayDef} ({@code overlay("prod")}) turns a
 * set into one environment's set and lists every field it changed ({@link dev.kubefluent.dsl.OverlayChange}).
 */
package dev.kubefluent.dsl;
