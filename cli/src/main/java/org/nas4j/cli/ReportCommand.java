package org.nas4j.cli;

import java.util.stream.Collectors;
import org.nas4j.algorithms.search.Objective;
import org.nas4j.runs.RunSpec;
import org.nas4j.runs.Training;
import org.nas4j.runs.RunDirectory;
import org.nas4j.runs.ParetoSearch;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.nas4j.algorithms.search.Evaluation;
import org.nas4j.algorithms.split.SplitTree;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.SpaceRegistry;

@Parameters(commandDescription = "Write RUN_DIR/report.html: training curve, the searched front with an export command per member,"
        + " and the split tree with its gradient-matching heat maps")
final class ReportCommand implements Command {

    @Parameter(names = "--run", description = "run directory", required = true)
    Path run;

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    @Override
    public int run() throws IOException {
        Path file = write(new RunDirectory(run));
        System.out.println("report: " + file.toAbsolutePath());
        return 0;
    }

    /** Writes the run's report; it holds its images, so the one file can be mailed or opened anywhere. */
    static Path write(RunDirectory dir) throws IOException {
        if (!dir.exists()) {
            throw new UserException(dir.root() + " is not a run directory (no run.json); train one with 'nas4j train'");
        }
        RunSpec spec = dir.read();
        String space = spec.space();
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>nas4j report: ")
                .append(escape(dir.root().getFileName().toString())).append("</title><style>")
                .append("body{font-family:sans-serif;max-width:1320px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
                .append("td.a{text-align:left;font-family:monospace}table.heat{display:inline-table;margin:0 1.5em 1em 0}")
                .append("table.heat td{width:3.2em;color:#000}code{background:#f4f4f4;padding:1px 4px}</style></head><body>")
                .append("<h1>nas4j run <code>").append(escape(dir.root().toString())).append("</code></h1>")
                .append("<p>space <b>").append(escape(space)).append("</b>, data <b>").append(escape(spec.data()))
                .append("</b></p>");
        trainingCurve(dir, html);
        ranking(dir, html);
        search(dir, SpaceRegistry.get(space).space(), html);
        split(dir, SpaceRegistry.get(space).space(), html);
        html.append("</body></html>\n");
        Path file = dir.report();
        AtomicFiles.writeString(file, html.toString());
        return file;
    }

    private static void trainingCurve(RunDirectory dir, StringBuilder html) throws IOException {
        html.append("<h2>Training</h2>");
        List<Training.Epoch> log = Training.log(dir);
        if (log.isEmpty()) {
            html.append("<p>No training log.</p>");
            return;
        }
        List<Double> epochs = log.stream().map(e -> (double) e.epoch()).toList();
        List<Double> loss = log.stream().map(Training.Epoch::loss).toList();
        XYChart c = Charts.chart("supernet training loss", "epoch", "mean loss (label-smoothed)", List.of(
                new Charts.Series("loss", array(epochs), array(loss), true)));
        image(html, Charts.png(List.of(c)));
    }

    /** What 'nas4j rank' measured of this supernet: τ against epochs, and every estimator's intervals. */
    private static void ranking(RunDirectory dir, StringBuilder html) throws IOException {
        Path json = dir.ranking();
        if (!Files.isRegularFile(json)) {
            return;
        }
        JsonObject report = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        html.append("<h2>Ranking quality</h2><p>against ").append(report.get("archs").getAsInt())
                .append(" archs trained alone (<code>").append(escape(report.get("truth").getAsString()))
                .append("</code>, seeds ").append(escape(report.get("seeds").getAsString())).append(")</p>");
        image(html, Charts.png(List.of(RankingChart.tauAgainstEpochs(report))));
        html.append("<table><tr><th>estimator</th><th>Kendall τ [95% CI]</th><th>Spearman ρ [95% CI]</th>"
                + "<th>top τ [95% CI]</th></tr>");
        for (JsonElement e : report.getAsJsonArray("estimators")) {
            JsonObject o = e.getAsJsonObject();
            html.append("<tr><td class=\"a\">").append(escape(o.get("estimator").getAsString())).append("</td>");
            for (String key : new String[] {"kendallTau", "spearmanRho", "topKendallTau"}) {
                html.append(String.format(Locale.ROOT, "<td>%.3f [%.3f, %.3f]</td>", o.get(key).getAsDouble(),
                        o.get(key + "Low").getAsDouble(), o.get(key + "High").getAsDouble()));
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static void search(RunDirectory dir, SearchSpace space, StringBuilder html) throws IOException {
        Path json = RunDirectory.pareto(dir.root(), "json");
        Path csv = RunDirectory.pareto(dir.root(), "csv");
        html.append("<h2>Search</h2>");
        if (!Files.isRegularFile(json) || !Files.isRegularFile(csv)) {
            html.append("<p>No search yet: <code>nas4j search --run ").append(escape(dir.root().toString()))
                    .append(" --strategy linas --evals 50</code></p>");
            return;
        }
        ParetoSearch.Saved pareto = ParetoSearch.readFront(dir.root(), space);
        html.append(String.format(Locale.ROOT, "<p>strategy <b>%s</b>, objectives <b>%s</b>, constraints <b>%s</b>, "
                + "%d real evaluations, hypervolume %.4f</p>", escape(pareto.strategy()),
                escape(pareto.objectives().stream().map(Objective::label).collect(Collectors.joining(","))),
                escape(pareto.constraints().toString()), pareto.evaluations(), pareto.hypervolume()));
        List<ParetoSearch.Row> rows = ParetoSearch.readCsv(csv, space);
        List<Evaluation> all = rows.stream().map(ParetoSearch.Row::evaluation).toList();
        List<Evaluation> front = rows.stream().filter(ParetoSearch.Row::onFront).map(ParetoSearch.Row::evaluation).toList();
        List<Double> hv = rows.stream().filter(r -> r.index() > 0).map(ParetoSearch.Row::hypervolume).toList();
        image(html, Charts.png(FrontCharts.charts(all, front, pareto.objectives(), FrontCharts.scoreLabel(space.name()))));
        double[] index = new double[hv.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i + 1;
        }
        image(html, Charts.png(List.of(Charts.chart("hypervolume", "real evaluations", "hypervolume (normalized)",
                List.of(new Charts.Series("hypervolume", index, array(hv), true))))));
        SpaceRegistry.Entry entry = SpaceRegistry.get(space.name());
        boolean error = entry.readsGraphs();
        html.append("<h3>The front</h3><table><tr><th>" + (entry.translates() ? "val BLEU" : error ? "val MAE" : "val acc")
                + "</th><th>latency ms</th><th>MMACs</th><th>params</th>"
                + "<th>arch</th><th>export</th></tr>");
        for (Evaluation m : pareto.front()) {
            String arch = m.arch().id();
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td><td>%.2f</td><td>%,d</td>"
                    + "<td class=a>%s</td><td class=a><code>./nas4j export --run %s --arch '%s'</code></td></tr>",
                    String.format(Locale.ROOT, error ? "%.4g" : "%.2f%%", m.accuracy()), m.latencyMs(), m.macs() / 1e6, m.params(),
                    escape(arch), escape(dir.root().toString()), escape(arch)));
        }
        html.append("</table>");
        Path predictors = dir.predictors(pareto.search());
        if (Files.isRegularFile(predictors)) {
            html.append("<h3>Predictors on the batch evaluated after each fit (held out)</h3><table>");
            for (String line : Files.readAllLines(predictors, StandardCharsets.UTF_8)) {
                html.append("<tr>");
                for (String cell : line.split(",")) {
                    html.append("<td>").append(escape(cell)).append("</td>");
                }
                html.append("</tr>");
            }
            html.append("</table>");
        }
    }

    /** The split tree, and each split's gradient-matching scores as heat maps (low = the values disagree). */
    private static void split(RunDirectory dir, SearchSpace space, StringBuilder html) throws IOException {
        if (!Files.isRegularFile(dir.splitTree())) {
            return;
        }
        SplitTree tree = SplitTree.load(dir.splitTree());
        html.append("<h2>Split</h2><p>").append(tree.leaves().size())
                .append(" sub-supernets; each arch is scored by the one whose sub-space holds it.</p>")
                .append("<table><tr><th>sub-supernet</th><th>parent</th><th>keeps</th><th></th></tr>");
        for (SplitTree.Node n : tree.nodes()) {
            html.append("<tr><td>").append(n.id()).append("</td><td>").append(n.parent() < 0 ? "" : n.parent())
                    .append("</td><td class=a>").append(escape(n.narrowed().isEmpty() ? "the whole space" : n.narrowed().toString()))
                    .append("</td><td class=a>").append(n.children().isEmpty() ? "leaf" : "split into " + n.children())
                    .append("</td></tr>");
        }
        html.append("</table>");
        for (SplitTree.Node n : tree.nodes()) {
            if (n.scores().isEmpty()) {
                continue;
            }
            SplitTree.Node child = tree.nodes().get(n.children().get(0));
            String chosen = child.narrowed().keySet().stream()
                    .filter(d -> !child.narrowed().get(d).equals(n.narrowed().get(d))).findFirst().orElse("");
            html.append("<h3>Gradient-matching scores when sub-supernet ").append(n.id()).append(" was split</h3><div>");
            SearchSpace sub = SplitTree.subspace(space, n);
            n.scores().forEach((d, m) -> heatMap(html, d + (d.equals(chosen) ? " (split)" : ""), sub.dimension(d).choices(), m));
            html.append("</div>");
        }
    }

    private static void heatMap(StringBuilder html, String title, List<String> values, double[][] m) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                if (i != j) {
                    lo = Math.min(lo, m[i][j]);
                    hi = Math.max(hi, m[i][j]);
                }
            }
        }
        html.append("<table class=heat><caption>").append(escape(title)).append("</caption><tr><th></th>");
        values.forEach(v -> html.append("<th>").append(escape(v)).append("</th>"));
        html.append("</tr>");
        for (int i = 0; i < m.length; i++) {
            html.append("<tr><th>").append(escape(values.get(i))).append("</th>");
            for (int j = 0; j < m.length; j++) {
                double t = hi > lo ? (m[i][j] - lo) / (hi - lo) : 1;
                String color = i == j ? "#eee" : String.format(Locale.ROOT, "hsl(%d,70%%,%d%%)", Math.round(220 * t), 80);
                html.append(String.format(Locale.ROOT, "<td style=\"background:%s\">%.2f</td>", color, m[i][j]));
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static void image(StringBuilder html, byte[] png) {
        html.append("<p><img alt=\"chart\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\"></p>");
    }

    private static double[] array(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
