package dev.kubefluent.core.validate;

import static dev.kubefluent.core.validate.RuleSource.API_SERVER;
import static dev.kubefluent.core.validate.RuleSource.KUBEFLUENT;
import static dev.kubefluent.core.validate.RuleSource.POD_SECURITY;

import java.util.HashMap;
import java.util.Map;

/**
 * The catalog of every rule the validator knows: stable id, source, layer, the version it applies from, and a hint.
 * Package-private: users see rules only through {@link Violation#ruleId()}.
 */
enum Rule {
    // ---- layer 1: object metadata ----
    METADATA_NAME_REQUIRED("metadata-name-required", API_SERVER, 1, "set metadata.name (or metadata.generateName)"),
    METADATA_NAME_INVALID("metadata-name-invalid", API_SERVER, 1, null),
    METADATA_NAMESPACE_INVALID("metadata-namespace-invalid", API_SERVER, 1,
            "use lower-case letters, digits and '-', at most 63 characters"),
    LABEL_KEY_INVALID("label-key-invalid", API_SERVER, 1,
            "a key is an optional DNS subdomain prefix and '/', then at most 63 alphanumerics, '-', '_' or '.'"),
    LABEL_VALUE_INVALID("label-value-invalid", API_SERVER, 1,
            "a value is empty or at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric"),
    ANNOTATION_KEY_INVALID("annotation-key-invalid", API_SERVER, 1, null),
    ANNOTATIONS_TOO_LARGE("annotations-too-large", API_SERVER, 1, "move large data into a ConfigMap"),
    API_VERSION_REMOVED("api-version-removed", API_SERVER, 1, null),

