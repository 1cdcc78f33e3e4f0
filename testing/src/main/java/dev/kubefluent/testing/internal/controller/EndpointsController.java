package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The endpoints and EndpointSlice controllers: for every Service with a selector, an Endpoints object of the same name
 * and one EndpointSlice ({@code <service>-xxxxx}, labels {@code kubernetes.io/service-name} and {@code
 * endpointslice.kubernetes.io/managed-by}) listing the selected pods that have an IP, ready ones as {@code addresses}
 * / {@code ready: true}, the others as {@code notReadyAddresses} / {@code ready: false}. Named target ports are
 * resolved against each pod's container ports. Addresses are ordered by pod name. Services without a selector are
 * left alone, as the real controllers do.
 */
final class EndpointsController implements Controller {

    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    static final String MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
    static final String MANAGED_BY = "endpointslice-controller.k8s.io";

    private final ClusterAccess access;
    private final WorkQueue queue;

    EndpointsController(ClusterAccess access) {
        this.access = access;
        this.queue = new WorkQueue(access, this::sync);
    }

    @Override
    public void onChange(String type, HasMetadata oldObject, HasMetadata newObject) {
        HasMetadata object = newObject != null ? newObject : oldObject;
        if (object instanceof Service) {
            queue.add(Meta.key(object));
        } else if (object instanceof Pod) {
            for (Service svc : access.list(Service.class, Meta.namespace(object))) {
                Map<String, String> selector = svc.getSpec() == null ? null : svc.getSpec().getSelector();
                if ((oldObject != null && Meta.matches(selector, Meta.labels(oldObject)))
                    || (newObject != null && Meta.matches(selector, Meta.labels(newObject)))) {
                    queue.add(Meta.key(svc));
                }
            }
        }
    }

