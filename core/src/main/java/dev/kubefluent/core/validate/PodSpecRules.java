package dev.kubefluent.core.validate;

import static dev.kubefluent.core.validate.Util.isBlank;
import static dev.kubefluent.core.validate.Util.isSet;
import static dev.kubefluent.core.validate.Util.isTrue;
import static dev.kubefluent.core.validate.Util.list;
import static dev.kubefluent.core.validate.Util.map;
import static dev.kubefluent.core.validate.Util.oneOf;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API server's rules for a pod spec ({@code ValidatePodSpec}), walked once for a Pod and for the template of
 * every pod-bearing kind. {@code p} is the path prefix of the spec, ending in a dot: {@code spec.} for a Pod,
 * {@code spec.template.spec.} for a Deployment.
 */
final class PodSpecRules {

    private static final String DNS_LABEL_TEXT =
            "must be a DNS-1123 label (lower-case alphanumerics and '-', at most 63 characters)";
    private static final String IANA_TEXT =
            "must be an IANA service name (at most 15 lower-case alphanumerics and '-', with at least one letter)";
    private static final String PORT_RANGE_TEXT = "must be between 1 and 65535";
    private static final long MAX_ID = 2147483647L;
    private static final Set<String> FIELD_PATHS = Set.of("metadata.name", "metadata.namespace", "metadata.uid",
            "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP",
            "status.podIPs");
    private static final Set<String> RESOURCE_FIELDS = Set.of("limits.cpu", "limits.memory",
            "limits.ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage");
    private static final Set<String> STANDARD_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");

    private PodSpecRules() {
    }

    static void check(Findings f, PodSpec spec, String p, boolean template) {
        check(f, spec, p, template, Set.of());
    }

    /**
     * Like {@link #check(Findings, PodSpec, String, boolean)}, with volumes the controller adds (a StatefulSet's
     * volumeClaimTemplates) that volumeMounts may name.
     */
    static void check(Findings f, PodSpec spec, String p, boolean template, Set<String> extraVolumes) {
        if (spec == null) {
            f.add(Rule.CONTAINERS_REQUIRED, p + "containers", "must not be empty", null);
            return;
        }
        Set<String> volumes = volumes(f, spec, p);
        if (!extraVolumes.isEmpty()) {
            volumes = new HashSet<>(volumes);
            volumes.addAll(extraVolumes);
        }
        List<Container> containers = list(spec.getContainers());
        List<Container> inits = list(spec.getInitContainers());
        if (containers.isEmpty()) {
            f.add(Rule.CONTAINERS_REQUIRED, p + "containers", "must not be empty", containers);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < inits.size(); i++) {
            container(f, spec, inits.get(i), p + "initContainers[" + i + "]", names, volumes, true);
        }
        for (int i = 0; i < containers.size(); i++) {
            container(f, spec, containers.get(i), p + "containers[" + i + "]", names, volumes, false);
        }
        hostPortConflicts(f, containers, p);
        if (template && !list(spec.getEphemeralContainers()).isEmpty()) {
            f.addShown(Rule.TEMPLATE_EPHEMERAL_CONTAINERS_FORBIDDEN, p + "ephemeralContainers",
                    "must not be set in a pod template", spec.getEphemeralContainers().size() + " container(s)");
        }
        podFields(f, spec, p);
    }

    // ---------------------------------------------------------------- pod-level fields

