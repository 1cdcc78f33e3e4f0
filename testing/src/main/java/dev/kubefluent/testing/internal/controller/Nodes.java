package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulated nodes: names, labels, addresses and the Node objects stored at start. */
final class Nodes {

    private Nodes() {
    }

    static Map<String, String> labels(String node) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("kubernetes.io/arch", "amd64");
        labels.put("kubernetes.io/hostname", node);
        labels.put("kubernetes.io/os", "linux");
        return labels;
    }

    static Node node(String name, int index, String now) {
        Map<String, Quantity> capacity = new LinkedHashMap<>();
        capacity.put("cpu", new Quantity("4"));
        capacity.put("memory", new Quantity("16Gi"));
        capacity.put("pods", new Quantity("110"));
        return new NodeBuilder()
            .withNewMetadata().withName(name).withLabels(labels(name)).endMetadata()
            .withNewSpec().withPodCIDR(podCidr(index)).withPodCIDRs(podCidr(index)).endSpec()
            .withNewStatus()
                .withAddresses(List.of(new NodeAddress(ControllerSettings.nodeIp(index), "InternalIP"),
                    new NodeAddress(name, "Hostname")))
                .withCapacity(capacity)
                .withAllocatable(capacity)
                .withConditions(new NodeCondition(now, now, "kubelet is posting ready status", "KubeletReady", "True", "Ready"))
                .withNewNodeInfo()
                    .withArchitecture("amd64").withOperatingSystem("linux").withKubeletVersion("v1.33.0")
                    .withContainerRuntimeVersion("containerd://2.0.0").withOsImage("Kubefluent simulated node")
                    .withKernelVersion("6.8.0").withMachineID("").withSystemUUID("").withBootID("")
                .endNodeInfo()
            .endStatus()
            .build();
    }

    static String podCidr(int index) {
        return "10.244." + (index + 1) + ".0/24";
    }
}
