package dev.kubefluent.core.validate;

import static dev.kubefluent.core.validate.Util.isTrue;
import static dev.kubefluent.core.validate.Util.list;
import static dev.kubefluent.core.validate.Util.map;
import static dev.kubefluent.core.validate.Util.oneOf;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SELinuxOptions;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Layer 3: the Pod Security Standards (baseline and restricted, following {@code k8s.io/pod-security-admission}
 * policy version by version) and Kubefluent's best practices, on the pod spec of every pod-bearing kind.
 */
final class PolicyRules {

    private static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
            "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    private static final Set<String> SELINUX_TYPES = Set.of("container_t", "container_init_t", "container_kvm_t");
    private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret", "image");
    private static final String[] SECRET_WORDS =
            {"PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "CREDENTIAL", "ACCESS_KEY"};
    private static final String APPARMOR_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

    private PolicyRules() {
    }

    static void check(Findings f, HasMetadata r) {
        if (f.settings.profileOn(Profile.BEST_PRACTICES) && RbacRules.check(f, r)) {
            return;
        }
        Workload w = Workload.of(r);
        if (w == null || w.podSpec() == null) {
            return;
        }
        PodSpec spec = w.podSpec();
        String p = w.specPath();
        List<Slot> containers = containers(spec, p);
        if (f.settings.profileOn(Profile.POD_SECURITY_BASELINE)) {
            baseline(f, spec, p, containers, map(w.templateAnnotations()));
        }
        if (f.settings.profileOn(Profile.POD_SECURITY_RESTRICTED)) {
            restricted(f, spec, p, containers);
        }
        if (f.settings.profileOn(Profile.BEST_PRACTICES)) {
            bestPractices(f, r, spec, p, containers);
        }
    }

    /** A container with its path, of any of the three lists. */
    private record Slot(Container c, String path, boolean regular) {
        SecurityContext sc() {
            return c.getSecurityContext();
        }
    }

    private static List<Slot> containers(PodSpec spec, String p) {
        List<Slot> all = new ArrayList<>();
        List<Container> init = list(spec.getInitContainers());
        for (int i = 0; i < init.size(); i++) {
            all.add(new Slot(init.get(i), p + "initContainers[" + i + "]", false));
        }
        List<Container> regular = list(spec.getContainers());
        for (int i = 0; i < regular.size(); i++) {
            all.add(new Slot(regular.get(i), p + "containers[" + i + "]", true));
        }
        return all;
    }

    // ---------------------------------------------------------------- baseline

    private static void baseline(Findings f, PodSpec spec, String p, List<Slot> containers,
            Map<String, String> annotations) {
        PodSecurityContext psc = spec.getSecurityContext();
        String psp = p + "securityContext";
        if (psc != null && psc.getWindowsOptions() != null && isTrue(psc.getWindowsOptions().getHostProcess())) {
            f.add(Rule.PSS_HOST_PROCESS, psp + ".windowsOptions.hostProcess", "must not be true", true);
        }
        if (isTrue(spec.getHostNetwork())) {
            f.add(Rule.PSS_HOST_NAMESPACES, p + "hostNetwork", "must not be true", true);
        }
        if (isTrue(spec.getHostPID())) {
            f.add(Rule.PSS_HOST_NAMESPACES, p + "hostPID", "must not be true", true);
        }
        if (isTrue(spec.getHostIPC())) {
            f.add(Rule.PSS_HOST_NAMESPACES, p + "hostIPC", "must not be true", true);
        }
        List<Volume> volumes = list(spec.getVolumes());
        for (int i = 0; i < volumes.size(); i++) {
            if (volumes.get(i).getHostPath() != null) {
                f.add(Rule.PSS_HOST_PATH_VOLUMES, p + "volumes[" + i + "].hostPath", "must not be used",
                        volumes.get(i).getHostPath().getPath());
            }
        }
        if (psc != null) {
            appArmor(f, psc.getAppArmorProfile(), psp + ".appArmorProfile.type");
            seLinux(f, psc.getSeLinuxOptions(), psp + ".seLinuxOptions");
            if (psc.getSeccompProfile() != null && "Unconfined".equals(psc.getSeccompProfile().getType())) {
                f.add(Rule.PSS_SECCOMP_BASELINE, psp + ".seccompProfile.type", "must not be Unconfined", "Unconfined");
            }
            sysctls(f, list(psc.getSysctls()), psp + ".sysctls");
        }
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            if (e.getKey().startsWith(APPARMOR_PREFIX)) {
                String v = e.getValue();
                if (!"runtime/default".equals(v) && (v == null || !v.startsWith("localhost/"))) {
                    f.add(Rule.PSS_APPARMOR, "metadata.annotations[" + e.getKey() + "]",
                            "must be runtime/default or localhost/<profile>", v);
                }
            }
        }
        boolean userNamespaces = Boolean.FALSE.equals(spec.getHostUsers())
                && f.version().isAtLeast(KubeVersion.of(1, 35));
        for (Slot s : containers) {
            SecurityContext sc = s.sc();
            String sp = s.path() + ".securityContext";
            if (sc != null) {
                if (sc.getWindowsOptions() != null && isTrue(sc.getWindowsOptions().getHostProcess())) {
                    f.add(Rule.PSS_HOST_PROCESS, sp + ".windowsOptions.hostProcess", "must not be true", true);
                }
                if (isTrue(sc.getPrivileged())) {
                    f.add(Rule.PSS_PRIVILEGED, sp + ".privileged", "must not be true", true);
                }
                if (sc.getCapabilities() != null) {
                    List<String> add = list(sc.getCapabilities().getAdd());
                    for (int j = 0; j < add.size(); j++) {
                        if (!BASELINE_CAPABILITIES.contains(String.valueOf(add.get(j)))) {
                            f.add(Rule.PSS_CAPABILITIES_BASELINE, sp + ".capabilities.add[" + j + "]",
                                    "must be one of the baseline capabilities", add.get(j));
                        }
                    }
                }
                appArmor(f, sc.getAppArmorProfile(), sp + ".appArmorProfile.type");
                seLinux(f, sc.getSeLinuxOptions(), sp + ".seLinuxOptions");
                if (sc.getProcMount() != null && !"Default".equals(sc.getProcMount()) && !userNamespaces) {
                    f.add(Rule.PSS_PROC_MOUNT, sp + ".procMount", "must be Default", sc.getProcMount());
                }
                if (sc.getSeccompProfile() != null && "Unconfined".equals(sc.getSeccompProfile().getType())) {
                    f.add(Rule.PSS_SECCOMP_BASELINE, sp + ".seccompProfile.type", "must not be Unconfined",
                            "Unconfined");
                }
            }
            List<ContainerPort> ports = list(s.c().getPorts());
            for (int j = 0; j < ports.size(); j++) {
                Integer hp = ports.get(j).getHostPort();
                if (hp != null && hp != 0) {
                    f.add(Rule.PSS_HOST_PORTS, s.path() + ".ports[" + j + "].hostPort", "must not be set", hp);
                }
            }
            if (f.enabled(Rule.PSS_HOST_PROBES)) {
                hostProbe(f, s.c().getLivenessProbe(), s.path() + ".livenessProbe");
                hostProbe(f, s.c().getReadinessProbe(), s.path() + ".readinessProbe");
                hostProbe(f, s.c().getStartupProbe(), s.path() + ".startupProbe");
                if (s.c().getLifecycle() != null) {
                    hostHandler(f, s.c().getLifecycle().getPostStart(), s.path() + ".lifecycle.postStart");
                    hostHandler(f, s.c().getLifecycle().getPreStop(), s.path() + ".lifecycle.preStop");
                }
            }
        }
    }