    private static void podFields(Findings f, PodSpec spec, String p) {
        String rp = spec.getRestartPolicy();
        if (rp != null && !oneOf(rp, "Always", "OnFailure", "Never")) {
            f.add(Rule.RESTART_POLICY_INVALID, p + "restartPolicy", "must be one of Always, OnFailure, Never", rp);
        }
        String dns = spec.getDnsPolicy();
        if (dns != null && !oneOf(dns, "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None")) {
            f.add(Rule.DNS_POLICY_INVALID, p + "dnsPolicy",
                    "must be one of ClusterFirst, ClusterFirstWithHostNet, Default, None", dns);
        } else if ("None".equals(dns)
                && (spec.getDnsConfig() == null || list(spec.getDnsConfig().getNameservers()).isEmpty())) {
            f.add(Rule.DNS_POLICY_INVALID, p + "dnsConfig.nameservers",
                    "must list at least one nameserver when dnsPolicy is None", null);
        }
        String sa = spec.getServiceAccountName();
        if (sa != null && !sa.isEmpty() && !Formats.isDns1123Subdomain(sa)) {
            f.add(Rule.SERVICE_ACCOUNT_NAME_INVALID, p + "serviceAccountName",
                    "must be a DNS-1123 subdomain (lower-case alphanumerics, '-' and '.', at most 253 characters)", sa);
        }
        String pc = spec.getPriorityClassName();
        if (pc != null && !pc.isEmpty() && !Formats.isDns1123Subdomain(pc)) {
            f.add(Rule.POD_FIELD_INVALID, p + "priorityClassName", "must be a DNS-1123 subdomain", pc);
        }
        Long grace = spec.getTerminationGracePeriodSeconds();
        if (grace != null && grace < 0) {
            f.add(Rule.POD_FIELD_INVALID, p + "terminationGracePeriodSeconds",
                    "must be greater than or equal to 0", grace);
        }
        Long deadline = spec.getActiveDeadlineSeconds();
        if (deadline != null && deadline <= 0) {
            f.add(Rule.POD_FIELD_INVALID, p + "activeDeadlineSeconds", "must be greater than 0", deadline);
        }
        MetadataRules.labels(f, spec.getNodeSelector(), p + "nodeSelector");
        List<LocalObjectReference> pullSecrets = list(spec.getImagePullSecrets());
        for (int i = 0; i < pullSecrets.size(); i++) {
            LocalObjectReference r = pullSecrets.get(i);
            if (r == null || isBlank(r.getName())) {
                f.add(Rule.IMAGE_PULL_SECRET_INVALID, p + "imagePullSecrets[" + i + "].name", "is required",
                        r == null ? null : r.getName());
            }
        }
        PodSecurityContext sc = spec.getSecurityContext();
        if (sc != null) {
            String sp = p + "securityContext";
            ids(f, sp + ".runAsUser", sc.getRunAsUser());
            ids(f, sp + ".runAsGroup", sc.getRunAsGroup());
            ids(f, sp + ".fsGroup", sc.getFsGroup());
            seccomp(f, sc.getSeccompProfile(), sp + ".seccompProfile");
        }
        tolerations(f, list(spec.getTolerations()), p);
        spread(f, list(spec.getTopologySpreadConstraints()), p);
    }

    private static void ids(Findings f, String path, Long id) {
        if (id != null && (id < 0 || id > MAX_ID)) {
            f.add(Rule.RUN_AS_ID_INVALID, path, "must be between 0 and 2147483647", id);
        }
    }

    private static void seccomp(Findings f, SeccompProfile s, String path) {
        if (s == null) {
            return;
        }
        String type = s.getType();
        if (!oneOf(type, "RuntimeDefault", "Unconfined", "Localhost")) {
            f.add(Rule.SECCOMP_PROFILE_INVALID, path + ".type", "must be one of RuntimeDefault, Unconfined, Localhost",
                    type);
        } else if ("Localhost".equals(type) && isBlank(s.getLocalhostProfile())) {
            f.add(Rule.SECCOMP_PROFILE_INVALID, path + ".localhostProfile", "is required for type Localhost",
                    s.getLocalhostProfile());
        } else if (!"Localhost".equals(type) && s.getLocalhostProfile() != null) {
            f.add(Rule.SECCOMP_PROFILE_INVALID, path + ".localhostProfile", "may only be set for type Localhost",
                    s.getLocalhostProfile());
        }
    }

    private static void tolerations(Findings f, List<Toleration> tolerations, String p) {
        for (int i = 0; i < tolerations.size(); i++) {
            Toleration t = tolerations.get(i);
            String tp = p + "tolerations[" + i + "]";
            String op = t.getOperator();
            boolean exists = "Exists".equals(op);
            if (op != null && !op.isEmpty() && !exists && !"Equal".equals(op)) {
                f.add(Rule.TOLERATION_INVALID, tp + ".operator", "must be Equal or Exists", op);
            }
            if (!isBlank(t.getKey()) && !Formats.isQualifiedName(t.getKey())) {
                f.add(Rule.TOLERATION_INVALID, tp + ".key", "must be a qualified name ([prefix/]name)", t.getKey());
            }
            if (isBlank(t.getKey()) && !exists) {
                f.add(Rule.TOLERATION_INVALID, tp + ".operator", "must be Exists when key is empty", op);
            }
            if (exists && t.getValue() != null && !t.getValue().isEmpty()) {
                f.add(Rule.TOLERATION_INVALID, tp + ".value", "must be empty when operator is Exists", t.getValue());
            } else if (!exists && t.getValue() != null && !Formats.isLabelValue(t.getValue())) {
                f.add(Rule.TOLERATION_INVALID, tp + ".value", "must be a valid label value", t.getValue());
            }
            String effect = t.getEffect();
            if (effect != null && !effect.isEmpty() && !oneOf(effect, "NoSchedule", "PreferNoSchedule", "NoExecute")) {
                f.add(Rule.TOLERATION_INVALID, tp + ".effect", "must be one of NoSchedule, PreferNoSchedule, NoExecute",
                        effect);
            }
            if (t.getTolerationSeconds() != null && !"NoExecute".equals(effect)) {
                f.add(Rule.TOLERATION_INVALID, tp + ".effect", "must be NoExecute when tolerationSeconds is set",
                        effect);
            }
        }
    }

