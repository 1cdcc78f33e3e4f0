/**
 * The simulated cluster's in-process controllers: Deployment, ReplicaSet, StatefulSet, DaemonSet, endpoints,
 * garbage collector, scheduler and kubelet. Not API.
 *
 * <p>The controllers are plain classes driven only through {@link
 * dev.kubefluent.testing.internal.controller.ClusterAccess} (reads, writes and virtual-time scheduling) and {@link
 * dev.kubefluent.testing.internal.controller.Controller#onChange} notifications. They start no threads and never read
 * the machine's clock, so the same sequence of requests gives the same sequence of states. {@link
 * dev.kubefluent.testing.internal.controller.Controllers} assembles them in registration order.
 */
package dev.kubefluent.testing.internal.controller;
