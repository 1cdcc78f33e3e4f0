package dev.kubefluent.core.validate;

import static dev.kubefluent.core.validate.Util.isSet;
import static dev.kubefluent.core.validate.Util.list;
import static dev.kubefluent.core.validate.Util.oneOf;

import dev.kubefluent.core.validate.MetadataRules.NameForm;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The API server's rules for a Service ({@code ValidateService}). */
final class ServiceRules {

    private ServiceRules() {
    }

    static void check(Findings f, Service svc) {
        MetadataRules.check(f, svc.getMetadata(), NameForm.DNS1035_LABEL, true);
        ServiceSpec s = svc.getSpec();
        if (s == null) {
            f.add(Rule.SERVICE_PORTS_REQUIRED, "spec.ports", "must not be empty", null);
            return;
        }
        String type = s.getType() == null ? "ClusterIP" : s.getType();
        if (!oneOf(type, "ClusterIP", "NodePort", "LoadBalancer", "ExternalName")) {
            f.add(Rule.SERVICE_TYPE_INVALID, "spec.type", "must be one of ClusterIP, NodePort, LoadBalancer, "
                    + "ExternalName", s.getType());
        }
        boolean headless = "None".equals(s.getClusterIP());
        boolean external = type.equals("ExternalName");
        boolean exposesNodePorts = type.equals("NodePort") || type.equals("LoadBalancer");
        if (headless && exposesNodePorts) {
            f.add(Rule.CLUSTER_IP_NONE_FORBIDDEN, "spec.clusterIP", "may not be None for type " + type,
                    s.getClusterIP());
        }
        if (external) {
            String en = s.getExternalName();
            if (en == null || en.isEmpty()) {
                f.add(Rule.EXTERNAL_NAME_INVALID, "spec.externalName", "is required for type ExternalName", en);
            } else if (!Formats.isDns1123Subdomain(en.endsWith(".") ? en.substring(0, en.length() - 1) : en)) {
                f.add(Rule.EXTERNAL_NAME_INVALID, "spec.externalName", "must be a DNS name", en);
            }
        }
        List<ServicePort> ports = list(s.getPorts());
        if (ports.isEmpty() && !headless && !external) {
            f.add(Rule.SERVICE_PORTS_REQUIRED, "spec.ports", "must not be empty", ports);
        }
        ports(f, ports, type, exposesNodePorts);
        String affinity = s.getSessionAffinity();
        if (affinity != null && !oneOf(affinity, "None", "ClientIP")) {
            f.add(Rule.SESSION_AFFINITY_INVALID, "spec.sessionAffinity", "must be None or ClientIP", affinity);
        }
        String etp = s.getExternalTrafficPolicy();
        if (etp != null && !etp.isEmpty()) {
            if (!oneOf(etp, "Cluster", "Local")) {
                f.add(Rule.TRAFFIC_POLICY_INVALID, "spec.externalTrafficPolicy", "must be Cluster or Local", etp);
            } else if (!exposesNodePorts) {
                f.add(Rule.TRAFFIC_POLICY_INVALID, "spec.externalTrafficPolicy",
                        "may only be set for type NodePort or LoadBalancer", etp);
            }
        }
        String itp = s.getInternalTrafficPolicy();
        if (itp != null && !oneOf(itp, "Cluster", "Local")) {
            f.add(Rule.TRAFFIC_POLICY_INVALID, "spec.internalTrafficPolicy", "must be Cluster or Local", itp);
        }
        if (!type.equals("LoadBalancer")) {
            if (!list(s.getLoadBalancerSourceRanges()).isEmpty()) {
                f.add(Rule.LOAD_BALANCER_FIELD_FORBIDDEN, "spec.loadBalancerSourceRanges",
                        "may only be set for type LoadBalancer", s.getLoadBalancerSourceRanges());
            }
            if (s.getAllocateLoadBalancerNodePorts() != null) {
                f.add(Rule.LOAD_BALANCER_FIELD_FORBIDDEN, "spec.allocateLoadBalancerNodePorts",
                        "may only be set for type LoadBalancer", s.getAllocateLoadBalancerNodePorts());
            }
        }
        MetadataRules.labels(f, s.getSelector(), "spec.selector");
    }

    private static void ports(Findings f, List<ServicePort> ports, String type, boolean exposesNodePorts) {
        boolean several = ports.size() > 1;
        Set<String> names = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            ServicePort port = ports.get(i);
            String pp = "spec.ports[" + i + "]";
            String name = port.getName();
            if (name == null || name.isEmpty()) {
                if (several) {
                    f.add(Rule.SERVICE_PORT_NAME_REQUIRED, pp + ".name", "is required when a Service has several ports",
                            name);
                }
            } else if (!Formats.isDns1123Label(name)) {
                f.add(Rule.SERVICE_PORT_NAME_INVALID, pp + ".name",
                        "must be a DNS-1123 label (lower-case alphanumerics and '-', at most 63 characters)", name);
            } else if (!names.add(name)) {
                f.add(Rule.SERVICE_PORT_NAME_DUPLICATE, pp + ".name", "must be unique within the Service", name);
            }
            Integer number = port.getPort();
            if (number == null || !Formats.isPortNumber(number)) {
                f.add(Rule.SERVICE_PORT_INVALID, pp + ".port", "must be between 1 and 65535", number);
            }
            String proto = port.getProtocol();
            if (proto != null && !oneOf(proto, "TCP", "UDP", "SCTP")) {
                f.add(Rule.PROTOCOL_INVALID, pp + ".protocol", "must be one of TCP, UDP, SCTP", proto);
            }
            if (number != null && !numbers.add((proto == null ? "TCP" : proto) + "/" + number)) {
                f.add(Rule.SERVICE_PORT_DUPLICATE, pp + ".port", "must be unique per protocol within the Service",
                        number);
            }
            IntOrString target = port.getTargetPort();
            if (isSet(target)) {
                if (target.getIntVal() != null) {
                    if (!Formats.isPortNumber(target.getIntVal())) {
                        f.add(Rule.TARGET_PORT_INVALID, pp + ".targetPort", "must be between 1 and 65535",
                                target.getIntVal());
                    }
                } else if (!Formats.isIanaSvcName(target.getStrVal())) {
                    f.add(Rule.TARGET_PORT_INVALID, pp + ".targetPort",
                            "must be a port number or an IANA service name (at most 15 lower-case alphanumerics "
                                    + "and '-', with at least one letter)", target.getStrVal());
                }
            }
            Integer nodePort = port.getNodePort();
            if (nodePort != null && nodePort != 0) {
                if (!exposesNodePorts) {
                    f.add(Rule.NODE_PORT_FORBIDDEN, pp + ".nodePort",
                            "may only be set for type NodePort or LoadBalancer, not " + type, nodePort);
                } else if (!Formats.isPortNumber(nodePort)) {
                    f.add(Rule.NODE_PORT_INVALID, pp + ".nodePort", "must be between 1 and 65535", nodePort);
                }
            }
            if (type.equals("LoadBalancer") && number != null && number == 10250) {
                f.add(Rule.LOAD_BALANCER_PORT_FORBIDDEN, pp + ".port", "may not be 10250 for type LoadBalancer",
                        number);
            }
        }
    }
}