    // ---- layer 1: pod spec ----
    CONTAINERS_REQUIRED("containers-required", API_SERVER, 1, "add at least one container"),
    CONTAINER_NAME_INVALID("container-name-invalid", API_SERVER, 1,
            "use a DNS-1123 label: lower-case letters, digits and '-', at most 63 characters"),
    CONTAINER_NAME_DUPLICATE("container-name-duplicate", API_SERVER, 1,
            "give every container and init container its own name"),
    CONTAINER_IMAGE_REQUIRED("container-image-required", API_SERVER, 1, "set the container image"),
    CONTAINER_PORT_INVALID("container-port-invalid", API_SERVER, 1, null),
    CONTAINER_PORT_DUPLICATE("container-port-duplicate", KUBEFLUENT, Severity.WARNING, 1,
            "declare each port and protocol once per container"),
    HOST_PORT_INVALID("host-port-invalid", API_SERVER, 1, "use 0 (unset) or 1 to 65535"),
    HOST_PORT_CONFLICT("host-port-conflict", API_SERVER, 1, "use distinct host ports"),
    HOST_NETWORK_PORT_MISMATCH("host-network-port-mismatch", API_SERVER, 1,
            "with hostNetwork the hostPort must equal the containerPort"),
    PORT_NAME_INVALID("port-name-invalid", API_SERVER, 1,
            "a port name is an IANA service name: at most 15 lower-case letters, digits and '-', with a letter"),
    PORT_NAME_DUPLICATE("port-name-duplicate", API_SERVER, 1, "give every port of a container its own name"),
    PROTOCOL_INVALID("protocol-invalid", API_SERVER, 1, "use TCP, UDP or SCTP"),
    ENV_NAME_INVALID("env-name-invalid", API_SERVER, 1, null),
    ENV_VALUE_CONFLICT("env-value-conflict", API_SERVER, 1, "set either value or valueFrom"),
    ENV_SOURCE_INVALID("env-source-invalid", API_SERVER, 1,
            "set exactly one of fieldRef, resourceFieldRef, configMapKeyRef and secretKeyRef"),
    ENV_FIELD_PATH_UNSUPPORTED("env-field-path-unsupported", API_SERVER, 1, null),
    ENV_DUPLICATE("env-duplicate", KUBEFLUENT, Severity.WARNING, 1, "the last definition wins; remove the others"),
    ENV_FROM_SOURCE_INVALID("env-from-source-invalid", API_SERVER, 1, "set exactly one of configMapRef and secretRef"),
    KEY_REFERENCE_INVALID("key-reference-invalid", API_SERVER, 1, null),
    VOLUME_NAME_INVALID("volume-name-invalid", API_SERVER, 1,
            "use a DNS-1123 label: lower-case letters, digits and '-', at most 63 characters"),
    VOLUME_NAME_DUPLICATE("volume-name-duplicate", API_SERVER, 1, "give every volume its own name"),
    VOLUME_SOURCE_MISSING("volume-source-missing", API_SERVER, 1,
            "set one source such as emptyDir, configMap, secret or persistentVolumeClaim"),
    VOLUME_SOURCE_MULTIPLE("volume-source-multiple", API_SERVER, 1, "split it into one volume per source"),
    VOLUME_REFERENCE_REQUIRED("volume-reference-required", API_SERVER, 1, null),
    VOLUME_MODE_INVALID("volume-mode-invalid", API_SERVER, 1, "use an octal mode between 0000 and 0777"),
    VOLUME_ITEM_PATH_INVALID("volume-item-path-invalid", API_SERVER, 1,
            "use a relative path without '..' elements"),
    VOLUME_MOUNT_NOT_FOUND("volume-mount-not-found", API_SERVER, 1, "declare the volume in the pod's volumes"),
    MOUNT_PATH_REQUIRED("mount-path-required", API_SERVER, 1, "set mountPath"),
    MOUNT_PATH_DUPLICATE("mount-path-duplicate", API_SERVER, 1, "mount each path once per container"),
    SUB_PATH_INVALID("sub-path-invalid", API_SERVER, 1, null),
    MOUNT_PROPAGATION_INVALID("mount-propagation-invalid", API_SERVER, 1, null),
    RESOURCE_NAME_INVALID("resource-name-invalid", API_SERVER, 1,
            "use cpu, memory, ephemeral-storage, hugepages-<size> or a domain-qualified name"),
    QUANTITY_INVALID("quantity-invalid", API_SERVER, 1, "write a quantity such as 250m, 1, 512Mi or 2Gi"),
    REQUEST_EXCEEDS_LIMIT("request-exceeds-limit", API_SERVER, 1, "raise the limit or lower the request"),
    EXTENDED_RESOURCE_INVALID("extended-resource-invalid", API_SERVER, 1,
            "set the limit of an extended resource or huge page, equal to the request, as a whole number"),
    PROBE_HANDLER_MISSING("probe-handler-missing", API_SERVER, 1,
            "set one of exec, httpGet, tcpSocket or grpc"),
    PROBE_HANDLER_MULTIPLE("probe-handler-multiple", API_SERVER, 1,
            "keep exactly one of exec, httpGet, tcpSocket or grpc"),
    PROBE_VALUE_INVALID("probe-value-invalid", API_SERVER, 1, null),
    PROBE_SUCCESS_THRESHOLD("probe-success-threshold", API_SERVER, 1,
            "liveness and startup probes count one success; remove successThreshold or set it to 1"),
    READINESS_PROBE_GRACE_FORBIDDEN("readiness-probe-grace-forbidden", API_SERVER, 1,
            "remove terminationGracePeriodSeconds from the readiness probe"),
    PROBE_PORT_INVALID("probe-port-invalid", API_SERVER, 1,
            "use a port number 1 to 65535 or the name of a container port"),
    LIFECYCLE_HANDLER_INVALID("lifecycle-handler-invalid", API_SERVER, 1,
            "set exactly one of exec, httpGet, tcpSocket or sleep"),
    INIT_CONTAINER_PROBE_FORBIDDEN("init-container-probe-forbidden", API_SERVER, 1,
            "only sidecar init containers (restartPolicy: Always) may have probes and lifecycle hooks"),
    CONTAINER_RESTART_POLICY_INVALID("container-restart-policy-invalid", API_SERVER, 1,
            "only init containers may set restartPolicy, and only to Always"),
    RESTART_POLICY_INVALID("restart-policy-invalid", API_SERVER, 1, "use Always, OnFailure or Never"),
    DNS_POLICY_INVALID("dns-policy-invalid", API_SERVER, 1, null),
    IMAGE_PULL_POLICY_INVALID("image-pull-policy-invalid", API_SERVER, 1, "use Always, IfNotPresent or Never"),
    TERMINATION_MESSAGE_POLICY_INVALID("termination-message-policy-invalid", API_SERVER, 1,
            "use File or FallbackToLogsOnError"),
    TOLERATION_INVALID("toleration-invalid", API_SERVER, 1, null),
    TOPOLOGY_SPREAD_INVALID("topology-spread-invalid", API_SERVER, 1, null),
    SECCOMP_PROFILE_INVALID("seccomp-profile-invalid", API_SERVER, 1,
            "type Localhost needs localhostProfile, and only Localhost may set it"),
    PRIVILEGE_ESCALATION_CONFLICT("privilege-escalation-conflict", API_SERVER, 1,
            "a privileged container always escalates; drop privileged or allowPrivilegeEscalation: false"),
    RUN_AS_ID_INVALID("run-as-id-invalid", API_SERVER, 1, "use a user or group id between 0 and 2147483647"),
    PROC_MOUNT_INVALID("proc-mount-invalid", API_SERVER, 1, "Unmasked needs hostUsers: false"),
    SERVICE_ACCOUNT_NAME_INVALID("service-account-name-invalid", API_SERVER, 1, null),
    POD_FIELD_INVALID("pod-field-invalid", API_SERVER, 1, null),
    IMAGE_PULL_SECRET_INVALID("image-pull-secret-invalid", API_SERVER, 1, "name the Secret"),
    TEMPLATE_EPHEMERAL_CONTAINERS_FORBIDDEN("template-ephemeral-containers-forbidden", API_SERVER, 1,
            "ephemeral containers are added to running Pods only"),

