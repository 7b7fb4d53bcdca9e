package org.nas4j.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.nas4j.algorithms.search.Constraint;
import org.nas4j.algorithms.search.Evaluation;
import org.nas4j.algorithms.search.Objective;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.util.UserException;

/**
 * Picks a member of a run's searched front ({@code pareto.json}): {@code best} (highest accuracy),
 * {@code knee} (farthest from the line between the front's ends, accuracy against its first cost,
 * both scaled to the front's range) or {@code accuracy@CONSTRAINT} (highest accuracy within a limit,
 * e.g. {@code accuracy@latency<=3ms}).
 */
public final class FrontPick {

    private FrontPick() {}

    /**
     * @param runRoot the run directory that holds the last search's {@code pareto.json}
     * @param space the run's space
     * @param how {@code best}, {@code knee} or {@code accuracy@LIMIT}
     * @return the picked member @throws UserException if there is no front or no member meets the limit
     */
    public static Evaluation pick(Path runRoot, SearchSpace space, String how) throws IOException {
        Path file = RunDirectory.pareto(runRoot, "json");
        if (!Files.isRegularFile(file)) {
            throw new UserException("--pick needs " + file + "; run 'nas4j search --run " + runRoot + "' first");
        }
        ParetoSearch.Saved saved = ParetoSearch.readFront(runRoot, space);
        List<Evaluation> front = saved.front();
        if (front.isEmpty()) {
            throw new UserException(file + " has an empty front (no child met the constraints); search again with looser ones");
        }
        Comparator<Evaluation> byAccuracy = Comparator.comparingDouble(Evaluation::accuracy);
        if (how.equals("best")) {
            return front.stream().max(byAccuracy).orElseThrow();
        }
        if (how.equals("knee")) {
            return knee(front, saved.objectives().get(1));
        }
        if (how.startsWith("accuracy@")) {
            Constraint c = Constraint.parse(how.substring("accuracy@".length()));
            return front.stream().filter(e -> c.violation(e) == 0).max(byAccuracy).orElseThrow(() -> new UserException(
                    "no member of the front meets " + c + "; see " + file + " for what the front offers"));
        }
        throw new UserException("--pick '" + how + "': use best, knee or accuracy@LIMIT (e.g. accuracy@latency<=3ms)");
    }

    private static Evaluation knee(List<Evaluation> front, Objective cost) {
        if (front.size() <= 2) {
            return front.stream().max(Comparator.comparingDouble(Evaluation::accuracy)).orElseThrow();
        }
        double aLo = front.stream().mapToDouble(Evaluation::accuracy).min().orElseThrow();
        double aHi = front.stream().mapToDouble(Evaluation::accuracy).max().orElseThrow();
        double cLo = front.stream().mapToDouble(e -> e.value(cost)).min().orElseThrow();
        double cHi = front.stream().mapToDouble(e -> e.value(cost)).max().orElseThrow();
        // on scaled axes the ends are (0, 0) (cheapest, least accurate) and (1, 1); the knee is
        // farthest above the diagonal
        return front.stream().max(Comparator.comparingDouble(e -> (e.accuracy() - aLo) / Math.max(aHi - aLo, 1e-12)
                - (e.value(cost) - cLo) / Math.max(cHi - cLo, 1e-12))).orElseThrow();
    }
}
