/**
 * The simulated API server's implementation: store, control plane, strategies, patches, server-side apply. Not API.
 */
package dev.kubefluent.testing.internal.server;