    private static void spread(Findings f, List<TopologySpreadConstraint> constraints, String p) {
        for (int i = 0; i < constraints.size(); i++) {
            TopologySpreadConstraint c = constraints.get(i);
            String cp = p + "topologySpreadConstraints[" + i + "]";
            if (c.getMaxSkew() == null || c.getMaxSkew() <= 0) {
                f.add(Rule.TOPOLOGY_SPREAD_INVALID, cp + ".maxSkew", "must be greater than 0", c.getMaxSkew());
            }
            if (isBlank(c.getTopologyKey())) {
                f.add(Rule.TOPOLOGY_SPREAD_INVALID, cp + ".topologyKey", "is required", c.getTopologyKey());
            }
            if (!oneOf(c.getWhenUnsatisfiable(), "DoNotSchedule", "ScheduleAnyway")) {
                f.add(Rule.TOPOLOGY_SPREAD_INVALID, cp + ".whenUnsatisfiable",
                        "must be DoNotSchedule or ScheduleAnyway", c.getWhenUnsatisfiable());
            }
            Selectors.check(f, c.getLabelSelector(), cp + ".labelSelector");
        }
    }

    private static void hostPortConflicts(Findings f, List<Container> containers, String p) {
        Set<String> seen = null;
        for (int i = 0; i < containers.size(); i++) {
            List<ContainerPort> ports = list(containers.get(i).getPorts());
            for (int j = 0; j < ports.size(); j++) {
                ContainerPort port = ports.get(j);
                Integer hp = port.getHostPort();
                if (hp == null || hp == 0) {
                    continue;
                }
                if (seen == null) {
                    seen = new HashSet<>();
                }
                String proto = port.getProtocol() == null ? "TCP" : port.getProtocol();
                String key = proto + "/" + (port.getHostIP() == null ? "" : port.getHostIP()) + "/" + hp;
                if (!seen.add(key)) {
                    f.add(Rule.HOST_PORT_CONFLICT, p + "containers[" + i + "].ports[" + j + "].hostPort",
                            "must not be used twice for the same protocol and hostIP", hp);
                }
            }
        }
    }

    // ---------------------------------------------------------------- volumes

    /** Checks the pod's volumes and returns their names. */
    private static Set<String> volumes(Findings f, PodSpec spec, String p) {
        List<Volume> volumes = list(spec.getVolumes());
        if (volumes.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < volumes.size(); i++) {
            Volume v = volumes.get(i);
            String vp = p + "volumes[" + i + "]";
            String name = v.getName();
            if (!Formats.isDns1123Label(name)) {
                f.add(Rule.VOLUME_NAME_INVALID, vp + ".name", DNS_LABEL_TEXT, name);
            }
            if (name != null && !names.add(name)) {
                f.add(Rule.VOLUME_NAME_DUPLICATE, vp + ".name", "must be unique among the pod's volumes", name);
            }
            List<String> sources = VolumeSources.of(v);
            if (sources.isEmpty()) {
                f.addShown(Rule.VOLUME_SOURCE_MISSING, vp, "must specify a volume type", "none");
            } else if (sources.size() > 1) {
                f.addShown(Rule.VOLUME_SOURCE_MULTIPLE, vp, "must specify exactly one volume type",
                        String.join(", ", sources));
            }
            if (v.getConfigMap() != null) {
                if (isBlank(v.getConfigMap().getName())) {
                    f.add(Rule.VOLUME_REFERENCE_REQUIRED, vp + ".configMap.name", "is required",
                            v.getConfigMap().getName());
                }
                mode(f, v.getConfigMap().getDefaultMode(), vp + ".configMap.defaultMode");
                items(f, list(v.getConfigMap().getItems()), vp + ".configMap.items");
            }
            if (v.getSecret() != null) {
                if (isBlank(v.getSecret().getSecretName())) {
                    f.add(Rule.VOLUME_REFERENCE_REQUIRED, vp + ".secret.secretName", "is required",
                            v.getSecret().getSecretName());
                }
                mode(f, v.getSecret().getDefaultMode(), vp + ".secret.defaultMode");
                items(f, list(v.getSecret().getItems()), vp + ".secret.items");
            }
            if (v.getPersistentVolumeClaim() != null && isBlank(v.getPersistentVolumeClaim().getClaimName())) {
                f.add(Rule.VOLUME_REFERENCE_REQUIRED, vp + ".persistentVolumeClaim.claimName", "is required",
                        v.getPersistentVolumeClaim().getClaimName());
            }
            if (v.getEmptyDir() != null && v.getEmptyDir().getSizeLimit() != null) {
                quantity(f, v.getEmptyDir().getSizeLimit(), vp + ".emptyDir.sizeLimit");
            }
            if (v.getHostPath() != null && isBlank(v.getHostPath().getPath())) {
                f.add(Rule.VOLUME_REFERENCE_REQUIRED, vp + ".hostPath.path", "is required", v.getHostPath().getPath());
            }
        }
        return names;
    }

