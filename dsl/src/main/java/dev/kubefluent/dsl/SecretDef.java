package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A {@code v1} Secret under construction: passwords, tokens, TLS keys, registry credentials. Immutable: every method
 * returns a new builder, and each {@link #build()} returns fresh fabric8 objects.
 *
 * <pre>{@code
 * Secret db = secret("db").stringData("password", password).build();
 * Secret tls = secret("web-tls").tls(certificatePem, privateKeyPem).build();
 * Secret pull = secret("ghcr").dockerConfig("ghcr.io", "bot", token).build();
 * }</pre>
 *
 * <h2>Redaction</h2>
 * Kubefluent never prints a Secret's values: this builder's {@code toString()} lists keys only, argument checks name
 * keys only, and validation messages show {@code <redacted>}. fabric8's own {@code Secret.toString()} prints the
 * data (base64) and is outside our control: do not log built Secret objects.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class SecretDef extends AbstractNamespacedDef<SecretDef, Secret, SecretBuilder> {

    /** Keys only, for toString; never values. */
    private final TreeSet<String> keys;
    private final String type;

    private SecretDef(String name, Ops<Secret> ops, Ops<SecretBuilder> hatches, TreeSet<String> keys, String type) {
        super(name, ops, hatches);
        this.keys = keys;
        this.type = type;
    }

    static SecretDef of(String name) {
        return new SecretDef(Checks.dns1123Subdomain(name, "Secret name"), Ops.empty(), Ops.empty(), new TreeSet<>(),
                null);
    }

    @Override
    SecretDef with(Ops<Secret> ops, Ops<SecretBuilder> hatches) {
        return new SecretDef(name, ops, hatches, keys, type);
    }

    private SecretDef withKeys(Ops<Secret> ops, String newType, String... added) {
        TreeSet<String> k = new TreeSet<>(keys);
        k.addAll(java.util.List.of(added));
        return new SecretDef(name, ops, hatches, k, newType);
    }

    @Override
    Secret newDraft() {
        Secret s = new Secret();
        s.setMetadata(Meta.named(name));
        return s;
    }

    @Override
    SecretBuilder toBuilder(Secret s) {
        return new SecretBuilder(s);
    }

    @Override
    Secret fromBuilder(SecretBuilder b) {
        return b.build();
    }

    @Override
    void applyDefaults(Secret s) {
        Meta.recommendedLabels(s.getMetadata(), s.getMetadata().getName());
    }

    private static void putData(Secret s, String key, byte[] bytes) {
        if (s.getData() == null) {
            s.setData(new LinkedHashMap<>());
        }
        s.getData().put(key, Base64.getEncoder().encodeToString(bytes));
    }

    /**
     * Adds a text entry to {@code stringData} (the API server stores it base64-encoded in {@code data}).
     *
     * @param key   a config key such as {@code password}; must not be {@code null}
     * @param value the secret text; must not be {@code null}; never printed
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SecretDef stringData(String key, String value) {
        Checks.configKey(key, "Secret key");
        Checks.notNull(value, "value of Secret key " + Checks.quoted(key));
        return withKeys(ops.then(s -> {
            if (s.getStringData() == null) {
                s.setStringData(new LinkedHashMap<>());
            }
            s.getStringData().put(key, value);
        }), type, key);
    }

    /**
     * Adds a binary entry to {@code data} (base64 in the manifest).
     *
     * @param key   a config key; must not be {@code null}
     * @param bytes the secret content; must not be {@code null}; never printed
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SecretDef data(String key, byte[] bytes) {
        Checks.configKey(key, "Secret key");
        byte[] copy = Checks.notNull(bytes, "value of Secret key " + Checks.quoted(key)).clone();
        return withKeys(ops.then(s -> putData(s, key, copy)), type, key);
    }

    /**
     * Adds a file's content to {@code data} under the file's name. The file is read now.
     *
     * @param file a readable file; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     * @throws IllegalArgumentException if the file cannot be read
     */
    public SecretDef dataFromFile(Path file) {
        Checks.notNull(file, "file");
        return data(String.valueOf(file.getFileName()), ConfigMapDef.read(file));
    }

    /**
     * Makes this a TLS Secret ({@code type: kubernetes.io/tls}) with {@code tls.crt} and {@code tls.key}, for an
     * Ingress or a server.
     *
     * @param certificatePem the PEM certificate chain; must not be {@code null}
     * @param privateKeyPem  the PEM private key; must not be {@code null}; never printed
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SecretDef tls(String certificatePem, String privateKeyPem) {
        byte[] crt = Checks.notBlank(certificatePem, "certificate").getBytes(StandardCharsets.UTF_8);
        byte[] key = Checks.notNull(privateKeyPem, "private key").getBytes(StandardCharsets.UTF_8);
        return withKeys(ops.then(s -> {
            s.setType("kubernetes.io/tls");
            putData(s, "tls.crt", crt);
            putData(s, "tls.key", key);
        }), "kubernetes.io/tls", "tls.crt", "tls.key");
    }

    /**
     * Makes this an image pull Secret ({@code type: kubernetes.io/dockerconfigjson}) for one registry, as
     * {@code kubectl create secret docker-registry} does; use it with a workload's {@code imagePullSecret(..)}.
     *
     * @param registry the registry host, e.g. {@code ghcr.io}; must not be {@code null}
     * @param username the user; must not be {@code null}
     * @param password the password or token; must not be {@code null}; never printed
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SecretDef dockerConfig(String registry, String username, String password) {
        Checks.notBlank(registry, "registry");
        Checks.notBlank(username, "username");
        Checks.notNull(password, "password");
        String auth = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        String json = "{\"auths\":{" + Json.string(registry) + ":{\"username\":" + Json.string(username)
                + ",\"password\":" + Json.string(password) + ",\"auth\":" + Json.string(auth) + "}}}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return withKeys(ops.then(s -> {
            s.setType("kubernetes.io/dockerconfigjson");
            putData(s, ".dockerconfigjson", bytes);
        }), "kubernetes.io/dockerconfigjson", ".dockerconfigjson");
    }

    /**
     * Sets the Secret's {@code type} (default {@code Opaque}), e.g. {@code kubernetes.io/basic-auth}.
     *
     * @param type the type; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SecretDef type(String type) {
        Checks.notBlank(type, "type");
        return withKeys(ops.then(s -> s.setType(type)), type);
    }

    /**
     * Marks the Secret {@code immutable: true}.
     *
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public SecretDef immutable() {
        return then(s -> s.setImmutable(true));
    }

    /** @return the name, type and keys with every value {@code <redacted>}, e.g. {@code SecretDef[db, {password=<redacted>}]} */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        keys.forEach(k -> shown.put(k, "<redacted>"));
        return "SecretDef[" + name + (type != null ? ", " + type : "") + ", " + shown + "]";
    }
}
