package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.function.Consumer;

/**
 * A container's mount of a Pod volume ({@code volumeMounts[]}). Immutable. Create it with
 * {@link Kube#mount(String, String)}; {@code build()} checks that the volume is declared on the Pod.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class VolumeMountDef {

    private final String volume;
    private final String mountPath;
    private final boolean readOnly;
    private final String subPath;
    private final Ops<VolumeMountBuilder> hatches;

    private VolumeMountDef(String volume, String mountPath, boolean readOnly, String subPath,
            Ops<VolumeMountBuilder> hatches) {
        this.volume = volume;
        this.mountPath = mountPath;
        this.readOnly = readOnly;
        this.subPath = subPath;
        this.hatches = hatches;
    }

    static VolumeMountDef of(String volume, String mountPath) {
        return new VolumeMountDef(Checks.dns1123Label(volume, "volume name"),
                Checks.absolutePath(mountPath, "mountPath"), false, null, Ops.empty());
    }

    /**
     * Mounts the volume read-only ({@code readOnly: true}).
     *
     * @return a new read-only mount
     */
    public VolumeMountDef readOnly() {
        return new VolumeMountDef(volume, mountPath, true, subPath, hatches);
    }

    /**
     * Mounts only a path inside the volume ({@code subPath}), e.g. one file of a ConfigMap.
     *
     * @param subPath a relative path without {@code ..}; must not be {@code null}
     * @return a new mount of the sub-path
     */
    public VolumeMountDef subPath(String subPath) {
        Checks.notBlank(subPath, "subPath");
        if (subPath.startsWith("/") || java.util.Arrays.asList(subPath.split("/")).contains("..")) {
            throw new IllegalArgumentException("subPath must be a relative path without '..' but was: "
                    + Checks.quoted(subPath));
        }
        return new VolumeMountDef(volume, mountPath, readOnly, subPath, hatches);
    }

    /**
     * Edits the mount with fabric8's builder, for a field this DSL does not cover, e.g. {@code mountPropagation} or
     * {@code subPathExpr}. It runs after every typed setter, and what it sets is kept.
     *
     * <pre>{@code
     * mount("logs", "/var/log/app").customize(m -> m.withSubPathExpr("$(POD_NAME)"))
     * }</pre>
     *
     * @param edit the edit; must not be {@code null}
     * @return a new mount with the edit
     */
    public VolumeMountDef customize(Consumer<VolumeMountBuilder> edit) {
        Checks.notNull(edit, "customize");
        return new VolumeMountDef(volume, mountPath, readOnly, subPath, hatches.then(edit));
    }

    VolumeMount toVolumeMount() {
        VolumeMount m = new VolumeMount();
        m.setName(volume);
        m.setMountPath(mountPath);
        m.setReadOnly(readOnly ? Boolean.TRUE : null);
        m.setSubPath(subPath);
        return hatches.edit(m, VolumeMountBuilder::new, VolumeMountBuilder::build);
    }

    /** @return e.g. {@code config -> /etc/web (ro)} */
    @Override
    public String toString() {
        return volume + " -> " + mountPath + (subPath != null ? " subPath " + subPath : "") + (readOnly ? " (ro)" : "");
    }
}