    // ---- layer 1: controllers ----
    SELECTOR_REQUIRED("selector-required", API_SERVER, 1, "select the pod template's labels"),
    SELECTOR_INVALID("selector-invalid", API_SERVER, 1, null),
    SELECTOR_TEMPLATE_MISMATCH("selector-template-mismatch", API_SERVER, 1,
            "add the selector's labels to the pod template"),
    TEMPLATE_RESTART_POLICY_INVALID("template-restart-policy-invalid", API_SERVER, 1, null),
    TEMPLATE_ACTIVE_DEADLINE_FORBIDDEN("template-active-deadline-forbidden", API_SERVER, 1,
            "remove activeDeadlineSeconds from the pod template"),
    SPEC_FIELD_INVALID("spec-field-invalid", API_SERVER, 1, null),
    STRATEGY_TYPE_INVALID("strategy-type-invalid", API_SERVER, 1, null),
    ROLLING_UPDATE_FORBIDDEN("rolling-update-forbidden", API_SERVER, 1,
            "remove rollingUpdate or use the RollingUpdate strategy"),
    ROLLING_UPDATE_VALUE_INVALID("rolling-update-value-invalid", API_SERVER, 1,
            "use a whole number 0 or more, or a percentage such as 25%"),
    ROLLING_UPDATE_ZERO("rolling-update-zero", API_SERVER, 1, null),
    PROGRESS_DEADLINE_INVALID("progress-deadline-invalid", API_SERVER, 1,
            "make progressDeadlineSeconds greater than minReadySeconds"),
    POD_MANAGEMENT_POLICY_INVALID("pod-management-policy-invalid", API_SERVER, 1, "use OrderedReady or Parallel"),
    PVC_RETENTION_POLICY_INVALID("pvc-retention-policy-invalid", API_SERVER, 1, "use Retain or Delete"),
    JOB_SELECTOR_NOT_MANUAL("job-selector-not-manual", API_SERVER, 1,
            "remove the selector (it is generated) or set manualSelector: true"),
    JOB_COMPLETION_MODE_INVALID("job-completion-mode-invalid", API_SERVER, 1, null),
    JOB_POD_FAILURE_POLICY_INVALID("job-pod-failure-policy-invalid", API_SERVER, 1,
            "a podFailurePolicy needs the template's restartPolicy Never"),
    CRONJOB_NAME_TOO_LONG("cronjob-name-too-long", API_SERVER, 1,
            "keep CronJob names at 52 characters or fewer: Job names get an 11-character suffix"),
    CRONJOB_SCHEDULE_INVALID("cronjob-schedule-invalid", API_SERVER, 1,
            "use five fields (minute hour day-of-month month day-of-week) or @hourly, @daily, ..."),
    CRONJOB_SCHEDULE_TIME_ZONE("cronjob-schedule-time-zone", API_SERVER, 1, "use spec.timeZone instead"),
    CRONJOB_TIME_ZONE_INVALID("cronjob-time-zone-invalid", API_SERVER, 1, "use an IANA time zone such as Europe/Paris"),
    CRONJOB_CONCURRENCY_POLICY_INVALID("cronjob-concurrency-policy-invalid", API_SERVER, 1,
            "use Allow, Forbid or Replace"),

