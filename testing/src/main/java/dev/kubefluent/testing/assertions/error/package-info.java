/**
 * The failure messages of Kubefluent's assertions, one {@code Should*} factory per kind of failure.
 *
 * <p>Every message has AssertJ's layout: {@code Expecting} the resource and the field path, {@code to} the
 * expectation, {@code but} the actual value. For example:
 * <pre>
 * Expecting Deployment "web":
 *   spec.replicas
 * to be:
 *   3
 * but was:
 *   2
 * </pre>
 * Values taken from a {@code Secret}'s data never appear in a message; they are shown as {@code <redacted>}.
 */
package dev.kubefluent.testing.assertions.error;