    private void sync(String key) {
        String namespace = Meta.keyNamespace(key);
        String name = Meta.keyName(key);
        Optional<Service> stored = access.get(Service.class, namespace, name);
        if (stored.isEmpty()) {
            access.delete(Endpoints.class, namespace, name);
            return;
        }
        Service svc = stored.get();
        Map<String, String> selector = svc.getSpec() == null ? null : svc.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            return;
        }
        boolean publishNotReady = Boolean.TRUE.equals(svc.getSpec().getPublishNotReadyAddresses());
        List<Pod> pods = new ArrayList<>();
        for (Pod pod : access.list(Pod.class, namespace)) {
            if (Meta.matches(selector, Meta.labels(pod)) && !Meta.isDeleting(pod) && pod.getStatus() != null
                && pod.getStatus().getPodIP() != null && !pod.getStatus().getPodIP().isEmpty()) {
                pods.add(pod);
            }
        }
        syncEndpoints(svc, pods, publishNotReady);
        syncSlice(svc, pods, publishNotReady);
    }

    private void syncEndpoints(Service svc, List<Pod> pods, boolean publishNotReady) {
        Map<List<EndpointPort>, EndpointSubset> subsets = new LinkedHashMap<>();
        for (Pod pod : pods) {
            List<EndpointPort> ports = new ArrayList<>();
            for (ServicePort sp : servicePorts(svc)) {
                Integer port = targetPort(sp, pod);
                if (port != null) {
                    ports.add(new EndpointPort(sp.getAppProtocol(), sp.getName(), port, protocol(sp)));
                }
            }
            if (ports.isEmpty() && !servicePorts(svc).isEmpty()) {
                continue;
            }
            EndpointSubset subset = subsets.computeIfAbsent(ports, p -> new EndpointSubset(new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(p)));
            EndpointAddress address = new EndpointAddress(null, pod.getStatus().getPodIP(), pod.getSpec().getNodeName(),
                podRef(pod));
            if (publishNotReady || Meta.isPodReady(pod)) {
                subset.getAddresses().add(address);
            } else {
                subset.getNotReadyAddresses().add(address);
            }
        }
        List<EndpointSubset> wanted = new ArrayList<>();
        for (EndpointSubset s : subsets.values()) {
            wanted.add(new EndpointSubset(s.getAddresses().isEmpty() ? null : s.getAddresses(),
                s.getNotReadyAddresses().isEmpty() ? null : s.getNotReadyAddresses(), s.getPorts()));
        }
        Optional<Endpoints> current = access.get(Endpoints.class, Meta.namespace(svc), Meta.name(svc));
        if (current.isEmpty()) {
            access.create(new EndpointsBuilder()
                .withNewMetadata().withName(Meta.name(svc)).withNamespace(Meta.namespace(svc))
                    .withLabels(new LinkedHashMap<>(Meta.labels(svc))).endMetadata()
                .withSubsets(wanted)
                .build());
            return;
        }
        Endpoints endpoints = current.get();
        List<EndpointSubset> have = endpoints.getSubsets() == null ? List.of() : endpoints.getSubsets();
        if (!have.equals(wanted)) {
            endpoints.setSubsets(wanted);
            access.update(endpoints);
        }
    }

    private void syncSlice(Service svc, List<Pod> pods, boolean publishNotReady) {
        List<Endpoint> endpoints = new ArrayList<>();
        List<io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort> ports = null;
        for (Pod pod : pods) {
            List<io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort> podPorts = new ArrayList<>();
            for (ServicePort sp : servicePorts(svc)) {
                Integer port = targetPort(sp, pod);
                if (port != null) {
                    podPorts.add(new io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort(sp.getAppProtocol(),
                        sp.getName(), port, protocol(sp)));
                }
            }
            if (ports == null) {
                ports = podPorts;
            } else if (!ports.equals(podPorts)) {
                continue;
            }
            boolean ready = publishNotReady || Meta.isPodReady(pod);
            endpoints.add(new EndpointBuilder()
                .withAddresses(pod.getStatus().getPodIP())
                .withNewConditions().withReady(ready).withServing(Meta.isPodReady(pod)).withTerminating(false)
                .endConditions()
                .withNodeName(pod.getSpec().getNodeName())
                .withTargetRef(podRef(pod))
                .build());
        }
        if (ports == null) {
            ports = new ArrayList<>();
            for (ServicePort sp : servicePorts(svc)) {
                ports.add(new io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort(sp.getAppProtocol(),
                    sp.getName(), null, protocol(sp)));
            }
        }
        EndpointSlice existing = null;
        for (EndpointSlice slice : access.list(EndpointSlice.class, Meta.namespace(svc))) {
            if (Meta.name(svc).equals(Meta.labels(slice).get(SERVICE_NAME_LABEL))
                && MANAGED_BY.equals(Meta.labels(slice).get(MANAGED_BY_LABEL))) {
                existing = slice;
                break;
            }
        }
        if (existing == null) {
            Map<String, String> labels = new LinkedHashMap<>(Meta.labels(svc));
            labels.put(MANAGED_BY_LABEL, MANAGED_BY);
            labels.put(SERVICE_NAME_LABEL, Meta.name(svc));
            access.create(new EndpointSliceBuilder()
                .withNewMetadata().withGenerateName(Meta.name(svc) + "-").withNamespace(Meta.namespace(svc))
                    .withLabels(labels).withOwnerReferences(Meta.controllerRef(svc)).endMetadata()
                .withAddressType("IPv4")
                .withEndpoints(endpoints)
                .withPorts(ports)
                .build());
            return;
        }
        List<Endpoint> have = existing.getEndpoints() == null ? List.of() : existing.getEndpoints();
        List<io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort> havePorts =
            existing.getPorts() == null ? List.of() : existing.getPorts();
        if (!have.equals(endpoints) || !havePorts.equals(ports)) {
            existing.setEndpoints(endpoints);
            existing.setPorts(ports);
            access.update(existing);
        }
    }

    private static List<ServicePort> servicePorts(Service svc) {
        return svc.getSpec().getPorts() == null ? List.of() : svc.getSpec().getPorts();
    }

    private static String protocol(ServicePort sp) {
        return sp.getProtocol() == null ? "TCP" : sp.getProtocol();
    }

    /** {@code podutil.FindPort}: an int target port as is, a named one from the pod's container ports, else null. */
    static Integer targetPort(ServicePort sp, Pod pod) {
        IntOrString target = sp.getTargetPort();
        if (target == null || (target.getIntVal() == null && target.getStrVal() == null)) {
            return sp.getPort();
        }
        if (target.getIntVal() != null) {
            return target.getIntVal();
        }
        for (Container c : PodBehaviors.containers(pod)) {
            if (c.getPorts() == null) {
                continue;
            }
            for (ContainerPort p : c.getPorts()) {
                if (target.getStrVal().equals(p.getName())
                    && Objects.equals(p.getProtocol() == null ? "TCP" : p.getProtocol(), protocol(sp))) {
                    return p.getContainerPort();
                }
            }
        }
        return null;
    }

    private static ObjectReference podRef(Pod pod) {
        return new ObjectReferenceBuilder().withKind("Pod").withNamespace(Meta.namespace(pod)).withName(Meta.name(pod))
            .withUid(Meta.uid(pod)).build();
    }
}
