package org.nas4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.nas4j.algorithms.search.Evaluation;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.runs.ParetoSearch;
import org.nas4j.runs.RunDirectory;
import org.nas4j.spaces.SpaceRegistry;

/** The charts of a searched front: every evaluated child and the front, accuracy against latency and MACs. */
final class FrontCharts {

    private FrontCharts() {}

    /** Draws {@code pareto.png} beside the {@code pareto.json} that a search wrote in each place. */
    static void write(ParetoSearch.Outcome outcome, String space, List<Path> places) throws IOException {
        byte[] png = Charts.png(charts(outcome.evaluations(), outcome.front(), scoreLabel(space)));
        for (Path where : places) {
            AtomicFiles.write(RunDirectory.pareto(where, "png"), out -> out.write(png));
        }
    }

    /** @return what the accuracy objective measures in a run of this space, for axis titles */
    static String scoreLabel(String space) {
        SpaceRegistry.Entry entry = SpaceRegistry.get(space);
        return entry.translates() ? "validation character BLEU (%)" : entry.readsGraphs() ? "validation mean absolute error"
                : "validation accuracy (%)";
    }

    /** Accuracy against latency and against MACs: every evaluated child, and the front. */
    static List<XYChart> charts(List<Evaluation> all, List<Evaluation> front, String scoreLabel) {
        List<Evaluation> sorted = front.stream().sorted(Comparator.comparingDouble(Evaluation::latencyMs)).toList();
        List<Evaluation> byMacs = front.stream().sorted(Comparator.comparingLong(Evaluation::macs)).toList();
        return List.of(
                Charts.chart("accuracy vs latency", "latency (ms, batch 1)", scoreLabel, List.of(
                        new Charts.Series("evaluated", values(all, Evaluation::latencyMs), values(all, Evaluation::accuracy), false),
                        new Charts.Series("front", values(sorted, Evaluation::latencyMs), values(sorted, Evaluation::accuracy), true))),
                Charts.chart("accuracy vs MACs", "MMACs", scoreLabel, List.of(
                        new Charts.Series("evaluated", values(all, e -> e.macs() / 1e6), values(all, Evaluation::accuracy), false),
                        new Charts.Series("front (accuracy, latency)", values(byMacs, e -> e.macs() / 1e6),
                                values(byMacs, Evaluation::accuracy), false))));
    }

    private static double[] values(List<Evaluation> es, ToDoubleFunction<Evaluation> f) {
        return es.stream().mapToDouble(f).toArray();
    }
}
