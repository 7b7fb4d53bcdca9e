// Compares the accuracy-MACs fronts of searches over different supernets in one box: the hypervolume
// of each front with one reference point for all (accuracy error up to the worst evaluation of any of
// them, MACs up to the largest), the front's points, and a plot.
//
//   java -cp CLASSPATH bench/SplitFronts.java OUT_PREFIX NAME=pareto.csv NAME=pareto.csv ...
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

public class SplitFronts {

    public static void main(String[] args) throws Exception {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            List<double[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(kv[1])).subList(1, Files.readAllLines(Path.of(kv[1])).size())) {
                // iteration,"arch",accuracy,latency,macs,params,...
                String rest = line.substring(line.lastIndexOf('"') + 2);
                String[] f = rest.split(",");
                rows.add(new double[] {100 - Double.parseDouble(f[0]), Double.parseDouble(f[2])});
            }
            points.put(kv[0], rows);
        }
        double worstError = points.values().stream().flatMap(List::stream).mapToDouble(p -> p[0]).max().orElseThrow();
        double mostMacs = points.values().stream().flatMap(List::stream).mapToDouble(p -> p[1]).max().orElseThrow();
        double[] reference = {worstError * 1.001, mostMacs * 1.001};
        System.out.printf(Locale.ROOT, "reference point: error %.2f%%, %.3f MMACs (the worst of all evaluations)%n", reference[0],
                reference[1] / 1e6);
        XYChart chart = new XYChartBuilder().width(800).height(500).title("fronts: validation accuracy vs MACs (LINAS)")
                .xAxisTitle("MMACs").yAxisTitle("validation accuracy (%)").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        for (Map.Entry<String, List<double[]>> e : points.entrySet()) {
            List<double[]> all = e.getValue();
            List<double[]> front = new ArrayList<>(Nsga2.fronts(all.toArray(double[][]::new)).get(0).stream().map(all::get).toList());
            front.sort(Comparator.comparingDouble(p -> p[1]));
            double hv = Hypervolume.of(all, reference) / (reference[0] * reference[1]);
            double best = 100 - all.stream().mapToDouble(p -> p[0]).min().orElseThrow();
            System.out.printf(Locale.ROOT, "%s: %d evaluations, best accuracy %.2f%%, normalized hypervolume %.4f, front:", e.getKey(),
                    all.size(), best, hv);
            for (double[] p : front) {
                System.out.printf(Locale.ROOT, " (%.3f MMACs, %.2f%%)", p[1] / 1e6, 100 - p[0]);
            }
            System.out.println();
            XYSeries s = chart.addSeries(e.getKey(), front.stream().mapToDouble(p -> p[1] / 1e6).toArray(),
                    front.stream().mapToDouble(p -> 100 - p[0]).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        }
        BitmapEncoder.saveBitmap(chart, args[0] + ".png", BitmapEncoder.BitmapFormat.PNG);
    }
}