    private static void mode(Findings f, Integer mode, String path) {
        if (mode != null && (mode < 0 || mode > 0777)) {
            f.addShown(Rule.VOLUME_MODE_INVALID, path, "must be between 0 and 0777 (octal)",
                    mode + " (octal " + Integer.toOctalString(mode) + ")");
        }
    }

    private static void items(Findings f, List<KeyToPath> items, String path) {
        for (int i = 0; i < items.size(); i++) {
            KeyToPath item = items.get(i);
            String ip = path + "[" + i + "]";
            if (isBlank(item.getKey())) {
                f.add(Rule.VOLUME_ITEM_PATH_INVALID, ip + ".key", "is required", item.getKey());
            }
            String itemPath = item.getPath();
            if (isBlank(itemPath) || !Util.isRelativeWithoutDotDot(itemPath)) {
                f.add(Rule.VOLUME_ITEM_PATH_INVALID, ip + ".path", "must be a relative path without '..'", itemPath);
            }
            mode(f, item.getMode(), ip + ".mode");
        }
    }

    // ---------------------------------------------------------------- containers

    private static void container(Findings f, PodSpec spec, Container c, String cp, Set<String> names,
            Set<String> volumes, boolean init) {
        String name = c.getName();
        if (!Formats.isDns1123Label(name)) {
            f.add(Rule.CONTAINER_NAME_INVALID, cp + ".name", DNS_LABEL_TEXT, name);
        }
        if (name != null && !names.add(name)) {
            f.add(Rule.CONTAINER_NAME_DUPLICATE, cp + ".name", "must be unique across containers and initContainers",
                    name);
        }
        String image = c.getImage();
        if (isBlank(image)) {
            f.add(Rule.CONTAINER_IMAGE_REQUIRED, cp + ".image", "is required", image);
        } else if (!image.equals(image.strip())) {
            f.add(Rule.CONTAINER_IMAGE_REQUIRED, cp + ".image", "must not have leading or trailing whitespace", image);
        }
        String pull = c.getImagePullPolicy();
        if (pull != null && !oneOf(pull, "Always", "IfNotPresent", "Never")) {
            f.add(Rule.IMAGE_PULL_POLICY_INVALID, cp + ".imagePullPolicy", "must be one of Always, IfNotPresent, Never",
                    pull);
        }
        String tmp = c.getTerminationMessagePolicy();
        if (tmp != null && !oneOf(tmp, "File", "FallbackToLogsOnError")) {
            f.add(Rule.TERMINATION_MESSAGE_POLICY_INVALID, cp + ".terminationMessagePolicy",
                    "must be File or FallbackToLogsOnError", tmp);
        }
        boolean sidecar = init && "Always".equals(c.getRestartPolicy());
        if (c.getRestartPolicy() != null) {
            if (!init) {
                f.add(Rule.CONTAINER_RESTART_POLICY_INVALID, cp + ".restartPolicy",
                        "may only be set on init containers", c.getRestartPolicy());
            } else if (!sidecar) {
                f.add(Rule.CONTAINER_RESTART_POLICY_INVALID, cp + ".restartPolicy", "must be Always",
                        c.getRestartPolicy());
            }
        }
        ports(f, spec, list(c.getPorts()), cp);
        env(f, c, cp);
        mounts(f, c, cp, volumes);
        resources(f, c.getResources(), cp + ".resources");
        if (init && !sidecar) {
            forbidOnInit(f, c.getLivenessProbe(), cp + ".livenessProbe");
            forbidOnInit(f, c.getReadinessProbe(), cp + ".readinessProbe");
            forbidOnInit(f, c.getStartupProbe(), cp + ".startupProbe");
            forbidOnInit(f, c.getLifecycle(), cp + ".lifecycle");
        } else {
            probe(f, c.getLivenessProbe(), cp + ".livenessProbe", true);
            probe(f, c.getReadinessProbe(), cp + ".readinessProbe", false);
            probe(f, c.getStartupProbe(), cp + ".startupProbe", true);
            if (c.getLifecycle() != null) {
                lifecycle(f, c.getLifecycle().getPostStart(), cp + ".lifecycle.postStart");
                lifecycle(f, c.getLifecycle().getPreStop(), cp + ".lifecycle.preStop");
            }
        }
        securityContext(f, spec, c.getSecurityContext(), cp + ".securityContext");
    }

    private static void forbidOnInit(Findings f, Object handler, String path) {
        if (handler != null) {
            f.addShown(Rule.INIT_CONTAINER_PROBE_FORBIDDEN, path, "must not be set on an init container", "set");
        }
    }

