package dev.kubefluent.dsl;

import static dev.kubefluent.dsl.Kube.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.core.ManifestSet;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import org.junit.jupiter.api.Test;

/**
 * The rendered YAML of the issue #8 kinds, as {@code kubectl apply} receives it: ServiceAccount, Role and ClusterRole
 * with their bindings, HorizontalPodAutoscaler, PodDisruptionBudget, StatefulSet, DaemonSet, Job and CronJob.
 */
class RenderedYamlTest {

    private static final ContainerDef APP = container("app").image("ghcr.io/acme/app:1.0");

    @Test
    void service_account_roles_and_bindings() {
        ServiceAccount sa = serviceAccount("web").namespace("shop").automountToken(false).imagePullSecret("ghcr")
                .build();
        Role reader = role("config-reader").namespace("shop").allow("get", "list", "watch").on("configmaps")
                .allow("get").onGroup("apps", "deployments").build();
        ClusterRole nodes = clusterRole("node-reader").allow("get", "list").on("nodes").build();
        ManifestSet set = ManifestSet.of(
                sa, reader, nodes,
                roleBinding("web-reads-config").role(reader).serviceAccount(sa).build(),
                clusterRoleBinding("web-reads-nodes", nodes).serviceAccount(sa).build());

        assertThat(set.toYaml()).isEqualTo("""
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: web
                  namespace: shop
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: web
                automountServiceAccountToken: false
                imagePullSecrets:
                - name: ghcr
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: node-reader
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: node-reader
                rules:
                - apiGroups:
                  - ""
                  resources:
                  - nodes
                  verbs:
                  - get
                  - list
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: web-reads-nodes
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: web-reads-nodes
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: node-reader
                subjects:
                - name: web
                  kind: ServiceAccount
                  namespace: shop
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata:
                  name: config-reader
                  namespace: shop
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: config-reader
                rules:
                - apiGroups:
                  - ""
                  resources:
                  - configmaps
                  verbs:
                  - get
                  - list
                  - watch
                - apiGroups:
                  - apps
                  resources:
                  - deployments
                  verbs:
                  - get
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: web-reads-config
                  namespace: shop
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: web-reads-config
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: Role
                  name: config-reader
                subjects:
                - name: web
                  kind: ServiceAccount
                  namespace: shop
                """);
    }

    @Test
    void autoscaler_and_disruption_budget() {
        Deployment web = deployment("web").namespace("shop").replicasOwnedByAutoscaler()
                .container(container("web").image("ghcr.io/acme/web:1").requests(cpu("100m"))).build();
        ManifestSet set = ManifestSet.of(
                horizontalPodAutoscaler(web, 2, 10).cpuUtilization(70).podsMetric("http_requests_per_second", "100")
                        .build(),
                podDisruptionBudget(web).minAvailable("50%").build());

        assertThat(set.toYaml()).isEqualTo("""
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                  namespace: shop
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: web
                spec:
                  minAvailable: 50%
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: web
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                  namespace: shop
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: web
                spec:
                  maxReplicas: 10
                  metrics:
                  - resource:
                      name: cpu
                      target:
                        averageUtilization: 70
                        type: Utilization
                    type: Resource
                  - pods:
                      metric:
                        name: http_requests_per_second
                      target:
                        averageValue: "100"
                        type: AverageValue
                    type: Pods
                  minReplicas: 2
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: web
                """);
    }

    @Test
    void stateful_set_with_the_default_security_profile_and_a_claim_template() {
        var db = statefulSet("db").namespace("data").replicas(3).serviceName("db")
                .container(container("pg").image("postgres:16.4").port("pg", 5432).volumeMount("data", "/var/lib/pg"))
                .volumeClaimTemplate("data", "10Gi")
                .build();

        assertThat(ManifestSet.of(db).toYaml()).isEqualTo("""
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                  namespace: data
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: db
                spec:
                  replicas: 3
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: db
                  serviceName: db
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/managed-by: kubefluent
                        app.kubernetes.io/name: db
                    spec:
                      containers:
                      - name: pg
                        image: postgres:16.4
                        ports:
                        - name: pg
                          containerPort: 5432
                        securityContext:
                          allowPrivilegeEscalation: false
                          capabilities:
                            drop:
                            - ALL
                        volumeMounts:
                        - name: data
                          mountPath: /var/lib/pg
                      securityContext:
                        runAsNonRoot: true
                        seccompProfile:
                          type: RuntimeDefault
                  volumeClaimTemplates:
                  - apiVersion: v1
                    kind: PersistentVolumeClaim
                    metadata:
                      name: data
                    spec:
                      accessModes:
                      - ReadWriteOnce
                      resources:
                        requests:
                          storage: 10Gi
                """);
    }

    @Test
    void daemon_set_job_and_cron_job_without_an_empty_job_template_metadata() {
        ManifestSet set = ManifestSet.of(
                daemonSet("log-agent").namespace("ops").securityProfile(SecurityProfile.NONE)
                        .container(APP).toleration(toleration("node-role.kubernetes.io/control-plane")).build(),
                job("migrate").namespace("ops").securityProfile(SecurityProfile.NONE).backoffLimit(2)
                        .container(APP.command("./migrate")).build(),
                cronJob("report").schedule("0 3 * * *").namespace("ops").securityProfile(SecurityProfile.NONE)
                        .concurrencyPolicy(ConcurrencyPolicy.FORBID).container(APP.args("--report")).build());

        assertThat(set.toYaml()).isEqualTo("""
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: log-agent
                  namespace: ops
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: log-agent
                spec:
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: log-agent
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/managed-by: kubefluent
                        app.kubernetes.io/name: log-agent
                    spec:
                      containers:
                      - name: app
                        image: ghcr.io/acme/app:1.0
                      tolerations:
                      - key: node-role.kubernetes.io/control-plane
                        operator: Exists
                ---
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: migrate
                  namespace: ops
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: migrate
                spec:
                  backoffLimit: 2
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/managed-by: kubefluent
                        app.kubernetes.io/name: migrate
                    spec:
                      containers:
                      - name: app
                        command:
                        - ./migrate
                        image: ghcr.io/acme/app:1.0
                      restartPolicy: OnFailure
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: report
                  namespace: ops
                  labels:
                    app.kubernetes.io/managed-by: kubefluent
                    app.kubernetes.io/name: report
                spec:
                  concurrencyPolicy: Forbid
                  jobTemplate:
                    spec:
                      template:
                        metadata:
                          labels:
                            app.kubernetes.io/managed-by: kubefluent
                            app.kubernetes.io/name: report
                        spec:
                          containers:
                          - name: app
                            args:
                            - --report
                            image: ghcr.io/acme/app:1.0
                          restartPolicy: OnFailure
                  schedule: 0 3 * * *
                """);
    }
}
