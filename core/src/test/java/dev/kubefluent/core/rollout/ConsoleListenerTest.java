package dev.kubefluent.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.core.ResourceRef;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleListenerTest {

    @Test
    void prints_one_line_per_event_for_humans() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RolloutListener console = RolloutListener.console(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        ResourceRef web = ResourceRef.of("Deployment", "shop", "web");
        console.applied(new AppliedResource(web, ApplyOutcome.CONFIGURED));
        console.progress(web, "Waiting for deployment \"web\" rollout to finish: 1 of 2 updated replicas are available...");
        console.podProblem(web, new PodProblem("web-1", "web", "ErrImagePull", "", 0, List.of(), List.of()));
        console.rollingBack("image pull failed", 1);
        console.rolledBack(1);
        console.completed(new RolloutResult(RolloutStatus.ROLLED_BACK, "image pull failed", "shop", 2, List.of(),
                List.of(), List.of(), List.of()));
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "Deployment \"web\" configured",
                "Waiting for deployment \"web\" rollout to finish: 1 of 2 updated replicas are available...",
                "Deployment \"web\": pod \"web-1\": container \"web\": ErrImagePull",
                "rolling back to revision 1: image pull failed",
                "rolled back to revision 1",
                "ROLLED_BACK (release shop, revision 2): image pull failed");
    }
}