    private static void ports(Findings f, PodSpec spec, List<ContainerPort> ports, String cp) {
        if (ports.isEmpty()) {
            return;
        }
        Set<String> names = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        boolean hostNetwork = isTrue(spec.getHostNetwork());
        for (int j = 0; j < ports.size(); j++) {
            ContainerPort port = ports.get(j);
            String pp = cp + ".ports[" + j + "]";
            Integer number = port.getContainerPort();
            if (number == null || !Formats.isPortNumber(number)) {
                f.add(Rule.CONTAINER_PORT_INVALID, pp + ".containerPort", PORT_RANGE_TEXT, number);
            }
            Integer hp = port.getHostPort();
            if (hp != null && hp != 0 && !Formats.isPortNumber(hp)) {
                f.add(Rule.HOST_PORT_INVALID, pp + ".hostPort", "must be 0 or between 1 and 65535", hp);
            }
            if (hostNetwork && hp != null && hp != 0 && !hp.equals(number)) {
                f.add(Rule.HOST_NETWORK_PORT_MISMATCH, pp + ".hostPort",
                        "must equal containerPort " + number + " when hostNetwork is true", hp);
            }
            String name = port.getName();
            if (name != null && !name.isEmpty()) {
                if (!Formats.isIanaSvcName(name)) {
                    f.add(Rule.PORT_NAME_INVALID, pp + ".name", IANA_TEXT, name);
                } else if (!names.add(name)) {
                    f.add(Rule.PORT_NAME_DUPLICATE, pp + ".name", "must be unique within the container", name);
                }
            }
            String proto = port.getProtocol();
            if (proto != null && !oneOf(proto, "TCP", "UDP", "SCTP")) {
                f.add(Rule.PROTOCOL_INVALID, pp + ".protocol", "must be one of TCP, UDP, SCTP", proto);
            }
            if (number != null && !numbers.add((proto == null ? "TCP" : proto) + "/" + number)) {
                f.add(Rule.CONTAINER_PORT_DUPLICATE, pp + ".containerPort",
                        "should be unique per protocol within the container", number);
            }
        }
    }

    private static void env(Findings f, Container c, String cp) {
        List<EnvVar> env = list(c.getEnv());
        KubeVersion v = f.version();
        Map<String, Integer> seen = env.size() > 1 ? new HashMap<>() : null;
        for (int k = 0; k < env.size(); k++) {
            EnvVar e = env.get(k);
            String ep = cp + ".env[" + k + "]";
            String name = e.getName();
            if (!Formats.isEnvVarName(name, v)) {
                f.add(Rule.ENV_NAME_INVALID, ep + ".name", envNameText(v), name);
            } else if (seen != null && seen.put(name, k) != null) {
                f.add(Rule.ENV_DUPLICATE, ep + ".name", "should be defined once per container", name);
            }
            EnvVarSource src = e.getValueFrom();
            if (src == null) {
                continue;
            }
            if (e.getValue() != null && !e.getValue().isEmpty()) {
                f.addShown(Rule.ENV_VALUE_CONFLICT, ep + ".valueFrom", "must not be set when value is not empty",
                        "both value and valueFrom");
            }
            List<String> kinds = new ArrayList<>(2);
            if (src.getFieldRef() != null) {
                kinds.add("fieldRef");
                String fp = src.getFieldRef().getFieldPath();
                if (!isSupportedFieldPath(fp)) {
                    f.add(Rule.ENV_FIELD_PATH_UNSUPPORTED, ep + ".valueFrom.fieldRef.fieldPath",
                            "must be one of metadata.name, metadata.namespace, metadata.uid, metadata.labels['<key>'], "
                                    + "metadata.annotations['<key>'], spec.nodeName, spec.serviceAccountName, "
                                    + "status.hostIP, status.hostIPs, status.podIP, status.podIPs", fp);
                }
            }
            if (src.getResourceFieldRef() != null) {
                kinds.add("resourceFieldRef");
                String r = src.getResourceFieldRef().getResource();
                if (r == null || !(RESOURCE_FIELDS.contains(r) || r.startsWith("limits.hugepages-")
                        || r.startsWith("requests.hugepages-"))) {
                    f.add(Rule.ENV_FIELD_PATH_UNSUPPORTED, ep + ".valueFrom.resourceFieldRef.resource",
                            "must be one of limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, "
                                    + "requests.memory, requests.ephemeral-storage", r);
                }
            }
            if (src.getConfigMapKeyRef() != null) {
                kinds.add("configMapKeyRef");
                keyRef(f, src.getConfigMapKeyRef().getName(), src.getConfigMapKeyRef().getKey(),
                        ep + ".valueFrom.configMapKeyRef");
            }
            if (src.getSecretKeyRef() != null) {
                kinds.add("secretKeyRef");
                keyRef(f, src.getSecretKeyRef().getName(), src.getSecretKeyRef().getKey(),
                        ep + ".valueFrom.secretKeyRef");
            }
            if (src.getFileKeyRef() != null) {
                kinds.add("fileKeyRef");
            }
            if (kinds.size() != 1) {
                f.addShown(Rule.ENV_SOURCE_INVALID, ep + ".valueFrom",
                        "must set exactly one of fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef",
                        kinds.isEmpty() ? "none" : String.join(", ", kinds));
            }
        }
        List<EnvFromSource> from = list(c.getEnvFrom());
        for (int k = 0; k < from.size(); k++) {
            EnvFromSource s = from.get(k);
            String fp = cp + ".envFrom[" + k + "]";
            boolean cm = s.getConfigMapRef() != null;
            boolean sec = s.getSecretRef() != null;
            if (cm == sec) {
                f.addShown(Rule.ENV_FROM_SOURCE_INVALID, fp, "must set exactly one of configMapRef, secretRef",
                        cm ? "configMapRef, secretRef" : "none");
            }
            if (cm && isBlank(s.getConfigMapRef().getName())) {
                f.add(Rule.KEY_REFERENCE_INVALID, fp + ".configMapRef.name", "is required",
                        s.getConfigMapRef().getName());
            }
            if (sec && isBlank(s.getSecretRef().getName())) {
                f.add(Rule.KEY_REFERENCE_INVALID, fp + ".secretRef.name", "is required", s.getSecretRef().getName());
            }
            if (s.getPrefix() != null && !s.getPrefix().isEmpty() && !Formats.isEnvVarName(s.getPrefix(), v)) {
                f.add(Rule.ENV_NAME_INVALID, fp + ".prefix", envNameText(v), s.getPrefix());
            }
        }
    }

