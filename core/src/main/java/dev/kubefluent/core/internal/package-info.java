/**
 * Implementation plumbing of the rollout engine: kubectl's status viewers, API error classification, retries with
 * backoff and resumable watches.
 *
 * <p><strong>Not API.</strong> Types here are public only so that other Kubefluent packages can use them; they may
 * change in any release without notice.
 */
package dev.kubefluent.core.internal;
