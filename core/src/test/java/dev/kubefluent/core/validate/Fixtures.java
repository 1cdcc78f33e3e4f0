package dev.kubefluent.core.validate;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;

/** Valid manifests that tests break one field at a time. */
final class Fixtures {

    private Fixtures() {
    }

    static Deployment deployment() {
        return new DeploymentBuilder()
                .withNewMetadata().withName("web").withNamespace("shop").addToLabels("app", "web").endMetadata()
                .withNewSpec()
                .withReplicas(3)
                .withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate()
                .withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage("ghcr.io/acme/web:1.4.2")
                .addNewPort().withName("http").withContainerPort(8080).endPort()
                .addNewEnv().withName("LOG_LEVEL").withValue("info").endEnv()
                .withNewResources()
                .addToRequests("cpu", new Quantity("250m")).addToRequests("memory", new Quantity("256Mi"))
                .addToLimits("cpu", new Quantity("1")).addToLimits("memory", new Quantity("512Mi"))
                .endResources()
                .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withPort(new IntOrString("http"))
                .endHttpGet().endReadinessProbe()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    static Service service() {
        return new ServiceBuilder()
                .withNewMetadata().withName("web").withNamespace("shop").endMetadata()
                .withNewSpec()
                .withSelector(Map.of("app", "web"))
                .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).endPort()
                .endSpec()
                .build();
    }

    static Pod pod() {
        return new PodBuilder()
                .withNewMetadata().withName("migrate").withNamespace("shop").endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer().withName("migrate").withImage("ghcr.io/acme/migrate:1.4.2").endContainer()
                .endSpec()
                .build();
    }
}
