package org.nas4j.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.nas4j.runs.RankingFigures;

/** Draws what 'nas4j rank' wrote: Kendall's τ of each supernet against its training epochs, baselines as flat lines. */
final class RankingChart {

    private RankingChart() {}

    /**
     * @param report the JSON 'nas4j rank' writes
     * @return the chart: τ per epoch of every supernet scored by accuracy, each baseline level, the seeds' ceiling
     */
    static XYChart tauAgainstEpochs(JsonObject report) {
        Map<String, List<double[]>> curves = new LinkedHashMap<>();
        Map<String, Double> flat = new LinkedHashMap<>();
        double maxEpoch = 1;
        for (JsonElement e : report.getAsJsonArray("estimators")) {
            JsonObject o = e.getAsJsonObject();
            String name = o.get("estimator").getAsString();
            double tau = o.get("kendallTau").getAsDouble();
            if (o.has("epoch") && name.endsWith(RankingFigures.LOSS)) {
                continue; // the curves by accuracy; by loss they are in the table
            }
            if (o.has("epoch")) {
                // "run@12 acc" and "run acc" join one curve: "run acc"
                String family = name.replaceFirst("@\\d+", "");
                double epoch = o.get("epoch").getAsDouble();
                curves.computeIfAbsent(family, k -> new ArrayList<>()).add(new double[] {epoch, tau});
                maxEpoch = Math.max(maxEpoch, epoch);
            } else {
                flat.put(name, tau);
            }
        }
        if (report.has("ceiling")) {
            flat.put("ceiling (seed vs seed)", report.getAsJsonObject("ceiling").get("kendallTau").getAsDouble());
        }
        List<Charts.Series> series = new ArrayList<>();
        // the levels first, so that a curve's points (a run's final mean is a single one) are drawn over them
        double end = maxEpoch;
        flat.forEach((name, tau) -> series.add(new Charts.Series(String.format(Locale.ROOT, "%s (%.2f)", name, tau),
                new double[] {0, end}, new double[] {tau, tau}, true)));
        curves.forEach((name, points) -> {
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            series.add(new Charts.Series(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray(), true));
        });
        XYChart chart = Charts.chart("ranking quality against supernet training", "epoch", "Kendall tau vs archs trained alone",
                series);
        // many curves: the legend goes beside the plot, not over it
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        return chart;
    }
}
