/**
 * Kubefluent's core: {@link dev.kubefluent.core.ManifestSet}, an immutable, ordered set of Kubernetes manifests as
 * fabric8 model objects, and the root exception {@link dev.kubefluent.core.KubefluentException}.
 *
 * <p>Sub-packages: {@code render} (deterministic YAML/JSON), {@code validate} (API-server, Pod Security and
 * best-practice rules with precise field paths), {@code rollout} (the rollout engine).
 */
package dev.kubefluent.core;
