package dev.kubefluent.testing.internal.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API server's defaulting for the built-in kinds (the {@code SetDefaults_*} functions), on JSON trees. */
final class Defaults {

    /** Allocates what defaulting needs from the cluster: service IPs and node ports. */
    interface Allocator {
        String clusterIp();

        int nodePort();
    }

    private Defaults() {
    }

    static void apply(ResourceType type, Map<String, Object> o, Allocator allocator) {
        Map<String, Object> spec = Json.map(o, "spec");
        switch (type.kind()) {
            case "Deployment" -> {
                spec = Json.mapOrCreate(o, "spec");
                spec.putIfAbsent("replicas", 1);
                Map<String, Object> strategy = Json.mapOrCreate(spec, "strategy");
                strategy.putIfAbsent("type", "RollingUpdate");
                if ("RollingUpdate".equals(strategy.get("type"))) {
                    Map<String, Object> ru = Json.mapOrCreate(strategy, "rollingUpdate");
                    ru.putIfAbsent("maxUnavailable", "25%");
                    ru.putIfAbsent("maxSurge", "25%");
                }
                spec.putIfAbsent("revisionHistoryLimit", 10);
                spec.putIfAbsent("progressDeadlineSeconds", 600);
                template(spec);
            }
            case "ReplicaSet", "ReplicationController" -> {
                spec = Json.mapOrCreate(o, "spec");
                spec.putIfAbsent("replicas", 1);
                template(spec);
            }
            case "StatefulSet" -> {
                spec = Json.mapOrCreate(o, "spec");
                spec.putIfAbsent("replicas", 1);
                spec.putIfAbsent("podManagementPolicy", "OrderedReady");
                Map<String, Object> strategy = Json.mapOrCreate(spec, "updateStrategy");
                strategy.putIfAbsent("type", "RollingUpdate");
                if ("RollingUpdate".equals(strategy.get("type"))) {
                    Json.mapOrCreate(strategy, "rollingUpdate").putIfAbsent("partition", 0);
                }
                spec.putIfAbsent("revisionHistoryLimit", 10);
                Map<String, Object> retention = Json.mapOrCreate(spec, "persistentVolumeClaimRetentionPolicy");
                retention.putIfAbsent("whenDeleted", "Retain");
                retention.putIfAbsent("whenScaled", "Retain");
                template(spec);
            }
            case "DaemonSet" -> {
                spec = Json.mapOrCreate(o, "spec");
                Map<String, Object> strategy = Json.mapOrCreate(spec, "updateStrategy");
                strategy.putIfAbsent("type", "RollingUpdate");
                if ("RollingUpdate".equals(strategy.get("type"))) {
                    Map<String, Object> ru = Json.mapOrCreate(strategy, "rollingUpdate");
                    ru.putIfAbsent("maxUnavailable", 1);
                    ru.putIfAbsent("maxSurge", 0);
                }
                spec.putIfAbsent("revisionHistoryLimit", 10);
                template(spec);
            }
            case "Job" -> {
                spec = Json.mapOrCreate(o, "spec");
                spec.putIfAbsent("parallelism", 1);
                spec.putIfAbsent("completions", 1);
                spec.putIfAbsent("backoffLimit", 6);
                spec.putIfAbsent("completionMode", "NonIndexed");
                spec.putIfAbsent("suspend", false);
                template(spec);
            }
            case "CronJob" -> {
                spec = Json.mapOrCreate(o, "spec");
                spec.putIfAbsent("concurrencyPolicy", "Allow");
                spec.putIfAbsent("suspend", false);
                spec.putIfAbsent("successfulJobsHistoryLimit", 3);
                spec.putIfAbsent("failedJobsHistoryLimit", 1);
                Map<String, Object> jobSpec = Json.map(Json.map(spec, "jobTemplate"), "spec");
                if (jobSpec != null) {
                    template(jobSpec);
                }
            }
            case "Pod" -> podSpec(Json.mapOrCreate(o, "spec"));
            case "Service" -> service(Json.mapOrCreate(o, "spec"), allocator);
            case "Secret" -> secret(o);
            case "Namespace" -> {
                Json.metadata(o);
                Map<String, Object> labels = Json.mapOrCreate(Json.metadata(o), "labels");
                labels.put("kubernetes.io/metadata.name", Json.name(o));
                Map<String, Object> nsSpec = Json.mapOrCreate(o, "spec");
                nsSpec.putIfAbsent("finalizers", new ArrayList<>(List.of("kubernetes")));
            }
            case "PersistentVolumeClaim" -> {
                if (spec != null) {
                    spec.putIfAbsent("volumeMode", "Filesystem");
                }
            }
            default -> {
            }
        }
    }

