package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.ConfigMapEnvSource;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.SecretEnvSource;

/**
 * A whole ConfigMap or Secret turned into environment variables ({@code envFrom[]}), optionally with a name prefix.
 * Immutable. Create it with {@link Kube#configMapEnv(String)} or {@link Kube#secretEnv(String)}.
 *
 * <pre>{@code
 * container("web").image("ghcr.io/acme/web:1.4.2").envFrom(configMapEnv("web-config").prefix("WEB_"))
 * }</pre>
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class EnvFromRef {

    private final boolean secret;
    private final String name;
    private final String prefix;
    private final boolean optional;

    private EnvFromRef(boolean secret, String name, String prefix, boolean optional) {
        this.secret = secret;
        this.name = name;
        this.prefix = prefix;
        this.optional = optional;
    }

    static EnvFromRef of(boolean secret, String name) {
        return new EnvFromRef(secret, Checks.dns1123Subdomain(name, secret ? "secret name" : "configMap name"), null,
                false);
    }

    /**
     * Sets the {@code prefix} put in front of every variable name.
     *
     * @param prefix the prefix, e.g. {@code DB_}; must not be {@code null}
     * @return a new reference with the prefix
     */
    public EnvFromRef prefix(String prefix) {
        return new EnvFromRef(secret, name, Checks.notBlank(prefix, "prefix"), optional);
    }

    /**
     * Marks the reference {@code optional: true}: the container starts even if the object is missing.
     *
     * @return a new reference that is optional
     */
    public EnvFromRef optional() {
        return new EnvFromRef(secret, name, prefix, true);
    }

    EnvFromSource toSource() {
        Boolean opt = optional ? Boolean.TRUE : null;
        EnvFromSource s = new EnvFromSource();
        s.setPrefix(prefix);
        if (secret) {
            s.setSecretRef(new SecretEnvSource(name, opt));
        } else {
            s.setConfigMapRef(new ConfigMapEnvSource(name, opt));
        }
        return s;
    }

    /** @return the reference, e.g. {@code secretEnv(db)} */
    @Override
    public String toString() {
        return (secret ? "secretEnv(" : "configMapEnv(") + name + ")" + (prefix != null ? ".prefix(" + prefix + ")" : "")
                + (optional ? ".optional()" : "");
    }
}
