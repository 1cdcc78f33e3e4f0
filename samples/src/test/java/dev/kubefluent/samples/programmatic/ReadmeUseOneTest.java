package dev.kubefluent.samples.programmatic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.rollout.RolloutEngine;
import dev.kubefluent.core.rollout.RolloutListener;
import dev.kubefluent.core.rollout.RolloutOptions;
import dev.kubefluent.core.rollout.RolloutResult;
import dev.kubefluent.core.rollout.RolloutStatus;
import dev.kubefluent.samples.Shop;
import dev.kubefluent.testing.junit.SimulatedClusterTest;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's "Use 1: deploy from application code" example, as written there. */
@SimulatedClusterTest
class ReadmeUseOneTest {

    @Test
    void readme_example_rolls_out_the_shop(KubernetesClient client) {
        ManifestSet set = Shop.release("1.0", "1.0");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        RolloutResult result;
        try {
            // --- README begins
            RolloutEngine engine = RolloutEngine.create(client);          // any fabric8 KubernetesClient
            result = engine.rollout(set, RolloutOptions.builder()
                    .release("shop")
                    .timeout(Duration.ofMinutes(5))
                    .listener(RolloutListener.console())
                    .build());
            if (result.status() != RolloutStatus.SUCCEEDED) {
                System.err.println(result.message());                     // e.g. the pod's ErrImagePull and its Events
            }
            // --- README ends
        } finally {
            System.setErr(stderr);
        }

        assertThat(result.status()).isEqualTo(RolloutStatus.SUCCEEDED);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
