// Compares the accuracy-MACs results of searches over supernets trained with different samplers, in one
// box: each front's hypervolume with one reference point for all (the worst accuracy error and the
// most MACs of any evaluation), and the best child in each of B bins of equal width between the
// smallest and the largest child's MACs, against the smallest child's accuracy (the "middle dip":
// a bin whose best child is below the smallest child). Reads pareto.csv files, whose index-0 rows are
// the smallest and largest children; writes a plot of the fronts.
//
//   java -cp CLASSPATH bench/SamplerFronts.java OUT_PREFIX BINS NAME=pareto.csv NAME=pareto.csv ...
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.nas4j.algorithms.search.Hypervolume;
import org.nas4j.algorithms.search.Nsga2;

public class SamplerFronts {

    /** One row: accuracy error (%) and MACs. */
    record Point(double error, double macs) {}

    public static void main(String[] args) throws Exception {
        int bins = Integer.parseInt(args[1]);
        Map<String, List<Point>> runs = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            List<String> lines = Files.readAllLines(Path.of(kv[1]));
            List<Point> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                // index,"arch",accuracy,latency_ms,macs,params,...
                String rest = line.substring(line.lastIndexOf('"') + 2);
                String[] f = rest.split(",");
                rows.add(new Point(100 - Double.parseDouble(f[0]), Double.parseDouble(f[2])));
            }
            runs.put(kv[0], rows);
        }
        // every search measures the smallest and largest children (index 0, or among its own evaluations)
        double low = runs.values().stream().flatMap(List::stream).mapToDouble(Point::macs).min().orElseThrow();
        double high = runs.values().stream().flatMap(List::stream).mapToDouble(Point::macs).max().orElseThrow();
        double worstError = runs.values().stream().flatMap(List::stream).mapToDouble(Point::error).max().orElseThrow();
        double[] reference = {worstError * 1.001, high * 1.001};
        System.out.printf(Locale.ROOT, "reference point: error %.2f%%, %.3f MMACs; %d MACs bins of %.3f MMACs from %.3f%n",
                reference[0], reference[1] / 1e6, bins, (high - low) / bins / 1e6, low / 1e6);
        XYChart chart = new XYChartBuilder().width(800).height(500).title("fronts: validation accuracy vs MACs (LINAS)")
                .xAxisTitle("MMACs").yAxisTitle("validation accuracy (%)").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        for (Map.Entry<String, List<Point>> e : runs.entrySet()) {
            List<Point> all = e.getValue();
            double[][] objectives = all.stream().map(p -> new double[] {p.error(), p.macs()}).toArray(double[][]::new);
            List<Point> front = new ArrayList<>(Nsga2.fronts(objectives).get(0).stream().map(all::get).toList());
            front.sort(Comparator.comparingDouble(Point::macs));
            double hv = Hypervolume.of(List.of(objectives), reference) / (reference[0] * reference[1]);
            double smallest = 100 - all.stream().filter(p -> p.macs() == low).findFirst().orElseThrow().error();
            double largest = 100 - all.stream().filter(p -> p.macs() == high).findFirst().orElseThrow().error();
            System.out.printf(Locale.ROOT, "%s: %d evaluations, smallest %.2f%%, largest %.2f%%, normalized hypervolume %.4f%n",
                    e.getKey(), all.size(), smallest, largest, hv);
            StringBuilder line = new StringBuilder("  best per bin:");
            int dips = 0;
            for (int b = 0; b < bins; b++) {
                double from = low + (high - low) * b / bins;
                double to = b == bins - 1 ? Double.POSITIVE_INFINITY : low + (high - low) * (b + 1) / bins;
                double best = all.stream().filter(p -> p.macs() >= from && p.macs() < to).mapToDouble(p -> 100 - p.error())
                        .max().orElse(Double.NaN);
                boolean dip = best < smallest;
                dips += dip ? 1 : 0;
                line.append(String.format(Locale.ROOT, " [%.2f-%s) %s%s", from / 1e6,
                        Double.isInfinite(to) ? "max" : String.format(Locale.ROOT, "%.2f", to / 1e6),
                        Double.isNaN(best) ? "none" : String.format(Locale.ROOT, "%.2f%%", best), dip ? " (below smallest)" : ""));
            }
            System.out.println(line + "; bins below the smallest child: " + dips);
            XYSeries s = chart.addSeries(e.getKey(), front.stream().mapToDouble(p -> p.macs() / 1e6).toArray(),
                    front.stream().mapToDouble(p -> 100 - p.error()).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        }
        BitmapEncoder.saveBitmap(chart, args[0] + ".png", BitmapEncoder.BitmapFormat.PNG);
    }
}
