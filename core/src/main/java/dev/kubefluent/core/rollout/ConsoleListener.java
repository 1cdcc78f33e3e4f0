package dev.kubefluent.core.rollout;

import dev.kubefluent.core.ResourceRef;
import java.io.PrintStream;

/** Prints rollout events for humans; see {@link RolloutListener#console(PrintStream)}. */
final class ConsoleListener implements RolloutListener {

    private final PrintStream out;

    ConsoleListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void applied(AppliedResource applied) {
        out.println(applied);
    }

    @Override
    public void progress(ResourceRef workload, String line) {
        out.println(line);
    }

    @Override
    public void podProblem(ResourceRef workload, PodProblem problem) {
        out.println(workload + ": " + problem.summary());
    }

    @Override
    public void rollingBack(String reason, int revision) {
        out.println("rolling back to revision " + revision + ": " + reason);
    }

    @Override
    public void rolledBack(int revision) {
        out.println("rolled back to revision " + revision);
    }

    @Override
    public void completed(RolloutResult result) {
        out.println(result);
    }
}
