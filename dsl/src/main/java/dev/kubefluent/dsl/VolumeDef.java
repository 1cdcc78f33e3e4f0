package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.function.Consumer;

/**
 * A Pod volume ({@code spec.volumes[]}): an emptyDir, a ConfigMap, a Secret or a PersistentVolumeClaim. Immutable.
 * Containers mount it by name with {@link ContainerDef#volumeMount(String, String)}.
 *
 * <pre>{@code
 * deployment("web")
 *     .volume(emptyDirVolume("cache").sizeLimit("1Gi"))
 *     .volume(configMapVolume("config", "web-config").defaultMode(0444))
 *     .container(container("web").image("ghcr.io/acme/web:1.4.2")
 *         .volumeMount("cache", "/var/cache/web")
 *         .volumeMount(mount("config", "/etc/web").readOnly()))
 * }</pre>
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class VolumeDef {

    private enum Source { EMPTY_DIR, CONFIG_MAP, SECRET, PVC }

    private final String name;
    private final Source source;
    private final Ops<Volume> ops;
    private final Ops<VolumeBuilder> hatches;

    private VolumeDef(String name, Source source, Ops<Volume> ops, Ops<VolumeBuilder> hatches) {
        this.name = name;
        this.source = source;
        this.ops = ops;
        this.hatches = hatches;
    }

    private VolumeDef(String name, Source source, Ops<Volume> ops) {
        this(name, source, ops, Ops.empty());
    }

    static VolumeDef emptyDir(String name) {
        return new VolumeDef(Checks.dns1123Label(name, "volume name"), Source.EMPTY_DIR,
                Ops.<Volume>empty().then(v -> v.setEmptyDir(new EmptyDirVolumeSource())));
    }

    static VolumeDef configMap(String name, String configMap) {
        Checks.dns1123Subdomain(configMap, "configMap name");
        return new VolumeDef(Checks.dns1123Label(name, "volume name"), Source.CONFIG_MAP,
                Ops.<Volume>empty().then(v -> {
                    ConfigMapVolumeSource s = new ConfigMapVolumeSource();
                    s.setName(configMap);
                    v.setConfigMap(s);
                }));
    }

    static VolumeDef secret(String name, String secret) {
        Checks.dns1123Subdomain(secret, "secret name");
        return new VolumeDef(Checks.dns1123Label(name, "volume name"), Source.SECRET,
                Ops.<Volume>empty().then(v -> {
                    SecretVolumeSource s = new SecretVolumeSource();
                    s.setSecretName(secret);
                    v.setSecret(s);
                }));
    }

    static VolumeDef persistentVolumeClaim(String name, String claimName) {
        Checks.dns1123Subdomain(claimName, "claimName");
        return new VolumeDef(Checks.dns1123Label(name, "volume name"), Source.PVC,
                Ops.<Volume>empty().then(v -> v.setPersistentVolumeClaim(
                        new PersistentVolumeClaimVolumeSource(claimName, null))));
    }

    private VolumeDef then(Source required, String method, Consumer<Volume> op) {
        if (source != required) {
            throw new IllegalStateException(method + " applies only to a " + describe(required)
                    + " volume, but volume \"" + name + "\" is a " + describe(source) + " volume");
        }
        return new VolumeDef(name, source, ops.then(op), hatches);
    }

    private static String describe(Source s) {
        return switch (s) {
            case EMPTY_DIR -> "emptyDir";
            case CONFIG_MAP -> "configMap";
            case SECRET -> "secret";
            case PVC -> "persistentVolumeClaim";
        };
    }

    /** @return the volume name that volume mounts refer to */
    public String name() {
        return name;
    }

    /**
     * Sets an emptyDir's {@code sizeLimit}.
     *
     * @param quantity the limit, e.g. {@code 1Gi}; must be a quantity
     * @return a new volume with the limit
     * @throws IllegalStateException if this is not an emptyDir volume
     */
    public VolumeDef sizeLimit(String quantity) {
        Checks.quantity(quantity, "sizeLimit", "\"1Gi\"");
        return then(Source.EMPTY_DIR, "sizeLimit(..)", v -> v.getEmptyDir().setSizeLimit(new Quantity(quantity)));
    }

    /**
     * Makes an emptyDir live in memory ({@code medium: Memory}, a tmpfs).
     *
     * @return a new volume in memory
     * @throws IllegalStateException if this is not an emptyDir volume
     */
    public VolumeDef inMemory() {
        return then(Source.EMPTY_DIR, "inMemory()", v -> v.getEmptyDir().setMedium("Memory"));
    }

    /**
     * Sets the file mode of a ConfigMap or Secret volume's files ({@code defaultMode}), e.g. {@code 0440}.
     *
     * @param mode 0 to 0777 (write it in octal)
     * @return a new volume with the mode
     * @throws IllegalStateException if this is neither a configMap nor a secret volume
     */
    public VolumeDef defaultMode(int mode) {
        if (mode < 0 || mode > 0777) {
            throw new IllegalArgumentException("defaultMode must be between 0 and 0777 (octal) but was: 0"
                    + Integer.toOctalString(mode));
        }
        if (source == Source.SECRET) {
            return then(Source.SECRET, "defaultMode(..)", v -> v.getSecret().setDefaultMode(mode));
        }
        return then(Source.CONFIG_MAP, "defaultMode(..)", v -> v.getConfigMap().setDefaultMode(mode));
    }

    /**
     * Lets the Pod start even if the ConfigMap or Secret is missing ({@code optional: true}).
     *
     * @return a new optional volume
     * @throws IllegalStateException if this is neither a configMap nor a secret volume
     */
    public VolumeDef optional() {
        if (source == Source.SECRET) {
            return then(Source.SECRET, "optional()", v -> v.getSecret().setOptional(true));
        }
        return then(Source.CONFIG_MAP, "optional()", v -> v.getConfigMap().setOptional(true));
    }

    /**
     * Mounts a PersistentVolumeClaim read-only ({@code persistentVolumeClaim.readOnly: true}).
     *
     * @return a new read-only claim volume
     * @throws IllegalStateException if this is not a persistentVolumeClaim volume
     */
    public VolumeDef readOnly() {
        return then(Source.PVC, "readOnly()", v -> v.getPersistentVolumeClaim().setReadOnly(true));
    }

    /**
     * Edits the volume with fabric8's builder, for a field or a volume source this DSL does not cover. It runs after
     * every typed setter, and what it sets is kept; the workload's {@code build()} validates the result.
     *
     * <pre>{@code
     * emptyDirVolume("scratch").customize(v -> v.editEmptyDir().withMedium("HugePages").endEmptyDir())
     * }</pre>
     *
     * @param edit the edit; must not be {@code null}
     * @return a new volume with the edit
     */
    public VolumeDef customize(Consumer<VolumeBuilder> edit) {
        Checks.notNull(edit, "customize");
        return new VolumeDef(name, source, ops, hatches.then(edit));
    }

    Volume toVolume() {
        Volume v = new Volume();
        v.setName(name);
        ops.applyTo(v);
        return hatches.edit(v, VolumeBuilder::new, VolumeBuilder::build);
    }

    /** @return the volume as in a manifest */
    @Override
    public String toString() {
        return "VolumeDef" + toVolume();
    }
}
