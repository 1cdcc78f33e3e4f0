package dev.kubefluent.samples;

import static dev.kubefluent.dsl.Kube.*;

import dev.kubefluent.core.ManifestSet;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The sample "shop": a web front end and an API, each a Deployment with a Service, sharing a ConfigMap and a
 * ServiceAccount, in namespace {@code shop}.
 *
 * <p>{@link #release(String, String)} gives one release of it; the demo rolls out several versions of the web front
 * end with it.
 */
public final class Shop {

    /** The namespace everything lives in. */
    public static final String NAMESPACE = "shop";

    /** The web front end's image repository; the tag is the release's version. */
    public static final String WEB_IMAGE = "ghcr.io/acme/shop-web";

    /** The API's image repository. */
    public static final String API_IMAGE = "ghcr.io/acme/shop-api";

    private Shop() {
        throw new UnsupportedOperationException("no instances");
    }

    /**
     * Describes the shop with the given image tags.
     *
     * @param webVersion the web front end's image tag, e.g. {@code 1.0}
     * @param apiVersion the API's image tag, e.g. {@code 1.0}
     * @return every manifest of the shop
     */
    public static ManifestSet release(String webVersion, String apiVersion) {
        Namespace namespace = new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build();
        ConfigMap config = new ConfigMapBuilder()
                .withNewMetadata().withName("shop-config").withNamespace(NAMESPACE).endMetadata()
                .addToData("LOG_LEVEL", "info")
                .addToData("API_URL", "http://api." + NAMESPACE + ".svc:80")
                .build();
        ServiceAccount account = new ServiceAccountBuilder()
                .withNewMetadata().withName("shop").withNamespace(NAMESPACE).endMetadata()
                .withAutomountServiceAccountToken(false)
                .build();

        Deployment web = deployment("web")
                .namespace(NAMESPACE)
                .replicas(3)
                .serviceAccountName("shop")
                .container(container("web")
                        .image(WEB_IMAGE + ":" + webVersion)
                        .port("http", 8080)
                        .env("LOG_LEVEL", configMapKey("shop-config", "LOG_LEVEL"))
                        .env("API_URL", configMapKey("shop-config", "API_URL"))
                        .requests(cpu("100m"), memory("128Mi"))
                        .limits(cpu("500m"), memory("256Mi"))
                        .readinessProbe(httpGet("/ready", "http"))
                        .livenessProbe(tcpSocket("http")))
                .rollingUpdate(maxSurge(1), maxUnavailable(0))
                .build();
        Service webService = service("web").namespace(NAMESPACE).selecting(web).port(80, "http").build();

        Deployment api = deployment("api")
                .namespace(NAMESPACE)
                .replicas(2)
                .serviceAccountName("shop")
                .container(container("api")
                        .image(API_IMAGE + ":" + apiVersion)
                        .port("http", 8080)
                        .env("LOG_LEVEL", configMapKey("shop-config", "LOG_LEVEL"))
                        .requests(cpu("250m"), memory("256Mi"))
                        .limits(cpu("1"), memory("512Mi"))
                        .readinessProbe(httpGet("/healthz", "http"))
                        .livenessProbe(httpGet("/healthz", "http")))
                .rollingUpdate(maxSurge("25%"), maxUnavailable("25%"))
                .build();
        Service apiService = service("api").namespace(NAMESPACE).selecting(api).port(80, "http").build();

        return ManifestSet.of(namespace, config, account, web, webService, api, apiService);
    }
}
