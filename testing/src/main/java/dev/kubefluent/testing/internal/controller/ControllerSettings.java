package dev.kubefluent.testing.internal.controller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the simulated nodes and kubelet.
 *
 * @param nodeCount the number of simulated nodes, named {@code node-1} ... {@code node-N}; at least 1
 * @param podStartDelay the virtual time from a pod's scheduling to its containers running (and, without a
 *     behaviour, ready); not negative
 */
public record ControllerSettings(int nodeCount, Duration podStartDelay) {

    /** 3 nodes, containers running and ready 10 ms after scheduling. */
    public static final ControllerSettings DEFAULTS = new ControllerSettings(3, Duration.ofMillis(10));

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if nodeCount is below 1 or podStartDelay is null or negative
     */
    public ControllerSettings {
        if (nodeCount < 1) {
            throw new IllegalArgumentException("nodeCount must be at least 1 but was: " + nodeCount);
        }
        if (podStartDelay == null || podStartDelay.isNegative()) {
            throw new IllegalArgumentException("podStartDelay must not be negative but was: " + podStartDelay);
        }
    }

    /**
     * The node names.
     *
     * @return {@code node-1} ... {@code node-N}
     */
    public List<String> nodeNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= nodeCount; i++) {
            names.add("node-" + i);
        }
        return names;
    }

    /**
     * The InternalIP of a node.
     *
     * @param index the 0-based node index
     * @return {@code 10.0.0.(index+2)}
     */
    public static String nodeIp(int index) {
        return "10.0.0." + (index + 2);
    }
}
