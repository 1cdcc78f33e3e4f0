/**
 * JUnit 5 support: {@link dev.kubefluent.testing.junit.SimulatedClusterTest} runs tests against a simulated cluster.
 */
package dev.kubefluent.testing.junit;
