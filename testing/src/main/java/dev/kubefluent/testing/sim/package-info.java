/**
 * A simulated Kubernetes cluster for tests: {@link dev.kubefluent.testing.sim.SimulatedCluster} (an in-process API
 * server with the real API's semantics), {@link dev.kubefluent.testing.sim.Faults fault injection} and
 * {@link dev.kubefluent.testing.sim.RecordedCall recorded requests}.
 *
 * <p>Script, run, verify: inject faults, run the code under test against {@code cluster.client()}, then assert on
 * the objects and on {@code cluster.requests()}.
 */
package dev.kubefluent.testing.sim;