    // ---- layer 1: Service ----
    SERVICE_TYPE_INVALID("service-type-invalid", API_SERVER, 1,
            "use ClusterIP, NodePort, LoadBalancer or ExternalName"),
    SERVICE_PORTS_REQUIRED("service-ports-required", API_SERVER, 1, "add a port, or make the Service headless"),
    SERVICE_PORT_NAME_REQUIRED("service-port-name-required", API_SERVER, 1,
            "name every port when a Service has several"),
    SERVICE_PORT_NAME_INVALID("service-port-name-invalid", API_SERVER, 1,
            "use a DNS-1123 label: lower-case letters, digits and '-', at most 63 characters"),
    SERVICE_PORT_NAME_DUPLICATE("service-port-name-duplicate", API_SERVER, 1, "give every port its own name"),
    SERVICE_PORT_DUPLICATE("service-port-duplicate", API_SERVER, 1, "expose each port and protocol once"),
    SERVICE_PORT_INVALID("service-port-invalid", API_SERVER, 1, null),
    TARGET_PORT_INVALID("target-port-invalid", API_SERVER, 1,
            "use a port number 1 to 65535 or a container port name (IANA service name)"),
    NODE_PORT_FORBIDDEN("node-port-forbidden", API_SERVER, 1, "use type NodePort or LoadBalancer, or remove nodePort"),
    NODE_PORT_INVALID("node-port-invalid", API_SERVER, 1, null),
    CLUSTER_IP_NONE_FORBIDDEN("cluster-ip-none-forbidden", API_SERVER, 1,
            "headless Services must be of type ClusterIP"),
    SESSION_AFFINITY_INVALID("session-affinity-invalid", API_SERVER, 1, "use None or ClientIP"),
    TRAFFIC_POLICY_INVALID("traffic-policy-invalid", API_SERVER, 1, null),
    LOAD_BALANCER_FIELD_FORBIDDEN("load-balancer-field-forbidden", API_SERVER, 1, null),
    EXTERNAL_NAME_INVALID("external-name-invalid", API_SERVER, 1, null),
    LOAD_BALANCER_PORT_FORBIDDEN("load-balancer-port-forbidden", API_SERVER, 1,
            "port 10250 is the kubelet's; pick another port"),

    // ---- layer 1: config, RBAC, autoscaling, policy, networking, namespaces ----
    CONFIG_KEY_INVALID("config-key-invalid", API_SERVER, 1,
            "a key is at most 253 alphanumerics, '-', '_' or '.', and not '.' or '..'"),
    CONFIG_KEY_DUPLICATE("config-key-duplicate", API_SERVER, 1, "keep each key in either data or binaryData"),
    CONFIG_TOO_LARGE("config-too-large", API_SERVER, 1, "keep data under 1 MiB; mount large files another way"),
    SECRET_TYPE_KEY_MISSING("secret-type-key-missing", API_SERVER, 1, null),
    SECRET_DATA_INVALID("secret-data-invalid", API_SERVER, 1, null),
    ROLE_REF_INVALID("role-ref-invalid", API_SERVER, 1, null),
    SUBJECT_INVALID("subject-invalid", API_SERVER, 1, null),
    POLICY_RULE_INVALID("policy-rule-invalid", API_SERVER, 1, null),
    HPA_REPLICAS_INVALID("hpa-replicas-invalid", API_SERVER, 1, null),
    HPA_SCALE_TARGET_INVALID("hpa-scale-target-invalid", API_SERVER, 1, null),
    HPA_METRIC_INVALID("hpa-metric-invalid", API_SERVER, 1, null),
    PDB_BUDGET_INVALID("pdb-budget-invalid", API_SERVER, 1, null),
    INGRESS_BACKEND_REQUIRED("ingress-backend-required", API_SERVER, 1, "add rules or a defaultBackend"),
    INGRESS_HOST_INVALID("ingress-host-invalid", API_SERVER, 1,
            "use a DNS name such as shop.example.com or *.example.com, not an IP address"),
    INGRESS_PATH_INVALID("ingress-path-invalid", API_SERVER, 1, null),
    INGRESS_BACKEND_INVALID("ingress-backend-invalid", API_SERVER, 1, null),
    NETWORK_POLICY_TYPE_INVALID("network-policy-type-invalid", API_SERVER, 1, "use Ingress or Egress"),
    NETWORK_POLICY_PORT_INVALID("network-policy-port-invalid", API_SERVER, 1, null),
    NETWORK_POLICY_PEER_INVALID("network-policy-peer-invalid", API_SERVER, 1, null),
    POD_SECURITY_LABEL_INVALID("pod-security-label-invalid", POD_SECURITY, 1, null),

