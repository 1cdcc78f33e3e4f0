package dev.kubefluent.samples.programmatic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README demo, run as the README runs it (on the embedded simulated cluster). */
class ShopDemoTest {

    @Test
    void demo_rolls_out_upgrades_diagnoses_and_rolls_back() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new ShopDemo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(null);

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("7 manifests")
                .contains("deployment \"web\" successfully rolled out")
                .contains("Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...")
                .contains("ErrImagePull")
                .contains("rolled back release shop to revision 2")
                .contains("== Revision history of deployment/web")
                .endsWith("Demo complete: 1.0 and 2.0 rolled out, 3.0 diagnosed and rolled back.\n");
    }
}