    static String envNameText(KubeVersion v) {
        return v.isAtLeast(KubeVersion.of(1, 32))
                ? "must consist of printable ASCII characters other than '='"
                : "must match [-._a-zA-Z][-._a-zA-Z0-9]* (relaxed names need Kubernetes 1.32)";
    }

    private static boolean isSupportedFieldPath(String fp) {
        if (fp == null) {
            return false;
        }
        if (FIELD_PATHS.contains(fp)) {
            return true;
        }
        return (fp.startsWith("metadata.labels['") || fp.startsWith("metadata.annotations['")) && fp.endsWith("']");
    }

    private static void keyRef(Findings f, String name, String key, String path) {
        if (isBlank(name)) {
            f.add(Rule.KEY_REFERENCE_INVALID, path + ".name", "is required", name);
        }
        if (!Formats.isConfigKey(key)) {
            f.add(Rule.KEY_REFERENCE_INVALID, path + ".key",
                    "must be a valid config key (alphanumerics, '-', '_' or '.')", key);
        }
    }

    private static void mounts(Findings f, Container c, String cp, Set<String> volumes) {
        List<VolumeMount> mounts = list(c.getVolumeMounts());
        if (mounts.isEmpty()) {
            return;
        }
        Set<String> paths = new HashSet<>();
        for (int k = 0; k < mounts.size(); k++) {
            VolumeMount m = mounts.get(k);
            String mp = cp + ".volumeMounts[" + k + "]";
            if (m.getName() == null || !volumes.contains(m.getName())) {
                f.add(Rule.VOLUME_MOUNT_NOT_FOUND, mp + ".name", "must name a volume declared in the pod's volumes",
                        m.getName());
            }
            String path = m.getMountPath();
            if (isBlank(path)) {
                f.add(Rule.MOUNT_PATH_REQUIRED, mp + ".mountPath", "is required", path);
            } else if (!paths.add(path)) {
                f.add(Rule.MOUNT_PATH_DUPLICATE, mp + ".mountPath", "must be unique within the container", path);
            }
            String sub = m.getSubPath();
            if (sub != null && !sub.isEmpty()) {
                if (!Util.isRelativeWithoutDotDot(sub)) {
                    f.add(Rule.SUB_PATH_INVALID, mp + ".subPath", "must be a relative path without '..'", sub);
                }
                if (m.getSubPathExpr() != null && !m.getSubPathExpr().isEmpty()) {
                    f.add(Rule.SUB_PATH_INVALID, mp + ".subPathExpr", "must not be set together with subPath",
                            m.getSubPathExpr());
                }
            }
            String prop = m.getMountPropagation();
            if (prop != null) {
                if (!oneOf(prop, "None", "HostToContainer", "Bidirectional")) {
                    f.add(Rule.MOUNT_PROPAGATION_INVALID, mp + ".mountPropagation",
                            "must be one of None, HostToContainer, Bidirectional", prop);
                } else if ("Bidirectional".equals(prop)
                        && (c.getSecurityContext() == null || !isTrue(c.getSecurityContext().getPrivileged()))) {
                    f.add(Rule.MOUNT_PROPAGATION_INVALID, mp + ".mountPropagation",
                            "may be Bidirectional only in a privileged container", prop);
                }
            }
        }
    }

    // ---------------------------------------------------------------- resources

    static boolean quantity(Findings f, Quantity q, String path) {
        return quantity(f, q, path, "", "");
    }

