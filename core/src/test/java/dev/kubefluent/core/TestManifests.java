package dev.kubefluent.core;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/** Rich manifests written with plain fabric8 builders, shared by the rendering and parsing tests. */
final class TestManifests {

    private TestManifests() {
    }

    /** The web Deployment, plus env from refs, volumes and a startup probe. */
    static Deployment web() {
        return new DeploymentBuilder()
                .withNewMetadata().withName("web").withNamespace("shop")
                    .addToLabels("app.kubernetes.io/name", "web")
                    .addToLabels("app.kubernetes.io/managed-by", "kubefluent")
                    .addToAnnotations("team", "checkout")
                .endMetadata()
                .withNewSpec()
                    .withReplicas(3)
                    .withNewSelector().addToMatchLabels("app.kubernetes.io/name", "web").endSelector()
                    .withNewStrategy().withType("RollingUpdate")
                        .withNewRollingUpdate().withMaxSurge(new IntOrString("25%")).withMaxUnavailable(new IntOrString(0))
                        .endRollingUpdate()
                    .endStrategy()
                    .withNewTemplate()
                        .withNewMetadata().addToLabels("app.kubernetes.io/name", "web").endMetadata()
                        .withNewSpec()
                            .addNewContainer().withName("web").withImage("ghcr.io/acme/web:1.4.2")
                                .addNewPort().withName("http").withContainerPort(8080).withProtocol("TCP").endPort()
                                .addNewEnv().withName("LOG_LEVEL").withValue("info").endEnv()
                                .addNewEnv().withName("FEATURE").withValue("yes").endEnv()
                                .addNewEnv().withName("DB_PASSWORD").withNewValueFrom().withNewSecretKeyRef()
                                    .withName("db").withKey("password").endSecretKeyRef().endValueFrom().endEnv()
                                .withNewResources()
                                    .addToRequests("cpu", new Quantity("250m"))
                                    .addToRequests("memory", new Quantity("256Mi"))
                                    .addToLimits("cpu", new Quantity("1"))
                                    .addToLimits("memory", new Quantity("512Mi"))
                                .endResources()
                                .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withPort(new IntOrString("http"))
                                    .endHttpGet().withPeriodSeconds(5).endReadinessProbe()
                                .withNewLivenessProbe().withNewTcpSocket().withPort(new IntOrString("http")).endTcpSocket()
                                    .endLivenessProbe()
                                .withNewStartupProbe().withNewExec().withCommand("cat", "/tmp/started").endExec()
                                    .withFailureThreshold(30).endStartupProbe()
                                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                                .addNewVolumeMount().withName("config").withMountPath("/etc/web").withReadOnly(true)
                                    .endVolumeMount()
                            .endContainer()
                            .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                            .addNewVolume().withName("config").withNewConfigMap().withName("web-config")
                                .withDefaultMode(0644).endConfigMap().endVolume()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    static Service webService() {
        return new ServiceBuilder()
                .withNewMetadata().withName("web").withNamespace("shop")
                    .addToLabels("app.kubernetes.io/name", "web").endMetadata()
                .withNewSpec()
                    .addToSelector("app.kubernetes.io/name", "web")
                    .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).endPort()
                .endSpec()
                .build();
    }

    static Pod migrate() {
        return new PodBuilder()
                .withNewMetadata().withName("migrate").withNamespace("shop").endMetadata()
                .withNewSpec()
                    .addNewContainer().withName("migrate").withImage("ghcr.io/acme/migrate:1.4.2")
                        .withCommand("./migrate", "--all").endContainer()
                    .withRestartPolicy("Never")
                .endSpec()
                .build();
    }

    static ConfigMap webConfig() {
        return new ConfigMapBuilder()
                .withNewMetadata().withName("web-config").withNamespace("shop").endMetadata()
                .addToData("mode", "0755")
                .addToData("enabled", "on")
                .addToData("app.properties", "greeting=hello\nlimit=10\n")
                .build();
    }

    static Secret dbSecret() {
        return new SecretBuilder()
                .withNewMetadata().withName("db").withNamespace("shop").endMetadata()
                .withType("Opaque")
                .addToStringData("password", "s3cr3t-hunter2")
                .addToData("user", "YWRtaW4=")
                .build();
    }
}
