package dev.kubefluent.samples.programmatic;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.rollout.Revision;
import dev.kubefluent.core.rollout.RolloutEngine;
import dev.kubefluent.core.rollout.RolloutListener;
import dev.kubefluent.core.rollout.RolloutOptions;
import dev.kubefluent.core.rollout.RolloutResult;
import dev.kubefluent.core.rollout.RolloutStatus;
import dev.kubefluent.samples.Shop;
import dev.kubefluent.testing.sim.SimulatedCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The README demo: deploys the {@link Shop} from application code.
 *
 * <p>It validates and renders the manifests, then on the embedded simulated cluster (or, with
 * {@code --kubeconfig <file>}, on that cluster) rolls out v1, upgrades the web front end to v2, tries a v3 whose image
 * cannot be pulled — which the engine diagnoses and rolls back — and prints the revision history.
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -pl samples exec:java
 * mvn -B -q -pl samples exec:java -Dexec.args="--kubeconfig $HOME/.kube/config"
 * </pre>
 */
public final class ShopDemo {

    /** The simulated cluster runs this many times faster than real time. */
    static final double TIME_SCALE = 20;

    /** The web image tag of the broken third release: the simulated cluster cannot pull it. */
    static final String BROKEN_VERSION = "3.0";

    /** Held so that the level stays set: the embedded server logs every request at INFO through java.util.logging. */
    private static final Logger QUIET_MOCK_SERVER = Logger.getLogger("io.fabric8.mockwebserver");

    private final PrintStream out;

    ShopDemo(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs the demo.
     *
     * @param args nothing, or {@code --kubeconfig <file>} to target a real cluster
     */
    public static void main(String[] args) {
        QUIET_MOCK_SERVER.setLevel(Level.WARNING);
        Path kubeconfig = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--kubeconfig") && i + 1 < args.length) {
                kubeconfig = Path.of(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument: " + args[i] + " (usage: [--kubeconfig <file>])");
            }
        }
        new ShopDemo(System.out).run(kubeconfig);
    }

    void run(Path kubeconfig) {
        ManifestSet v1 = Shop.release("1.0", "1.0");
        heading("Validate and render the shop, release 1.0");
        v1.validate();
        String yaml = v1.toYaml();
        out.printf("%d manifests, %d lines of YAML, no validation errors%n", v1.size(), yaml.split("\n").length);
        v1.refs().forEach(ref -> out.println("  " + ref.kind() + " " + ref.qualifiedName()));

        if (kubeconfig != null) {
            heading("Target: the cluster of " + kubeconfig);
            try (KubernetesClient client = new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(read(kubeconfig))).build()) {
                deploy(client, Duration.ofMinutes(5));
            }
            return;
        }
        heading("Target: an embedded simulated cluster (time runs " + (int) TIME_SCALE + "x faster)");
        try (SimulatedCluster cluster = SimulatedCluster.builder().seed(7).timeScale(TIME_SCALE).start()) {
            cluster.pods().withImage(Shop.WEB_IMAGE + ":" + BROKEN_VERSION).failImagePull();
            deploy(cluster.client(), Duration.ofMinutes(10));
        }
    }

    private void deploy(KubernetesClient client, Duration timeout) {
        RolloutEngine engine = RolloutEngine.create(client);
        RolloutOptions options = RolloutOptions.builder()
                .release("shop")
                .timeout(timeout)
                .failFastGrace(Duration.ofSeconds(2))
                .listener(RolloutListener.console(out))
                .build();

        heading("Roll out release 1.0");
        expect(engine.rollout(Shop.release("1.0", "1.0"), options), RolloutStatus.SUCCEEDED);

        heading("Upgrade the web front end to 2.0");
        expect(engine.rollout(Shop.release("2.0", "1.0"), options), RolloutStatus.SUCCEEDED);

        heading("Try web " + BROKEN_VERSION + ", whose image cannot be pulled");
        expect(engine.rollout(Shop.release(BROKEN_VERSION, "1.0"), options), RolloutStatus.ROLLED_BACK);

        heading("Revision history of deployment/web");
        List<Revision> history = engine.history(Shop.NAMESPACE, "web");
        history.forEach(revision -> out.println("  " + revision));
        out.println();
        out.println("Demo complete: 1.0 and 2.0 rolled out, " + BROKEN_VERSION + " diagnosed and rolled back.");
    }

    private static void expect(RolloutResult result, RolloutStatus expected) {
        if (result.status() != expected) {
            throw new IllegalStateException("expected " + expected + " but the rollout ended " + result.status()
                    + ": " + result.message());
        }
    }

    private void heading(String text) {
        out.println();
        out.println("== " + text);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kubeconfig " + file + ": " + e.getMessage(), e);
        }
    }
}