    /**
     * Checks a quantity at the path {@code prefix + middle + key}, joined only for a violation: this runs for every
     * request and limit of every container.
     */
    private static boolean quantity(Findings f, Quantity q, String prefix, String middle, String key) {
        String text = Findings.quantityText(q);
        if (!Formats.isQuantity(text)) {
            f.add(Rule.QUANTITY_INVALID, prefix + middle + key, "must be a quantity such as 250m, 1, 512Mi or 2Gi",
                    text);
            return false;
        }
        if (text.startsWith("-")) {
            f.add(Rule.QUANTITY_INVALID, prefix + middle + key, "must be greater than or equal to 0", text);
            return false;
        }
        return true;
    }

    /** @return the exact amount, or {@code null} when the quantity is malformed */
    static BigDecimal amount(Quantity q) {
        return Quantities.amount(Findings.quantityText(q));
    }

    private static boolean isResourceName(String name) {
        if (STANDARD_RESOURCES.contains(name) || name.startsWith("hugepages-")) {
            return true;
        }
        int slash = name.indexOf('/');
        return slash > 0 && Formats.isQualifiedName(name);
    }

    private static boolean isExtended(String name) {
        return name.startsWith("hugepages-")
                || name.indexOf('/') > 0 && !name.startsWith("kubernetes.io/") && !name.startsWith("requests.");
    }

    private static void resources(Findings f, ResourceRequirements r, String rp) {
        if (r == null) {
            return;
        }
        Map<String, Quantity> limits = map(r.getLimits());
        Map<String, Quantity> requests = map(r.getRequests());
        Map<String, BigDecimal> limitAmounts = limits.isEmpty() ? Map.of() : new HashMap<>();
        for (Map.Entry<String, Quantity> e : limits.entrySet()) {
            if (!isResourceName(e.getKey())) {
                f.add(Rule.RESOURCE_NAME_INVALID, rp + ".limits", "key must be a standard or domain-qualified name",
                        e.getKey());
            } else if (e.getValue() != null && quantity(f, e.getValue(), rp, ".limits.", e.getKey())) {
                BigDecimal a = amount(e.getValue());
                if (a != null) {
                    limitAmounts.put(e.getKey(), a);
                    if (isExtended(e.getKey()) && !e.getKey().startsWith("hugepages-") && !isWhole(a)) {
                        f.add(Rule.EXTENDED_RESOURCE_INVALID, rp + ".limits." + e.getKey(), "must be a whole number",
                                e.getValue());
                    }
                }
            }
        }
        for (Map.Entry<String, Quantity> e : requests.entrySet()) {
            String key = e.getKey();
            if (!isResourceName(key)) {
                f.add(Rule.RESOURCE_NAME_INVALID, rp + ".requests", "key must be a standard or domain-qualified name",
                        key);
                continue;
            }
            if (e.getValue() == null || !quantity(f, e.getValue(), rp, ".requests.", key)) {
                continue;
            }
            BigDecimal req = amount(e.getValue());
            BigDecimal lim = limitAmounts.get(key);
            if (isExtended(key)) {
                if (!limits.containsKey(key)) {
                    f.add(Rule.EXTENDED_RESOURCE_INVALID, rp + ".limits." + key,
                            "is required when a request is set for this resource", null);
                } else if (req != null && lim != null && req.compareTo(lim) != 0) {
                    f.add(Rule.EXTENDED_RESOURCE_INVALID, rp + ".requests." + key,
                            "must be equal to the " + key + " limit of " + Findings.quantityText(limits.get(key)),
                            e.getValue());
                }
            } else if (req != null && lim != null && req.compareTo(lim) > 0) {
                f.add(Rule.REQUEST_EXCEEDS_LIMIT, rp + ".requests." + key,
                        "must be less than or equal to the " + key + " limit of "
                                + Findings.quantityText(limits.get(key)), e.getValue());
            }
        }
    }

    private static boolean isWhole(BigDecimal a) {
        return a.signum() == 0 || a.stripTrailingZeros().scale() <= 0;
    }

    // ---------------------------------------------------------------- probes and lifecycle

