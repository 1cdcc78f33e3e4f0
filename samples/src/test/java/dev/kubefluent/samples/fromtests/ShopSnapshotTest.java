package dev.kubefluent.samples.fromtests;

import static dev.kubefluent.testing.assertions.KubeAssertions.assertThat;

import dev.kubefluent.samples.Shop;
import org.junit.jupiter.api.Test;

/**
 * A golden-file snapshot of the rendered shop: {@code src/test/resources/__snapshots__/shop.yaml}. Rerun with
 * {@code -Dkubefluent.snapshots.update=true} after an intended change, and review the diff.
 */
class ShopSnapshotTest {

    @Test
    void rendered_shop_matches_its_snapshot() {
        assertThat(Shop.release("1.0", "1.0")).isValid().containsDeployment("web").matchesSnapshot("shop");
    }
}