    // ---- layer 1, on update only: fields the API server does not let an update change ----
    METADATA_IMMUTABLE("metadata-immutable", API_SERVER, 1,
            "delete and re-create the object to rename it or move it to another namespace"),
    SELECTOR_IMMUTABLE("selector-immutable", API_SERVER, 1,
            "keep the selector; to select other pods, create a workload with a new name and delete the old one"),
    STATEFULSET_SPEC_IMMUTABLE("statefulset-spec-immutable", API_SERVER, 1,
            "only replicas, ordinals, template, updateStrategy, persistentVolumeClaimRetentionPolicy and "
                    + "minReadySeconds may change; delete the StatefulSet with --cascade=orphan and re-create it"),
    JOB_SPEC_IMMUTABLE("job-spec-immutable", API_SERVER, 1,
            "a Job runs its template once; create a Job with a new name instead"),
    SERVICE_CLUSTER_IP_IMMUTABLE("service-cluster-ip-immutable", API_SERVER, 1,
            "leave clusterIP and clusterIPs unset in updates, or delete and re-create the Service"),
    SERVICE_IP_FAMILIES_IMMUTABLE("service-ip-families-immutable", API_SERVER, 1,
            "keep the primary IP family; only a secondary family may be added or, with SingleStack, removed"),
    SERVICE_LOAD_BALANCER_CLASS_IMMUTABLE("service-load-balancer-class-immutable", API_SERVER, 1,
            "keep loadBalancerClass, or delete and re-create the Service"),
    CONFIGMAP_IMMUTABLE("configmap-immutable", API_SERVER, 1,
            "an immutable ConfigMap never changes: create one with a new name and point the workloads at it"),
    SECRET_IMMUTABLE("secret-immutable", API_SERVER, 1,
            "an immutable Secret never changes: create one with a new name and point the workloads at it"),
    SECRET_TYPE_IMMUTABLE("secret-type-immutable", API_SERVER, 1, "delete and re-create the Secret to change its type"),
    PVC_SPEC_IMMUTABLE("pvc-spec-immutable", API_SERVER, 1,
            "only resources.requests (of a bound claim), volumeAttributesClassName and an unset volumeName may change"),
    PVC_STORAGE_SHRINK("pvc-storage-shrink", API_SERVER, 1, "volumes only grow; keep at least the current request"),
    ROLE_REF_IMMUTABLE("role-ref-immutable", API_SERVER, 1,
            "delete the binding and create it again with the new roleRef"),