    private static void appArmor(Findings f, io.fabric8.kubernetes.api.model.AppArmorProfile a, String path) {
        if (a != null && a.getType() != null && !oneOf(a.getType(), "RuntimeDefault", "Localhost")) {
            f.add(Rule.PSS_APPARMOR, path, "must be RuntimeDefault or Localhost", a.getType());
        }
    }

    private static void seLinux(Findings f, SELinuxOptions o, String path) {
        if (o == null) {
            return;
        }
        String type = o.getType();
        boolean engine = f.version().isAtLeast(KubeVersion.of(1, 31)) && "container_engine_t".equals(type);
        if (type != null && !type.isEmpty() && !SELINUX_TYPES.contains(type) && !engine) {
            f.add(Rule.PSS_SELINUX, path + ".type", "must be container_t, container_init_t, container_kvm_t"
                    + (f.version().isAtLeast(KubeVersion.of(1, 31)) ? " or container_engine_t" : ""), type);
        }
        if (o.getUser() != null && !o.getUser().isEmpty()) {
            f.add(Rule.PSS_SELINUX, path + ".user", "must not be set", o.getUser());
        }
        if (o.getRole() != null && !o.getRole().isEmpty()) {
            f.add(Rule.PSS_SELINUX, path + ".role", "must not be set", o.getRole());
        }
    }

    private static void sysctls(Findings f, List<Sysctl> sysctls, String path) {
        KubeVersion v = f.version();
        for (int i = 0; i < sysctls.size(); i++) {
            String name = sysctls.get(i).getName();
            if (!isSafeSysctl(name, v)) {
                f.add(Rule.PSS_SYSCTLS, path + "[" + i + "].name", "must be a safe sysctl for Kubernetes " + v, name);
            }
        }
    }

