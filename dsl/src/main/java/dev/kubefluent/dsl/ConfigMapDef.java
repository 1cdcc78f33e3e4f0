package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code v1} ConfigMap under construction: non-secret configuration as keys and values. Immutable: every method
 * returns a new builder, and each {@link #build()} returns fresh fabric8 objects.
 *
 * <pre>{@code
 * ConfigMap cfg = configMap("web-config").data("LOG_LEVEL", "info").dataFromFile(Path.of("app.yaml")).build();
 * deployment("web").container(container("web").image("ghcr.io/acme/web:1.4.2")
 *     .env("LOG_LEVEL", configMapKey(cfg, "LOG_LEVEL")))    // the key is checked against cfg
 * }</pre>
 *
 * <p>Defaults: the recommended labels. {@code build()} validates keys, the data/binaryData overlap and the 1 MiB size.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class ConfigMapDef extends AbstractNamespacedDef<ConfigMapDef, ConfigMap, ConfigMapBuilder> {

    private ConfigMapDef(String name, Ops<ConfigMap> ops, Ops<ConfigMapBuilder> hatches) {
        super(name, ops, hatches);
    }

    static ConfigMapDef of(String name) {
        return new ConfigMapDef(Checks.dns1123Subdomain(name, "ConfigMap name"), Ops.empty(), Ops.empty());
    }

    @Override
    ConfigMapDef with(Ops<ConfigMap> ops, Ops<ConfigMapBuilder> hatches) {
        return new ConfigMapDef(name, ops, hatches);
    }

    @Override
    ConfigMap newDraft() {
        ConfigMap c = new ConfigMap();
        c.setMetadata(Meta.named(name));
        return c;
    }

    @Override
    ConfigMapBuilder toBuilder(ConfigMap c) {
        return new ConfigMapBuilder(c);
    }

    @Override
    ConfigMap fromBuilder(ConfigMapBuilder b) {
        return b.build();
    }

    @Override
    void applyDefaults(ConfigMap c) {
        Meta.recommendedLabels(c.getMetadata(), c.getMetadata().getName());
    }

    private static Map<String, String> data(ConfigMap c) {
        if (c.getData() == null) {
            c.setData(new LinkedHashMap<>());
        }
        return c.getData();
    }

    /**
     * Adds a text entry to {@code data}.
     *
     * @param key   a config key such as {@code LOG_LEVEL} or {@code app.yaml}; must not be {@code null}
     * @param value the text; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ConfigMapDef data(String key, String value) {
        Checks.configKey(key, "ConfigMap key");
        Checks.notNull(value, "value of ConfigMap key " + Checks.quoted(key));
        return then(c -> data(c).put(key, value));
    }

    /**
     * Adds text entries to {@code data}, as {@link #data(String, String)} does for each.
     *
     * @param entries the entries; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ConfigMapDef data(Map<String, String> entries) {
        Checks.notNull(entries, "data");
        entries.forEach((k, v) -> {
            Checks.configKey(k, "ConfigMap key");
            Checks.notNull(v, "value of ConfigMap key " + Checks.quoted(k));
        });
        Map<String, String> copy = new LinkedHashMap<>(entries);
        return then(c -> data(c).putAll(copy));
    }

    /**
     * Adds a UTF-8 file's content to {@code data} under the file's name, like
     * {@code kubectl create configmap --from-file}. The file is read now, not at {@code build()}.
     *
     * @param file a readable UTF-8 file; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     * @throws IllegalArgumentException if the file cannot be read or its name is not a config key
     */
    public ConfigMapDef dataFromFile(Path file) {
        Checks.notNull(file, "file");
        return dataFromFile(String.valueOf(file.getFileName()), file);
    }

    /**
     * Adds a UTF-8 file's content to {@code data} under {@code key}. The file is read now.
     *
     * @param key  a config key; must not be {@code null}
     * @param file a readable UTF-8 file; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     * @throws IllegalArgumentException if the file cannot be read
     */
    public ConfigMapDef dataFromFile(String key, Path file) {
        Checks.notNull(file, "file");
        return data(key, new String(read(file), StandardCharsets.UTF_8));
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("file must be readable but was: " + file + " (" + e + ")", e);
        }
    }

    /**
     * Adds a binary entry to {@code binaryData} (base64 in the manifest).
     *
     * @param key   a config key; must not be {@code null}
     * @param bytes the content; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ConfigMapDef binaryData(String key, byte[] bytes) {
        Checks.configKey(key, "ConfigMap key");
        String encoded = Base64.getEncoder().encodeToString(Checks.notNull(bytes, "binaryData of " + Checks.quoted(key)));
        return then(c -> {
            if (c.getBinaryData() == null) {
                c.setBinaryData(new LinkedHashMap<>());
            }
            c.getBinaryData().put(key, encoded);
        });
    }

    /**
     * Marks the ConfigMap {@code immutable: true}: its data can no longer change (change the name instead, which also
     * rolls the Pods that use it).
     *
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public ConfigMapDef immutable() {
        return then(c -> c.setImmutable(true));
    }

    /** @return e.g. {@code ConfigMapDef[web-config]} */
    @Override
    public String toString() {
        return "ConfigMapDef" + Arrays.asList(name);
    }
}