    private static void template(Map<String, Object> spec) {
        Map<String, Object> template = Json.map(spec, "template");
        if (template != null) {
            podSpec(Json.mapOrCreate(template, "spec"));
        }
    }

    static void podSpec(Map<String, Object> spec) {
        spec.putIfAbsent("restartPolicy", "Always");
        spec.putIfAbsent("terminationGracePeriodSeconds", 30);
        spec.putIfAbsent("dnsPolicy", "ClusterFirst");
        spec.putIfAbsent("securityContext", new LinkedHashMap<>());
        spec.putIfAbsent("schedulerName", "default-scheduler");
        for (String list : List.of("initContainers", "containers")) {
            List<Object> containers = Json.list(spec, list);
            if (containers != null) {
                for (Object c : containers) {
                    if (c instanceof Map) {
                        container(Json.asMap(c));
                    }
                }
            }
        }
    }

    private static void container(Map<String, Object> c) {
        c.putIfAbsent("terminationMessagePath", "/dev/termination-log");
        c.putIfAbsent("terminationMessagePolicy", "File");
        c.putIfAbsent("resources", new LinkedHashMap<>());
        Object image = c.get("image");
        if (image != null && !c.containsKey("imagePullPolicy")) {
            String text = String.valueOf(image);
            String afterSlash = text.substring(text.lastIndexOf('/') + 1);
            boolean digest = text.contains("@");
            boolean latest = !digest && (!afterSlash.contains(":") || afterSlash.endsWith(":latest"));
            c.put("imagePullPolicy", latest ? "Always" : "IfNotPresent");
        }
        List<Object> ports = Json.list(c, "ports");
        if (ports != null) {
            for (Object p : ports) {
                if (p instanceof Map) {
                    Json.asMap(p).putIfAbsent("protocol", "TCP");
                }
            }
        }
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            Map<String, Object> pr = Json.map(c, probe);
            if (pr != null) {
                pr.putIfAbsent("timeoutSeconds", 1);
                pr.putIfAbsent("periodSeconds", 10);
                pr.putIfAbsent("successThreshold", 1);
                pr.putIfAbsent("failureThreshold", 3);
                Map<String, Object> http = Json.map(pr, "httpGet");
                if (http != null) {
                    http.putIfAbsent("scheme", "HTTP");
                }
            }
        }
    }

    private static void service(Map<String, Object> spec, Allocator allocator) {
        spec.putIfAbsent("type", "ClusterIP");
        spec.putIfAbsent("sessionAffinity", "None");
        String type = String.valueOf(spec.get("type"));
        if (!type.equals("ExternalName")) {
            if (!spec.containsKey("clusterIP") || "".equals(spec.get("clusterIP"))) {
                spec.put("clusterIP", allocator.clusterIp());
            }
            spec.putIfAbsent("clusterIPs", new ArrayList<>(List.of(spec.get("clusterIP"))));
            if (!"None".equals(spec.get("clusterIP"))) {
                spec.putIfAbsent("ipFamilies", new ArrayList<>(List.of("IPv4")));
                spec.putIfAbsent("ipFamilyPolicy", "SingleStack");
            }
            spec.putIfAbsent("internalTrafficPolicy", "Cluster");
        }
        boolean nodePorts = type.equals("NodePort") || type.equals("LoadBalancer");
        if (nodePorts) {
            spec.putIfAbsent("externalTrafficPolicy", "Cluster");
        }
        List<Object> ports = Json.list(spec, "ports");
        if (ports != null) {
            for (Object p : ports) {
                if (p instanceof Map) {
                    Map<String, Object> port = Json.asMap(p);
                    port.putIfAbsent("protocol", "TCP");
                    if (port.get("port") != null) {
                        port.putIfAbsent("targetPort", port.get("port"));
                    }
                    if (nodePorts && port.get("nodePort") == null) {
                        port.put("nodePort", allocator.nodePort());
                    }
                }
            }
        }
    }

    private static void secret(Map<String, Object> o) {
        o.putIfAbsent("type", "Opaque");
        Object stringData = o.remove("stringData");
        if (stringData instanceof Map<?, ?> sd && !sd.isEmpty()) {
            Map<String, Object> data = Json.mapOrCreate(o, "data");
            for (Map.Entry<?, ?> e : sd.entrySet()) {
                String value = e.getValue() == null ? "" : String.valueOf(e.getValue());
                data.put(String.valueOf(e.getKey()),
                        Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }
}
