// Sets the searched front of the sgnn-tpsa supernet beside networks trained alone (issue 19, must-show 3).
// Reads a search's pareto.csv (every evaluated child: validation MAE after BN recalibration, MACs, on_front,
// SWL class in the last column) and tables in bench/sgnn-tpsa.sh's format (name, class, test MAE, MMACs,
// params): the front members' test MAE with the supernet's weights (a file named front-test*), and networks
// trained alone, one file per seed. Prints the front, every network's test MAE (over seeds where there are
// several), and which front member is at least as accurate on test as a GIN-like network trained alone (a
// name starting "gin-") at lower cost; draws them in OUT_PREFIX.png.
//
//   java -cp CLASSPATH bench/TpsaFront.java OUT_PREFIX PARETO_CSV FRONT_TEST TABLE...
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
import org.knowm.xchart.style.markers.SeriesMarkers;

public class TpsaFront {

    record Child(String arch, double mae, double mmacs, boolean onFront, String cls) {}

    /**
     * A network's test MAE, over its seeds where there are several.
     *
     * @param group the table it comes from, without its seed: front-test (the front, supernet weights), tpsa
     *     (trained alone 15 epochs) or tpsa-ginE (GIN-like networks trained alone E epochs)
     */
    record Trained(String name, String cls, double mmacs, List<Double> maes, String group) {
        boolean member() {
            return group.equals("front-test");
        }

        double mean() {
            return maes.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }

        double sd() {
            double m = mean();
            return maes.size() < 2 ? 0 : Math.sqrt(maes.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (maes.size() - 1));
        }
    }

    public static void main(String[] args) throws Exception {
        List<Child> children = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        for (String line : lines.subList(1, lines.size())) {
            int open = line.indexOf('"');
            int close = line.indexOf('"', open + 1);
            // after the arch: mae, latency_ms, macs, params, predicted_mae, predicted_latency_ms, on_front, hypervolume, class
            String[] f = line.substring(close + 2).split(",", -1);
            children.add(new Child(line.substring(open + 1, close), Double.parseDouble(f[0]), Double.parseDouble(f[2]) / 1e6,
                    Boolean.parseBoolean(f[6]), f[8]));
        }
        Map<String, Trained> trained = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String group = Path.of(args[i]).getFileName().toString().replaceAll("-s[0-9]+\\.txt$", "");
            for (String row : Files.readAllLines(Path.of(args[i]))) {
                String[] f = row.trim().split("\\s+");
                trained.computeIfAbsent(f[0], n -> new Trained(n, f[1], Double.parseDouble(f[3]), new ArrayList<>(), group))
                        .maes().add(Double.parseDouble(f[2]));
            }
        }

        List<Child> front = children.stream().filter(Child::onFront).sorted(Comparator.comparingDouble(Child::mmacs)).toList();
        System.out.printf(Locale.ROOT, "the searched front: %d of %d evaluated children (validation MAE after BN recalibration,"
                + " shared weights)%n", front.size(), children.size());
        System.out.printf(Locale.ROOT, "%-44s %-9s %8s %9s%n", "arch", "class", "val MAE", "MMACs");
        front.forEach(c -> System.out.printf(Locale.ROOT, "%-44s %-9s %8.3f %9.3f%n", c.arch(), c.cls(), c.mae(), c.mmacs()));
        Map<String, Long> byClass = new LinkedHashMap<>();
        children.forEach(c -> byClass.merge(c.cls(), 1L, Long::sum));
        System.out.println("evaluated children by class: " + byClass);

        System.out.printf(Locale.ROOT, "%ntest MAE: the front members of both searches with the supernet's weights (BN"
                + " recalibrated), networks trained alone as mean ± sample SD over seeds:%n");
        System.out.printf(Locale.ROOT, "%-44s %-9s %-16s %-24s %9s%n", "network", "class", "test MAE", "seeds", "MMACs");
        for (Trained t : trained.values()) {
            String mae = t.maes().size() == 1 ? String.format(Locale.ROOT, "%6.3f", t.mean())
                    : String.format(Locale.ROOT, "%6.3f ± %.3f", t.mean(), t.sd());
            System.out.printf(Locale.ROOT, "%-44s %-9s %-16s %-24s %9.3f%n", (t.member() ? "front: " : "alone: ") + t.name(),
                    t.cls(), mae, t.maes().size() == 1 ? "" : t.maes().toString(), t.mmacs());
        }
        List<Trained> gins = trained.values().stream().filter(t -> t.name().startsWith("gin-")).toList();
        List<Trained> members = trained.values().stream().filter(Trained::member).toList();
        System.out.println();
        for (Trained gin : gins) {
            List<String> better = members.stream().filter(m -> m.mean() <= gin.mean() && m.mmacs() < gin.mmacs())
                    .map(Trained::name).toList();
            System.out.printf(Locale.ROOT, "against %s (%.3f Å², %.3f MMACs): %s%n", gin.name(), gin.mean(), gin.mmacs(),
                    better.isEmpty() ? "no front member is at least as accurate at lower cost" : "at least as accurate and cheaper: " + better);
        }

        XYChart chart = new XYChartBuilder().width(900).height(560).title("sgnn-tpsa: MAE vs MACs per molecule")
                .xAxisTitle("MMACs per molecule (log)").yAxisTitle("MAE (Å²)").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0);
        Map<String, List<Child>> classes = new LinkedHashMap<>();
        children.forEach(c -> classes.computeIfAbsent(c.cls(), k -> new ArrayList<>()).add(c));
        for (Map.Entry<String, List<Child>> e : classes.entrySet()) {
            XYSeries s = chart.addSeries("supernet, val: " + e.getKey(), e.getValue().stream().mapToDouble(Child::mmacs).toArray(),
                    e.getValue().stream().mapToDouble(Child::mae).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        chart.addSeries("searched front (val)", front.stream().mapToDouble(Child::mmacs).toArray(),
                front.stream().mapToDouble(Child::mae).toArray()).setMarker(SeriesMarkers.NONE);
        Map<String, List<Trained>> groups = new LinkedHashMap<>();
        trained.values().forEach(t -> groups.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t));
        for (Map.Entry<String, List<Trained>> g : groups.entrySet()) {
            List<Trained> group = g.getValue();
            String name = g.getKey().equals("front-test") ? "front members, supernet weights, test"
                    : g.getKey().startsWith("tpsa-gin") ? "GIN-like alone " + g.getKey().substring(8) + " epochs, test (mean, SD)"
                    : "alone 15 epochs, test (mean, SD)";
            XYSeries s = chart.addSeries(name, group.stream().mapToDouble(Trained::mmacs).toArray(),
                    group.stream().mapToDouble(Trained::mean).toArray(), group.stream().mapToDouble(Trained::sd).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(g.getKey().equals("front-test") ? SeriesMarkers.DIAMOND : SeriesMarkers.SQUARE);
        }
        BitmapEncoder.saveBitmap(chart, args[0], BitmapEncoder.BitmapFormat.PNG);
    }
}
