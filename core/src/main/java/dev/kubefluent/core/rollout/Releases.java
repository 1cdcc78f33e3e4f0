package dev.kubefluent.core.rollout;

import dev.kubefluent.core.ManifestSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The release marker (a label and an annotation on each applied object's own metadata, never on a pod template or a
 * selector) and the release name rules.
 */
final class Releases {

    /** Label and annotation naming the release an object belongs to. */
    static final String RELEASE_KEY = "kubefluent.dev/release";
    /** Annotation naming the namespace that holds the release records. */
    static final String RELEASE_NAMESPACE_KEY = "kubefluent.dev/release-namespace";

    private Releases() {
    }

    /**
     * Adds the release marker to an object's metadata (the object must be a copy the caller owns).
     *
     * @param object           the object
     * @param release          the release
     * @param releaseNamespace the namespace of the release records
     */
    static void mark(HasMetadata object, String release, String releaseNamespace) {
        ObjectMeta meta = object.getMetadata();
        if (meta == null) {
            meta = new ObjectMeta();
            object.setMetadata(meta);
        }
        Map<String, String> labels = meta.getLabels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(meta.getLabels());
        labels.put(RELEASE_KEY, release);
        meta.setLabels(labels);
        Map<String, String> annotations = meta.getAnnotations() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(meta.getAnnotations());
        annotations.put(RELEASE_KEY, release);
        annotations.put(RELEASE_NAMESPACE_KEY, releaseNamespace);
        meta.setAnnotations(annotations);
    }

    /**
     * Tells whether an object carries this release's marker: both the label and the annotation.
     *
     * @param object  the object as read from the cluster
     * @param release the release
     * @return {@code true} only when both match
     */
    static boolean isMarked(HasMetadata object, String release) {
        ObjectMeta meta = object.getMetadata();
        if (meta == null || meta.getLabels() == null || meta.getAnnotations() == null) {
            return false;
        }
        return release.equals(meta.getLabels().get(RELEASE_KEY)) && release.equals(meta.getAnnotations().get(RELEASE_KEY));
    }

    /**
     * Returns the release name: the one given, or the single app of the set.
     *
     * @param set     the set
     * @param options the options
     * @return the release name
     * @throws IllegalArgumentException when no name is given and the set does not hold exactly one app
     */
    static String resolveName(ManifestSet set, RolloutOptions options) {
        if (options.release().isPresent()) {
            return options.release().get();
        }
        Set<String> apps = new TreeSet<>();
        for (HasMetadata r : set.resources()) {
            Map<String, String> labels = r.getMetadata() == null ? null : r.getMetadata().getLabels();
            if (labels == null) {
                continue;
            }
            String app = labels.getOrDefault("app.kubernetes.io/name", labels.get("app"));
            if (app != null) {
                apps.add(app);
            }
        }
        if (apps.size() != 1) {
            throw new IllegalArgumentException("RolloutOptions.release must be set when the set does not hold exactly one app"
                    + " (label app.kubernetes.io/name or app) but the apps were: " + apps);
        }
        String app = apps.iterator().next();
        if (!app.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || app.length() > 53) {
            throw new IllegalArgumentException("RolloutOptions.release must be set: the app name is not a valid release name"
                    + " (a lowercase DNS label of at most 53 characters) but was: \"" + app + "\"");
        }
        return app;
    }
}
