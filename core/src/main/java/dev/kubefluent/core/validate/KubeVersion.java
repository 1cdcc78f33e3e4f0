package dev.kubefluent.core.validate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes minor version, such as {@code 1.32}, used to pick the rules that apply to a target cluster.
 *
 * @param major the major version, {@code 1} for every Kubernetes release so far
 * @param minor the minor version, zero or more
 * @since 0.1.0
 */
public record KubeVersion(int major, int minor) implements Comparable<KubeVersion> {

    private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[-+].*)?");

    /** The version validation targets unless told otherwise. */
    public static final KubeVersion DEFAULT = new KubeVersion(1, 32);

    /**
     * Creates a version.
     *
     * @throws IllegalArgumentException if a component is negative
     */
    public KubeVersion {
        if (major < 0) {
            throw new IllegalArgumentException("major must not be negative but was: " + major);
        }
        if (minor < 0) {
            throw new IllegalArgumentException("minor must not be negative but was: " + minor);
        }
    }

    /**
     * Returns the version {@code major.minor}.
     *
     * @param major the major version
     * @param minor the minor version
     * @return the version
     */
    public static KubeVersion of(int major, int minor) {
        return new KubeVersion(major, minor);
    }

    /**
     * Parses {@code 1.32}, {@code v1.32} or {@code v1.32.2} (the patch level is ignored).
     *
     * @param text the version text; must not be {@code null}
     * @return the version
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static KubeVersion parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Kubernetes version must not be null");
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "Kubernetes version must look like 1.32 or v1.32.2 but was: \"" + text + "\"");
        }
        return new KubeVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /**
     * Tells whether this version is the given one or later.
     *
     * @param other the version to compare with; must not be {@code null}
     * @return {@code true} if {@code this >= other}
     */
    public boolean isAtLeast(KubeVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(KubeVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    /** @return {@code 1.32} */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
