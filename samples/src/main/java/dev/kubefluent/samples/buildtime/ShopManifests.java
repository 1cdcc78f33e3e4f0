package dev.kubefluent.samples.buildtime;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ManifestSource;
import dev.kubefluent.samples.Shop;

/**
 * Publishes the shop's manifests to the build: the samples module's own build runs
 * {@link dev.kubefluent.core.render.ManifestGenerator} on this class in {@code process-classes}, which writes
 * {@code samples/target/kubernetes/shop.yaml} and fails the build if a manifest is invalid.
 */
public final class ShopManifests implements ManifestSource {

    /** The current release of the shop. */
    public static final String VERSION = "1.0";

    @Override
    public String name() {
        return "shop";
    }

    @Override
    public ManifestSet manifests() {
        return Shop.release(VERSION, VERSION);
    }
}