    private static void probe(Findings f, Probe probe, String pp, boolean successMustBeOne) {
        if (probe == null) {
            return;
        }
        List<String> handlers = new ArrayList<>(2);
        if (probe.getExec() != null) {
            handlers.add("exec");
        }
        if (probe.getHttpGet() != null) {
            handlers.add("httpGet");
            probePort(f, probe.getHttpGet().getPort(), pp, ".httpGet.port");
        }
        if (probe.getTcpSocket() != null) {
            handlers.add("tcpSocket");
            probePort(f, probe.getTcpSocket().getPort(), pp, ".tcpSocket.port");
        }
        if (probe.getGrpc() != null) {
            handlers.add("grpc");
            Integer port = probe.getGrpc().getPort();
            if (port == null || !Formats.isPortNumber(port)) {
                f.add(Rule.PROBE_PORT_INVALID, pp + ".grpc.port", PORT_RANGE_TEXT, port);
            }
        }
        if (handlers.isEmpty()) {
            f.addShown(Rule.PROBE_HANDLER_MISSING, pp, "must set one of exec, httpGet, tcpSocket, grpc", "none");
        } else if (handlers.size() > 1) {
            f.addShown(Rule.PROBE_HANDLER_MULTIPLE, pp, "must set exactly one of exec, httpGet, tcpSocket, grpc",
                    String.join(", ", handlers));
        }
        nonNegative(f, probe.getInitialDelaySeconds(), pp, ".initialDelaySeconds");
        nonNegative(f, probe.getTimeoutSeconds(), pp, ".timeoutSeconds");
        nonNegative(f, probe.getPeriodSeconds(), pp, ".periodSeconds");
        nonNegative(f, probe.getSuccessThreshold(), pp, ".successThreshold");
        nonNegative(f, probe.getFailureThreshold(), pp, ".failureThreshold");
        Integer success = probe.getSuccessThreshold();
        if (successMustBeOne && success != null && success != 1) {
            f.add(Rule.PROBE_SUCCESS_THRESHOLD, pp + ".successThreshold", "must be 1", success);
        }
        Long grace = probe.getTerminationGracePeriodSeconds();
        if (grace != null) {
            if (!successMustBeOne) {
                f.add(Rule.READINESS_PROBE_GRACE_FORBIDDEN, pp + ".terminationGracePeriodSeconds",
                        "must not be set on a readiness probe", grace);
            } else if (grace <= 0) {
                f.add(Rule.PROBE_VALUE_INVALID, pp + ".terminationGracePeriodSeconds", "must be greater than 0",
                        grace);
            }
        }
    }

    /** The path is joined only for a violation: this runs for five fields of every probe of every container. */
    private static void nonNegative(Findings f, Integer value, String prefix, String field) {
        if (value != null && value < 0) {
            f.add(Rule.PROBE_VALUE_INVALID, prefix + field, "must be greater than or equal to 0", value);
        }
    }

    private static void probePort(Findings f, IntOrString port, String prefix, String field) {
        if (!isSet(port)) {
            f.add(Rule.PROBE_PORT_INVALID, prefix + field, "is required", null);
        } else if (port.getIntVal() != null) {
            if (!Formats.isPortNumber(port.getIntVal())) {
                f.add(Rule.PROBE_PORT_INVALID, prefix + field, PORT_RANGE_TEXT, port.getIntVal());
            }
        } else if (!Formats.isIanaSvcName(port.getStrVal())) {
            f.add(Rule.PROBE_PORT_INVALID, prefix + field, IANA_TEXT, port.getStrVal());
        }
    }

    private static void lifecycle(Findings f, LifecycleHandler h, String path) {
        if (h == null) {
            return;
        }
        List<String> handlers = new ArrayList<>(2);
        if (h.getExec() != null) {
            handlers.add("exec");
        }
        if (h.getHttpGet() != null) {
            handlers.add("httpGet");
            probePort(f, h.getHttpGet().getPort(), path, ".httpGet.port");
        }
        if (h.getTcpSocket() != null) {
            handlers.add("tcpSocket");
            probePort(f, h.getTcpSocket().getPort(), path, ".tcpSocket.port");
        }
        if (h.getSleep() != null) {
            handlers.add("sleep");
        }
        if (handlers.size() != 1) {
            f.addShown(Rule.LIFECYCLE_HANDLER_INVALID, path, "must set exactly one of exec, httpGet, tcpSocket, sleep",
                    handlers.isEmpty() ? "none" : String.join(", ", handlers));
        }
    }

    private static void securityContext(Findings f, PodSpec spec, SecurityContext sc, String sp) {
        if (sc == null) {
            return;
        }
        if (isTrue(sc.getPrivileged()) && Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
            f.add(Rule.PRIVILEGE_ESCALATION_CONFLICT, sp + ".allowPrivilegeEscalation",
                    "must not be false when privileged is true", false);
        }
        ids(f, sp + ".runAsUser", sc.getRunAsUser());
        ids(f, sp + ".runAsGroup", sc.getRunAsGroup());
        seccomp(f, sc.getSeccompProfile(), sp + ".seccompProfile");
        String proc = sc.getProcMount();
        if (proc != null) {
            if (!oneOf(proc, "Default", "Unmasked")) {
                f.add(Rule.PROC_MOUNT_INVALID, sp + ".procMount", "must be Default or Unmasked", proc);
            } else if ("Unmasked".equals(proc) && !Boolean.FALSE.equals(spec.getHostUsers())) {
                f.add(Rule.PROC_MOUNT_INVALID, sp + ".procMount", "may be Unmasked only when hostUsers is false",
                        proc);
            }
        }
    }
}
