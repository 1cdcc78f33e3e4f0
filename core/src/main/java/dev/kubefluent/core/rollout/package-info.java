/**
 * The rollout engine: takes a {@link dev.kubefluent.core.ManifestSet} to a cluster by server-side apply, waits as
 * {@code kubectl rollout status} does, diagnoses failing pods, and rolls the release back as
 * {@code helm upgrade --atomic} would.
 *
 * <pre>{@code
 * RolloutEngine engine = RolloutEngine.create(client);
 * RolloutResult result = engine.rollout(set);
 * if (result.status() != RolloutStatus.SUCCEEDED) {
 *     System.err.println(result.message());
 * }
 * }</pre>
 *
 * <p>Entry point: {@link dev.kubefluent.core.rollout.RolloutEngine}. Options: {@link
 * dev.kubefluent.core.rollout.RolloutOptions}. Outcome: {@link dev.kubefluent.core.rollout.RolloutResult}.
 */
package dev.kubefluent.core.rollout;