    // ---- layer 2: references inside the set (Kubefluent) ----
    SERVICE_SELECTS_NOTHING("service-selects-nothing", KUBEFLUENT, Severity.WARNING, 2, true,
            "add the workload to the set or fix the Service's selector"),
    SERVICE_TARGET_PORT_MISSING("service-target-port-missing", KUBEFLUENT, 2,
            "name a container port of the selected pods, or target a port number"),
    WORKLOAD_SELECTOR_OVERLAP("workload-selector-overlap", KUBEFLUENT, 2,
            "give each workload a selector that matches only its own pods"),
    CONFIGMAP_REFERENCE_MISSING("configmap-reference-missing", KUBEFLUENT, Severity.WARNING, 2, true,
            "add the ConfigMap to the set or mark the reference optional"),
    SECRET_REFERENCE_MISSING("secret-reference-missing", KUBEFLUENT, Severity.WARNING, 2, true,
            "add the Secret to the set or mark the reference optional"),
    SERVICE_ACCOUNT_REFERENCE_MISSING("service-account-reference-missing", KUBEFLUENT, Severity.WARNING, 2, true,
            "add the ServiceAccount to the set"),
    PVC_REFERENCE_MISSING("pvc-reference-missing", KUBEFLUENT, Severity.WARNING, 2, true,
            "add the PersistentVolumeClaim to the set"),
    ROLE_REFERENCE_MISSING("role-reference-missing", KUBEFLUENT, Severity.WARNING, 2, true,
            "add the Role or ClusterRole to the set"),
    HPA_TARGET_MISSING("hpa-target-missing", KUBEFLUENT, Severity.WARNING, 2, true,
            "add the scaled workload to the set"),
    PDB_SELECTS_NOTHING("pdb-selects-nothing", KUBEFLUENT, Severity.WARNING, 2, true,
            "match the labels of a workload's pods"),
    INGRESS_SERVICE_MISSING("ingress-service-missing", KUBEFLUENT, Severity.WARNING, 2, true,
            "add the Service to the set"),
    INGRESS_SERVICE_PORT_MISSING("ingress-service-port-missing", KUBEFLUENT, 2,
            "use a port the Service exposes"),
    INGRESS_TLS_SECRET_MISSING("ingress-tls-secret-missing", KUBEFLUENT, Severity.WARNING, 2, true,
            "add the kubernetes.io/tls Secret to the set, in the Ingress's namespace"),
    INGRESS_TLS_SECRET_TYPE("ingress-tls-secret-type", KUBEFLUENT, 2,
            "use a Secret of type kubernetes.io/tls holding tls.crt and tls.key"),
    NETWORK_POLICY_NAMED_PORT_MISSING("network-policy-named-port-missing", KUBEFLUENT, Severity.WARNING, 2, true,
            "name a container port (with the same protocol) of the pods the rule applies to, or use a number"),

    // ---- layer 3: Pod Security Standards ----
    PSS_HOST_PROCESS("pss-host-process", Profile.POD_SECURITY_BASELINE, 1, 0, "remove windowsOptions.hostProcess"),
    PSS_HOST_NAMESPACES("pss-host-namespaces", Profile.POD_SECURITY_BASELINE, 1, 0,
            "remove hostNetwork, hostPID and hostIPC"),
    PSS_PRIVILEGED("pss-privileged", Profile.POD_SECURITY_BASELINE, 1, 0, "remove privileged: true"),
    PSS_CAPABILITIES_BASELINE("pss-capabilities-baseline", Profile.POD_SECURITY_BASELINE, 1, 0,
            "add only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, "
                    + "SETGID, SETPCAP, SETUID or SYS_CHROOT"),
    PSS_HOST_PATH_VOLUMES("pss-host-path-volumes", Profile.POD_SECURITY_BASELINE, 1, 0,
            "use emptyDir, configMap, secret or a PersistentVolumeClaim"),
    PSS_HOST_PORTS("pss-host-ports", Profile.POD_SECURITY_BASELINE, 1, 0, "remove hostPort; expose through a Service"),
    PSS_APPARMOR("pss-apparmor", Profile.POD_SECURITY_BASELINE, 1, 0, "use RuntimeDefault or Localhost"),
    PSS_SELINUX("pss-selinux", Profile.POD_SECURITY_BASELINE, 1, 0, null),
    PSS_PROC_MOUNT("pss-proc-mount", Profile.POD_SECURITY_BASELINE, 1, 0, "remove procMount or use Default"),
    PSS_SECCOMP_BASELINE("pss-seccomp-baseline", Profile.POD_SECURITY_BASELINE, 1, 0,
            "use RuntimeDefault or Localhost"),
    PSS_SYSCTLS("pss-sysctls", Profile.POD_SECURITY_BASELINE, 1, 0, "use only the safe sysctls"),
    PSS_HOST_PROBES("pss-host-probes", Profile.POD_SECURITY_BASELINE, 1, 34,
            "remove host from probes and lifecycle handlers"),
    PSS_VOLUME_TYPES("pss-volume-types", Profile.POD_SECURITY_RESTRICTED, 1, 0,
            "use configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected or secret"),
    PSS_ALLOW_PRIVILEGE_ESCALATION("pss-allow-privilege-escalation", Profile.POD_SECURITY_RESTRICTED, 1, 8,
            "set securityContext.allowPrivilegeEscalation: false"),
    PSS_RUN_AS_NON_ROOT("pss-run-as-non-root", Profile.POD_SECURITY_RESTRICTED, 1, 0,
            "set runAsNonRoot: true on the pod or on every container"),
    PSS_RUN_AS_USER("pss-run-as-user", Profile.POD_SECURITY_RESTRICTED, 1, 23, "run as a non-zero user id"),
    PSS_SECCOMP_RESTRICTED("pss-seccomp-restricted", Profile.POD_SECURITY_RESTRICTED, 1, 19,
            "set securityContext.seccompProfile.type: RuntimeDefault on the pod"),
    PSS_CAPABILITIES_RESTRICTED("pss-capabilities-restricted", Profile.POD_SECURITY_RESTRICTED, 1, 22,
            "drop ALL capabilities and add back at most NET_BIND_SERVICE"),
    PSS_PROC_MOUNT_RESTRICTED("pss-proc-mount-restricted", Profile.POD_SECURITY_RESTRICTED, 1, 35,
            "remove procMount or use Default"),