    static boolean isSafeSysctl(String name, KubeVersion v) {
        if (name == null) {
            return false;
        }
        switch (name) {
            case "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
                    "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range" -> {
                return true;
            }
            case "net.ipv4.ip_local_reserved_ports" -> {
                return v.isAtLeast(KubeVersion.of(1, 27));
            }
            case "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
                    "net.ipv4.tcp_keepalive_probes" -> {
                return v.isAtLeast(KubeVersion.of(1, 29));
            }
            case "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem" -> {
                return v.isAtLeast(KubeVersion.of(1, 32));
            }
            default -> {
                return false;
            }
        }
    }

    private static void hostProbe(Findings f, Probe probe, String path) {
        if (probe != null) {
            host(f, probe.getHttpGet() == null ? null : probe.getHttpGet().getHost(), path + ".httpGet.host");
            host(f, probe.getTcpSocket() == null ? null : probe.getTcpSocket().getHost(), path + ".tcpSocket.host");
        }
    }

    private static void hostHandler(Findings f, LifecycleHandler h, String path) {
        if (h != null) {
            host(f, h.getHttpGet() == null ? null : h.getHttpGet().getHost(), path + ".httpGet.host");
            host(f, h.getTcpSocket() == null ? null : h.getTcpSocket().getHost(), path + ".tcpSocket.host");
        }
    }

    private static void host(Findings f, String host, String path) {
        if (host != null && !host.isEmpty()) {
            f.add(Rule.PSS_HOST_PROBES, path, "must not be set", host);
        }
    }

    // ---------------------------------------------------------------- restricted

