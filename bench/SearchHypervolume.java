// Summarizes bench/search-hypervolume.sh: for random search, NSGA-II and LINAS, the hypervolume after
// each real evaluation (median and range over seeds), how many evaluations each seed needed to reach
// the median hypervolume random search reached with the whole budget, and a plot.
//
//   java -cp CLASSPATH bench/SearchHypervolume.java RUN_DIR EVALS [TAG]   (searches STRATEGY[TAG]-sSEED)
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

public class SearchHypervolume {

    private static final Map<String, java.awt.Color> COLORS = Map.of("random", new java.awt.Color(0x1f77b4),
            "nsga2", new java.awt.Color(0x2ca02c), "linas", new java.awt.Color(0xd62728));

    public static void main(String[] args) throws Exception {
        Path search = Path.of(args[0]).resolve("search");
        int evals = Integer.parseInt(args[1]);
        String tag = args.length > 2 ? args[2] : "";
        Map<String, List<double[]>> curves = new LinkedHashMap<>();
        for (String strategy : List.of("random", "nsga2", "linas")) {
            List<double[]> seeds = new ArrayList<>();
            for (int seed = 0; Files.isRegularFile(search.resolve(strategy + tag + "-s" + seed).resolve("pareto.csv")); seed++) {
                List<String> lines = Files.readAllLines(search.resolve(strategy + tag + "-s" + seed).resolve("pareto.csv"));
                double[] hv = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1)))
                        .toArray();
                seeds.add(hv);
            }
            curves.put(strategy, seeds);
        }
        double target = median(curves.get("random").stream().mapToDouble(c -> c[Math.min(evals, c.length) - 1]).toArray());
        System.out.printf(Locale.ROOT, "target: random search's median hypervolume after %d evaluations = %.4f%n", evals, target);
        System.out.println();
        int[] marks = {10, 25, 50, 100, 150, 200};
        StringBuilder header = new StringBuilder("| strategy |");
        for (int m : marks) {
            if (m <= evals) {
                header.append(" hv @").append(m).append(" |");
            }
        }
        System.out.println(header + " evaluations to reach the target (per seed) | median |");
        System.out.println("|---".repeat(header.toString().split("\\|").length + 1) + "|");
        XYChart chart = new XYChartBuilder().width(800).height(500).title("hypervolume vs real evaluations (median, min-max of seeds)")
                .xAxisTitle("real evaluations").yAxisTitle("hypervolume (accuracy, " + (tag.isEmpty() ? "latency" : tag.equals("-lut") ? "latency from the table" : tag.substring(1)) + "; normalized)").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        for (Map.Entry<String, List<double[]>> s : curves.entrySet()) {
            List<double[]> seeds = s.getValue();
            int n = seeds.stream().mapToInt(c -> c.length).min().orElse(0);
            double[] x = new double[n];
            double[] med = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int i = 0; i < n; i++) {
                int k = i;
                double[] at = seeds.stream().mapToDouble(c -> c[k]).toArray();
                x[i] = i + 1;
                med[i] = median(at);
                lo[i] = Arrays.stream(at).min().orElseThrow();
                hi[i] = Arrays.stream(at).max().orElseThrow();
            }
            StringBuilder row = new StringBuilder("| " + s.getKey() + " (" + seeds.size() + " seeds) |");
            for (int m : marks) {
                if (m <= evals && m <= n) {
                    row.append(String.format(Locale.ROOT, " %.4f (%.4f–%.4f) |", med[m - 1], lo[m - 1], hi[m - 1]));
                }
            }
            double[] reach = seeds.stream().mapToDouble(c -> {
                for (int i = 0; i < c.length; i++) {
                    if (c[i] >= target) {
                        return i + 1;
                    }
                }
                return Double.POSITIVE_INFINITY;
            }).toArray();
            row.append(" ").append(Arrays.toString(Arrays.stream(reach).mapToObj(v -> Double.isInfinite(v) ? ">" + evals
                    : String.valueOf((int) v)).toArray())).append(" | ");
            double m = median(reach);
            row.append(Double.isInfinite(m) ? ">" + evals : String.valueOf((int) m)).append(" |");
            System.out.println(row);
            java.awt.Color color = COLORS.getOrDefault(s.getKey(), java.awt.Color.GRAY);
            XYSeries line = chart.addSeries(s.getKey() + " (median of " + seeds.size() + " seeds; thin: min and max)", x, med);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(color);
            line.setLineStyle(new java.awt.BasicStroke(2.5f));
            for (double[] bound : List.of(lo, hi)) {
                XYSeries b = chart.addSeries(s.getKey() + (bound == lo ? " min" : " max"), x, bound);
                b.setMarker(SeriesMarkers.NONE);
                b.setLineColor(color);
                b.setLineStyle(new java.awt.BasicStroke(0.7f));
                b.setShowInLegend(false);
            }
        }
        Path png = Path.of("bench/results/search-hypervolume" + tag + ".png");
        Files.createDirectories(png.getParent());
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        System.out.println();
        System.out.println("plot: " + png);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
