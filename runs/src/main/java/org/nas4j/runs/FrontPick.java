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
 * Picks a member of a run's searched front ({@code pareto.json}): {@code best} (highest accuracy, or
 * lowest error for a graph run), {@code knee} (farthest from the line between the front's ends, quality
 * against its first cost, both scaled to the front's range) or {@code accuracy@CONSTRAINT} (the best
 * within a limit, e.g. {@code accuracy@latency<=3ms}; {@code mae@macs<=1M} for a graph run).
 */
public final class FrontPick {

    private FrontPick() {}

    /**
     * @param runRoot the run directory that holds the last search's {@code pareto.json}
     * @param space the run's space
     * @param how {@code best}, {@code knee} or {@code accuracy@LIMIT} ({@code mae@LIMIT})
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
        List<Objective> objectives = saved.objectives();
        Comparator<Evaluation> byQuality = Comparator.comparingDouble(e -> e.goodness(objectives));
        String quality = Objective.qualityOf(objectives).label();
        if (how.equals("best")) {
            return front.stream().max(byQuality).orElseThrow();
        }
        if (how.equals("knee")) {
            return knee(front, objectives, objectives.get(1));
        }
        if (how.startsWith(quality + "@")) {
            Constraint c = Constraint.parse(how.substring(quality.length() + 1));
            return front.stream().filter(e -> c.violation(e) == 0).max(byQuality).orElseThrow(() -> new UserException(
                    "no member of the front meets " + c + "; see " + file + " for what the front offers"));
        }
        throw new UserException("--pick '" + how + "': use best, knee or " + quality + "@LIMIT (e.g. " + quality
                + "@latency<=3ms)");
    }

    private static Evaluation knee(List<Evaluation> front, List<Objective> objectives, Objective cost) {
        if (front.size() <= 2) {
            return front.stream().max(Comparator.comparingDouble(e -> e.goodness(objectives))).orElseThrow();
        }
        double aLo = front.stream().mapToDouble(e -> e.goodness(objectives)).min().orElseThrow();
        double aHi = front.stream().mapToDouble(e -> e.goodness(objectives)).max().orElseThrow();
        double cLo = front.stream().mapToDouble(e -> e.value(cost)).min().orElseThrow();
        double cHi = front.stream().mapToDouble(e -> e.value(cost)).max().orElseThrow();
        // on scaled axes the ends are (0, 0) (cheapest, least accurate) and (1, 1); the knee is
        // farthest above the diagonal
        return front.stream().max(Comparator.comparingDouble(e -> (e.goodness(objectives) - aLo) / Math.max(aHi - aLo, 1e-12)
                - (e.value(cost) - cLo) / Math.max(cHi - cLo, 1e-12))).orElseThrow();
    }
}