    // ---- layer 3: best practices ----
    BP_IMAGE_NOT_PINNED("image-not-pinned", Profile.BEST_PRACTICES, 1, 0,
            "use a fixed tag such as 1.4.2, or a digest"),
    BP_CPU_REQUEST_MISSING("cpu-request-missing", Profile.BEST_PRACTICES, 1, 0, "set resources.requests.cpu"),
    BP_MEMORY_REQUEST_MISSING("memory-request-missing", Profile.BEST_PRACTICES, 1, 0,
            "set resources.requests.memory"),
    BP_MEMORY_LIMIT_MISSING("memory-limit-missing", Profile.BEST_PRACTICES, 1, 0, "set resources.limits.memory"),
    BP_READINESS_PROBE_MISSING("readiness-probe-missing", Profile.BEST_PRACTICES, 1, 0,
            "add a readinessProbe so that traffic waits for the container"),
    BP_READ_ONLY_ROOT_FILESYSTEM("read-only-root-filesystem", Profile.BEST_PRACTICES, 1, 0,
            "set securityContext.readOnlyRootFilesystem: true and mount an emptyDir for scratch space"),
    BP_ENV_SECRET_LITERAL("env-secret-literal", Profile.BEST_PRACTICES, 1, 0,
            "read the value from a Secret with valueFrom.secretKeyRef"),
    BP_AUTOMOUNT_SERVICE_ACCOUNT_TOKEN("automount-service-account-token", Profile.BEST_PRACTICES, 1, 0,
            "set automountServiceAccountToken: false unless the pod calls the API server"),
    BP_REPLICAS_TOO_FEW("replicas-too-few", Profile.BEST_PRACTICES, 1, 0,
            "run at least 2 replicas so that one can be disrupted"),
    BP_DISRUPTION_PROTECTION_MISSING("disruption-protection-missing", Profile.BEST_PRACTICES, 1, 0,
            "add a PodDisruptionBudget or topologySpreadConstraints"),

