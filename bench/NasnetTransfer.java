// Searched cells against random cells, all trained alone in the transfer stack with one recipe: the
// random cells' accuracies, their 75th percentile, where each searched cell falls among them, and a
// strip plot of the distribution.
//
//   java -cp CLASSPATH bench/NasnetTransfer.java OUT.png RANDOM_TRUTH.jsonl[,MORE.jsonl] NAME=FOUND_TRUTH.jsonl[,MORE.jsonl]:ARCH ...
//
// A found cell is looked up by its arch in its truth files (nas4j truth --archs 0 --arch ...); every cell's
// accuracy is the mean over the seeds its truth files hold (one file per seed, or one with several).
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
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

public class NasnetTransfer {

    public static void main(String[] args) throws Exception {
        double[] random = perArch(args[1]).values().stream().mapToDouble(a -> a.stream().mapToDouble(Double::doubleValue)
                .average().orElseThrow()).sorted().toArray();
        double q75 = percentile(random, 0.75);
        System.out.printf(Locale.ROOT, "random cells (%d): %s%n", random.length, Arrays.stream(random)
                .mapToObj(a -> String.format(Locale.ROOT, "%.2f", a)).toList());
        System.out.printf(Locale.ROOT, "random cells: median %.2f%%, 75th percentile %.2f%%, best %.2f%%%n",
                percentile(random, 0.5), q75, random[random.length - 1]);
        XYChart chart = new XYChartBuilder().width(640).height(360).title("Cells trained alone in the transfer stack")
                .xAxisTitle("validation accuracy (%)").yAxisTitle("").build();
        chart.getStyler().setYAxisTicksVisible(false);
        XYSeries r = chart.addSeries("random cells (" + random.length + ")", random, new double[random.length]);
        r.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        r.setMarker(SeriesMarkers.CIRCLE);
        XYSeries q = chart.addSeries("75th percentile of random", new double[] {q75, q75}, new double[] {-1, 1});
        q.setMarker(SeriesMarkers.NONE);
        q.setLineColor(Color.GRAY);
        for (int i = 2; i < args.length; i++) {
            String[] nameRest = args[i].split("=", 2);
            int colon = nameRest[1].indexOf(':');
            String arch = nameRest[1].substring(colon + 1);
            List<Double> acc = perArch(nameRest[1].substring(0, colon)).get(arch);
            if (acc == null) {
                throw new IllegalArgumentException("no measurement of " + arch + " in " + nameRest[1].substring(0, colon));
            }
            double mean = acc.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            long below = Arrays.stream(random).filter(a -> a < mean).count();
            System.out.printf(Locale.ROOT, "%s: %.2f%%, above %d of %d random cells, %s the 75th percentile: %s%n",
                    nameRest[0], mean, below, random.length, mean > q75 ? "above" : "not above", arch);
            XYSeries f = chart.addSeries(nameRest[0], new double[] {mean}, new double[] {0.3 * (i - 1)});
            f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            f.setMarker(SeriesMarkers.DIAMOND);
        }
        BitmapEncoder.saveBitmap(chart, args[0], BitmapEncoder.BitmapFormat.PNG);
    }

    /** Each arch's accuracies, one per line (seed) of the comma-separated truth files. */
    private static Map<String, List<Double>> perArch(String files) throws Exception {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (String file : files.split(",")) {
            for (String line : Files.readAllLines(Path.of(file))) {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                out.computeIfAbsent(o.get("arch").getAsString(), k -> new ArrayList<>()).add(o.get("accuracy").getAsDouble());
            }
        }
        return out;
    }

    /** Linear interpolation between order statistics (numpy's default). */
    private static double percentile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