    private static void restricted(Findings f, PodSpec spec, String p, List<Slot> containers) {
        List<Volume> volumes = list(spec.getVolumes());
        for (int i = 0; i < volumes.size(); i++) {
            for (String source : VolumeSources.of(volumes.get(i))) {
                if (!RESTRICTED_VOLUMES.contains(source)) {
                    f.addShown(Rule.PSS_VOLUME_TYPES, p + "volumes[" + i + "]." + source,
                            "must not be used under the restricted policy", source);
                }
            }
        }
        PodSecurityContext psc = spec.getSecurityContext();
        String psp = p + "securityContext";
        boolean windows = spec.getOs() != null && "windows".equals(spec.getOs().getName())
                && f.version().isAtLeast(KubeVersion.of(1, 25));
        boolean podNonRoot = psc != null && isTrue(psc.getRunAsNonRoot());
        if (psc != null && Boolean.FALSE.equals(psc.getRunAsNonRoot())) {
            f.add(Rule.PSS_RUN_AS_NON_ROOT, psp + ".runAsNonRoot", "must be true", false);
        }
        if (psc != null && psc.getRunAsUser() != null && psc.getRunAsUser() == 0) {
            f.add(Rule.PSS_RUN_AS_USER, psp + ".runAsUser", "must not be 0", 0);
        }
        String podSeccomp = psc == null || psc.getSeccompProfile() == null ? null : psc.getSeccompProfile().getType();
        boolean podSeccompOk = oneOf(podSeccomp, "RuntimeDefault", "Localhost");
        boolean userNamespaces = Boolean.FALSE.equals(spec.getHostUsers())
                && f.version().isAtLeast(KubeVersion.of(1, 35));
        for (Slot s : containers) {
            SecurityContext sc = s.sc();
            String sp = s.path() + ".securityContext";
            if (!windows && (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()))) {
                f.add(Rule.PSS_ALLOW_PRIVILEGE_ESCALATION, sp + ".allowPrivilegeEscalation", "must be false",
                        sc == null ? null : sc.getAllowPrivilegeEscalation());
            }
            Boolean nonRoot = sc == null ? null : sc.getRunAsNonRoot();
            if (!userNamespaces && (Boolean.FALSE.equals(nonRoot) || nonRoot == null && !podNonRoot)) {
                f.add(Rule.PSS_RUN_AS_NON_ROOT, sp + ".runAsNonRoot", "must be true (here or on the pod)", nonRoot);
            }
            if (sc != null && sc.getRunAsUser() != null && sc.getRunAsUser() == 0) {
                f.add(Rule.PSS_RUN_AS_USER, sp + ".runAsUser", "must not be 0", 0);
            }
            String seccomp = sc == null || sc.getSeccompProfile() == null ? null : sc.getSeccompProfile().getType();
            if (seccomp == null ? !podSeccompOk : !oneOf(seccomp, "RuntimeDefault", "Localhost")) {
                f.add(Rule.PSS_SECCOMP_RESTRICTED, sp + ".seccompProfile.type",
                        "must be RuntimeDefault or Localhost (here or on the pod)", seccomp);
            }
            List<String> drop = sc == null || sc.getCapabilities() == null ? List.of()
                    : list(sc.getCapabilities().getDrop());
            if (!windows && !drop.contains("ALL")) {
                f.add(Rule.PSS_CAPABILITIES_RESTRICTED, sp + ".capabilities.drop", "must include ALL", drop);
            }
            List<String> add = sc == null || sc.getCapabilities() == null ? List.of()
                    : list(sc.getCapabilities().getAdd());
            for (int j = 0; j < add.size(); j++) {
                if (!"NET_BIND_SERVICE".equals(add.get(j))) {
                    f.add(Rule.PSS_CAPABILITIES_RESTRICTED, sp + ".capabilities.add[" + j + "]",
                            "may only add NET_BIND_SERVICE", add.get(j));
                }
            }
            if (sc != null && sc.getProcMount() != null && !"Default".equals(sc.getProcMount())) {
                f.add(Rule.PSS_PROC_MOUNT_RESTRICTED, sp + ".procMount", "must be Default", sc.getProcMount());
            }
        }
    }

    // ---------------------------------------------------------------- best practices

    private static void bestPractices(Findings f, HasMetadata r, PodSpec spec, String p, List<Slot> containers) {
        boolean longRunning = r instanceof Deployment || r instanceof StatefulSet || r instanceof DaemonSet
                || r instanceof ReplicaSet;
        if (!Boolean.FALSE.equals(spec.getAutomountServiceAccountToken())) {
            f.add(Rule.BP_AUTOMOUNT_SERVICE_ACCOUNT_TOKEN, p + "automountServiceAccountToken", "should be false",
                    spec.getAutomountServiceAccountToken());
        }
        Integer replicas = r instanceof Deployment d ? d.getSpec().getReplicas()
                : r instanceof StatefulSet s ? s.getSpec().getReplicas() : null;
        if (replicas != null && replicas < 2) {
            f.add(Rule.BP_REPLICAS_TOO_FEW, "spec.replicas", "should be at least 2", replicas);
        }
        for (Slot s : containers) {
            Container c = s.c();
            String image = c.getImage();
            if (image != null && !isPinned(image)) {
                f.add(Rule.BP_IMAGE_NOT_PINNED, s.path() + ".image", "should have a fixed tag other than latest",
                        image);
            }
            SecurityContext sc = c.getSecurityContext();
            if (sc == null || !isTrue(sc.getReadOnlyRootFilesystem())) {
                f.add(Rule.BP_READ_ONLY_ROOT_FILESYSTEM, s.path() + ".securityContext.readOnlyRootFilesystem",
                        "should be true", sc == null ? null : sc.getReadOnlyRootFilesystem());
            }
            List<EnvVar> env = list(c.getEnv());
            for (int k = 0; k < env.size(); k++) {
                EnvVar e = env.get(k);
                if (e.getValue() != null && !e.getValue().isEmpty() && looksSecret(e.getName())) {
                    f.addShown(Rule.BP_ENV_SECRET_LITERAL, s.path() + ".env[" + k + "].value",
                            "should not hold a secret literally (" + e.getName() + ")", "<redacted>");
                }
            }
            if (!s.regular()) {
                continue;
            }
            Map<String, Quantity> requests = c.getResources() == null ? Map.of() : map(c.getResources().getRequests());
            Map<String, Quantity> limits = c.getResources() == null ? Map.of() : map(c.getResources().getLimits());
            if (!requests.containsKey("cpu")) {
                f.add(Rule.BP_CPU_REQUEST_MISSING, s.path() + ".resources.requests.cpu", "should be set", null);
            }
            if (!requests.containsKey("memory") && !limits.containsKey("memory")) {
                f.add(Rule.BP_MEMORY_REQUEST_MISSING, s.path() + ".resources.requests.memory", "should be set", null);
            }
            if (!limits.containsKey("memory")) {
                f.add(Rule.BP_MEMORY_LIMIT_MISSING, s.path() + ".resources.limits.memory", "should be set", null);
            }
            if (longRunning && c.getReadinessProbe() == null) {
                f.add(Rule.BP_READINESS_PROBE_MISSING, s.path() + ".readinessProbe", "should be set", null);
            }
        }
    }

    /** An image with a digest, or a tag other than {@code latest}. */
    static boolean isPinned(String image) {
        if (image.indexOf('@') > 0) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return false;
        }
        return !"latest".equals(image.substring(colon + 1));
    }

    private static boolean looksSecret(String name) {
        if (name == null) {
            return false;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        for (String w : SECRET_WORDS) {
            if (upper.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
