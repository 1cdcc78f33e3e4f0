package dev.kubefluent.core;

/**
 * Publishes a named {@link ManifestSet}, so that the build can write it to YAML.
 *
 * <p>Implement it in your application (it needs a public no-argument constructor) and run
 * {@link dev.kubefluent.core.render.ManifestGenerator} during the Maven build, for example with exec-maven-plugin in
 * the {@code process-classes} phase:
 *
 * <pre>{@code
 * public final class ShopManifests implements ManifestSource {
 *     public String name() { return "shop"; }
 *     public ManifestSet manifests() { return ManifestSet.of(web, webService); }
 * }
 * }</pre>
 *
 * The generator writes {@code target/kubernetes/shop.yaml} and fails the build with the validator's messages when a
 * manifest is invalid.
 *
 * @since 0.1.0
 */
public interface ManifestSource {

    /**
     * The name of the file to write, without {@code .yaml}: a DNS-1123 label such as {@code shop}.
     *
     * @return the name; never {@code null}
     */
    String name();

    /**
     * The manifests to publish.
     *
     * @return the set; never {@code null}
     */
    ManifestSet manifests();
}
