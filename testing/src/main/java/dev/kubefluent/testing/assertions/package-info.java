/**
 * AssertJ assertions for Kubernetes manifests, manifest sets and validation reports, in AssertJ's own style.
 *
 * <p>The entry point is {@link dev.kubefluent.testing.assertions.KubeAssertions}, made for a static import;
 * {@link dev.kubefluent.testing.assertions.KubeSoftAssertions} collects several failures. Failure messages come from
 * the {@code Should*} factories of {@code dev.kubefluent.testing.assertions.error}.
 *
 * <p>Every assertion class is non-final, with non-final methods and a public constructor taking exactly the type
 * under test, so that AssertJ 3.27 can build its soft-assertion proxies. The entry points and the navigation steps
 * ({@code container(name)}) carry {@code @CheckReturnValue}, so a bare {@code assertThat(web);} is flagged.
 */
package dev.kubefluent.testing.assertions;
