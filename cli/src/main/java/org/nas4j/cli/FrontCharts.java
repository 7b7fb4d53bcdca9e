package org.nas4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.nas4j.algorithms.search.Evaluation;
import org.nas4j.algorithms.search.Objective;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.runs.ParetoSearch;
import org.nas4j.runs.RunDirectory;
import org.nas4j.spaces.SpaceRegistry;

/** The charts of a searched front: every evaluated child and the front, the quality against latency and MACs. */
final class FrontCharts {

    private FrontCharts() {}

    /** Draws {@code pareto.png} beside the {@code pareto.json} that a search wrote in each place. */
    static void write(ParetoSearch.Outcome outcome, String space, List<Objective> objectives, List<Path> places)
            throws IOException {
        byte[] png = Charts.png(charts(outcome.evaluations(), outcome.front(), objectives, scoreLabel(space)));
        for (Path where : places) {
            AtomicFiles.write(RunDirectory.pareto(where, "png"), out -> out.write(png));
        }
    }

    /** @return what the quality objective measures in a run of this space, for axis titles */
    static String scoreLabel(String space) {
        SpaceRegistry.Entry entry = SpaceRegistry.get(space);
        return entry.translates() ? "validation character BLEU (%)" : entry.readsGraphs() ? "validation mean absolute error"
                : "validation accuracy (%)";
    }

    /**
     * The quality against latency and against MACs: every evaluated child (the smallest and largest
     * too, which every search measures), and the front of the search's objectives, drawn as a line
     * through its members in each panel.
     */
    static List<XYChart> charts(List<Evaluation> evaluated, List<Evaluation> front, List<Objective> objectives,
            String scoreLabel) {
        List<Evaluation> all = new ArrayList<>(evaluated);
        front.stream().filter(f -> evaluated.stream().noneMatch(e -> e.arch().equals(f.arch()))).forEach(all::add);
        String quality = Objective.qualityOf(objectives).label();
        String frontName = "front (" + objectives.stream().map(Objective::label).collect(Collectors.joining(", ")) + ")";
        List<Evaluation> byLatency = front.stream().sorted(Comparator.comparingDouble(Evaluation::latencyMs)).toList();
        List<Evaluation> byMacs = front.stream().sorted(Comparator.comparingLong(Evaluation::macs)).toList();
        return List.of(
                Charts.chart(quality + " vs latency", "latency (ms, batch 1)", scoreLabel, List.of(
                        new Charts.Series("evaluated", values(all, Evaluation::latencyMs), values(all, Evaluation::accuracy), false),
                        new Charts.Series(frontName, values(byLatency, Evaluation::latencyMs), values(byLatency, Evaluation::accuracy),
                                true))),
                Charts.chart(quality + " vs MACs", "MMACs", scoreLabel, List.of(
                        new Charts.Series("evaluated", values(all, e -> e.macs() / 1e6), values(all, Evaluation::accuracy), false),
                        new Charts.Series(frontName, values(byMacs, e -> e.macs() / 1e6), values(byMacs, Evaluation::accuracy),
                                true))));
    }

    private static double[] values(List<Evaluation> es, ToDoubleFunction<Evaluation> f) {
        return es.stream().mapToDouble(f).toArray();
    }
}
