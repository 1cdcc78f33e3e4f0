package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/**
 * Where an environment variable takes its value from ({@code env[].valueFrom}): a ConfigMap key, a Secret key, a field
 * of the Pod or a resource of the container. Immutable.
 *
 * <pre>{@code
 * container("web").image("ghcr.io/acme/web:1.4.2")
 *     .env("DB_HOST", configMapKey("db-config", "host"))
 *     .env("DB_PASSWORD", secretKey("db", "password"))
 *     .env("POD_NAME", fieldRef("metadata.name"))
 * }</pre>
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class EnvRef {

    private enum Kind { CONFIG_MAP_KEY, SECRET_KEY, FIELD, RESOURCE_FIELD }

    private final Kind kind;
    private final String name;
    private final String key;
    private final boolean optional;

    private EnvRef(Kind kind, String name, String key, boolean optional) {
        this.kind = kind;
        this.name = name;
        this.key = key;
        this.optional = optional;
    }

    static EnvRef configMapKey(String configMap, String key) {
        return new EnvRef(Kind.CONFIG_MAP_KEY, Checks.dns1123Subdomain(configMap, "configMap name"),
                Checks.configKey(key, "configMap key"), false);
    }

    static EnvRef secretKey(String secret, String key) {
        return new EnvRef(Kind.SECRET_KEY, Checks.dns1123Subdomain(secret, "secret name"),
                Checks.configKey(key, "secret key"), false);
    }

    static EnvRef fieldRef(String fieldPath) {
        return new EnvRef(Kind.FIELD, null, Checks.notBlank(fieldPath, "fieldPath"), false);
    }

    static EnvRef resourceFieldRef(String resource) {
        return new EnvRef(Kind.RESOURCE_FIELD, null, Checks.notBlank(resource, "resource"), false);
    }

    /**
     * Marks a ConfigMap or Secret key reference {@code optional: true}: the container starts even if it is missing.
     *
     * @return a new reference that is optional
     * @throws IllegalStateException for a field or resource reference, which cannot be optional
     */
    public EnvRef optional() {
        if (kind == Kind.FIELD || kind == Kind.RESOURCE_FIELD) {
            throw new IllegalStateException("optional() applies only to configMapKey(..) and secretKey(..) references");
        }
        return new EnvRef(kind, name, key, true);
    }

    EnvVarSource toSource() {
        EnvVarSource s = new EnvVarSource();
        Boolean opt = optional ? Boolean.TRUE : null;
        switch (kind) {
            case CONFIG_MAP_KEY -> s.setConfigMapKeyRef(new ConfigMapKeySelector(key, name, opt));
            case SECRET_KEY -> s.setSecretKeyRef(new SecretKeySelector(key, name, opt));
            case FIELD -> s.setFieldRef(new ObjectFieldSelector(null, key));
            default -> s.setResourceFieldRef(new ResourceFieldSelector(null, null, key));
        }
        return s;
    }

    /** @return the reference, e.g. {@code secretKey(db, password)}; never a Secret's value */
    @Override
    public String toString() {
        return switch (kind) {
            case CONFIG_MAP_KEY -> "configMapKey(" + name + ", " + key + ")";
            case SECRET_KEY -> "secretKey(" + name + ", " + key + ")";
            case FIELD -> "fieldRef(" + key + ")";
            case RESOURCE_FIELD -> "resourceFieldRef(" + key + ")";
        } + (optional ? ".optional()" : "");
    }
}