    // ---- layer 3: best practices, RBAC least privilege (CIS Kubernetes Benchmark 5.1) ----
    BP_RBAC_WILDCARD_VERBS("rbac-wildcard-verbs", Profile.BEST_PRACTICES, 1, 0,
            "list the verbs the subject needs, e.g. get, list, watch"),
    BP_RBAC_WILDCARD_RESOURCES("rbac-wildcard-resources", Profile.BEST_PRACTICES, 1, 0,
            "list the resources the subject needs"),
    BP_RBAC_WILDCARD_API_GROUPS("rbac-wildcard-api-groups", Profile.BEST_PRACTICES, 1, 0,
            "list the API groups the subject needs (\"\" for the core group)"),
    BP_RBAC_SECRETS_ACCESS("rbac-secrets-access", Profile.BEST_PRACTICES, 1, 0,
            "mount the one Secret the workload needs instead of granting get, list or watch on secrets"),
    BP_RBAC_ESCALATE_VERB("rbac-escalate-verb", Profile.BEST_PRACTICES, 1, 0,
            "remove escalate: it lets the subject grant permissions it does not hold"),
    BP_RBAC_BIND_VERB("rbac-bind-verb", Profile.BEST_PRACTICES, 1, 0,
            "remove bind: it lets the subject bind roles with permissions it does not hold"),
    BP_RBAC_IMPERSONATE_VERB("rbac-impersonate-verb", Profile.BEST_PRACTICES, 1, 0,
            "remove impersonate: it lets the subject act as other users, groups or service accounts"),
    BP_RBAC_POD_EXEC("rbac-pod-exec", Profile.BEST_PRACTICES, 1, 0,
            "remove access to pods/exec and pods/attach: they run commands inside any selected pod"),
    BP_RBAC_NODE_PROXY("rbac-node-proxy", Profile.BEST_PRACTICES, 1, 0,
            "remove access to nodes/proxy: it reaches the kubelet API, which can run commands in every pod of a node"),
    BP_RBAC_CREATE_PODS("rbac-create-pods", Profile.BEST_PRACTICES, 1, 0,
            "let a controller create pods: whoever creates a pod can mount any Secret and ServiceAccount of the "
                    + "namespace"),
    BP_RBAC_TOKEN_CREATE("rbac-token-create", Profile.BEST_PRACTICES, 1, 0,
            "remove create on serviceaccounts/token: it mints tokens for other service accounts"),
    BP_RBAC_CLUSTER_ADMIN_BINDING("rbac-cluster-admin-binding", Profile.BEST_PRACTICES, 1, 0,
            "bind a role with only the permissions the subjects need"),
    BP_RBAC_PUBLIC_SUBJECT("rbac-public-subject", Profile.BEST_PRACTICES, 1, 0,
            "bind named users, groups or service accounts: system:anonymous, system:unauthenticated and "
                    + "system:authenticated stand for everyone who can reach the API server");

    private static final Map<String, Rule> BY_ID = new HashMap<>();

    static {
        for (Rule r : values()) {
            if (BY_ID.put(r.id, r) != null) {
                throw new ExceptionInInitializerError("duplicate rule id " + r.id);
            }
        }
    }

    private final String id;
    private final RuleSource source;
    private final Severity severity;
    private final int layer;
    private final boolean missingReference;
    private final Profile profile;
    private final KubeVersion since;
    private final String hint;

    Rule(String id, RuleSource source, int layer, String hint) {
        this(id, source, Severity.ERROR, layer, false, hint);
    }

    Rule(String id, RuleSource source, Severity severity, int layer, String hint) {
        this(id, source, severity, layer, false, hint);
    }

    Rule(String id, RuleSource source, Severity severity, int layer, boolean missingReference, String hint) {
        this.id = id;
        this.source = source;
        this.severity = severity;
        this.layer = layer;
        this.missingReference = missingReference;
        this.profile = null;
        this.since = KubeVersion.of(1, 0);
        this.hint = hint;
    }

    /** A layer-3 rule of a profile, applying from Kubernetes {@code 1.sinceMinor}. */
    Rule(String id, Profile profile, int major, int sinceMinor, String hint) {
        this.id = id;
        this.source = profile == Profile.BEST_PRACTICES ? KUBEFLUENT : POD_SECURITY;
        this.severity = profile == Profile.BEST_PRACTICES ? Severity.WARNING : Severity.ERROR;
        this.layer = 3;
        this.missingReference = false;
        this.profile = profile;
        this.since = KubeVersion.of(major, sinceMinor);
        this.hint = hint;
    }

    String id() {
        return id;
    }

    RuleSource source() {
        return source;
    }

    Severity severity() {
        return severity;
    }

    int layer() {
        return layer;
    }

    /** A reference to an object missing from the set: a warning unless the validator is strict. */
    boolean isMissingReference() {
        return missingReference;
    }

    /** The profile that enables this layer-3 rule, {@code null} for layers 1 and 2. */
    Profile profile() {
        return profile;
    }

    KubeVersion since() {
        return since;
    }

    String hint() {
        return hint;
    }

    static Rule byId(String id) {
        return BY_ID.get(id);
    }
}
