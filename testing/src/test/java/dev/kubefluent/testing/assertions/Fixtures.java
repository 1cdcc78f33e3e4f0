package dev.kubefluent.testing.assertions;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.validate.KubeVersion;
import dev.kubefluent.core.validate.RuleSource;
import dev.kubefluent.core.validate.Severity;
import dev.kubefluent.core.validate.Violation;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Manifests built with fabric8 builders, shared by the assertion tests. */
final class Fixtures {

    static final String NAME_LABEL = "app.kubernetes.io/name";

    private Fixtures() {
    }

    static AssertionError expectAssertionError(ThrowingCallable call) {
        AssertionError error = Assertions.catchThrowableOfType(AssertionError.class, call);
        Assertions.assertThat(error).as("expected an AssertionError").isNotNull();
        return error;
    }

    /** The {@code web} container: image, named port, readiness probe, requests and limits. */
    static Container webContainer() {
        return new ContainerBuilder()
                .withName("web")
                .withImage("ghcr.io/acme/web:1.4.2")
                .addNewPort().withName("http").withContainerPort(8080).endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/healthz").withPort(new IntOrString("http")).endHttpGet()
                .endReadinessProbe()
                .withNewResources()
                .addToRequests("cpu", new Quantity("250m")).addToRequests("memory", new Quantity("256Mi"))
                .addToLimits("cpu", new Quantity("1")).addToLimits("memory", new Quantity("512Mi"))
                .endResources()
                .build();
    }

    static Container sidecar() {
        return new ContainerBuilder().withName("proxy").withImage("envoyproxy/envoy:v1.31.0").build();
    }

    /** Deployment {@code shop/web}: 3 replicas, labelled {@code app.kubernetes.io/name=web}, containers web and proxy. */
    static Deployment web() {
        return new DeploymentBuilder()
                .withNewMetadata().withName("web").withNamespace("shop").addToLabels(NAME_LABEL, "web").endMetadata()
                .withNewSpec().withReplicas(3)
                .withNewSelector().addToMatchLabels(NAME_LABEL, "web").endSelector()
                .withNewTemplate()
                .withNewMetadata().addToLabels(NAME_LABEL, "web").addToLabels("tier", "front").endMetadata()
                .withNewSpec().withContainers(webContainer(), sidecar()).endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /** Service {@code shop/web}: selects {@code app.kubernetes.io/name=web}, routes 80 to {@code http}. */
    static Service svc() {
        return new ServiceBuilder()
                .withNewMetadata().withName("web").withNamespace("shop").endMetadata()
                .withNewSpec()
                .addToSelector(NAME_LABEL, "web")
                .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).endPort()
                .addNewPort().withName("metrics").withPort(9090).endPort()
                .endSpec()
                .build();
    }

    static Pod pod() {
        return new PodBuilder()
                .withNewMetadata().withName("web-0").addToLabels(NAME_LABEL, "web").endMetadata()
                .withNewSpec().withContainers(webContainer()).endSpec()
                .build();
    }

    static StatefulSet db() {
        return new StatefulSetBuilder()
                .withNewMetadata().withName("db").endMetadata()
                .withNewSpec().withReplicas(2).withServiceName("db")
                .withNewTemplate().withNewMetadata().addToLabels(NAME_LABEL, "db").endMetadata()
                .withNewSpec().addNewContainer().withName("postgres").withImage("postgres:17.2").endContainer().endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    static DaemonSet agent() {
        return new DaemonSetBuilder()
                .withNewMetadata().withName("agent").addToLabels(NAME_LABEL, "agent").endMetadata()
                .withNewSpec()
                .withNewTemplate().withNewMetadata().addToLabels(NAME_LABEL, "agent").endMetadata()
                .withNewSpec().addNewContainer().withName("agent").withImage("fluent/fluent-bit:3.2.4").endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /** A violation in the house message form, as the validator reports it. */
    static Violation violation(String ruleId, Severity severity, String path, String rule, String value) {
        ResourceRef web = ResourceRef.of("Deployment", "shop", "web");
        return new Violation(web, path, ruleId, severity, RuleSource.API_SERVER, KubeVersion.of(1, 25),
                web + ": " + path + " " + rule + " but was: " + value, null);
    }
}
