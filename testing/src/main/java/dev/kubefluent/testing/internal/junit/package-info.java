/**
 * The JUnit 5 extension behind {@code @SimulatedClusterTest}. Not API.
 */
package dev.kubefluent.testing.internal.junit;
