// Searched cells against random cells, all trained alone in the transfer stack with one recipe: the
// random cells' accuracies, their 75th percentile, where each searched cell falls among them, and a
// strip plot of the distribution.
//
//   java -cp CLASSPATH bench/NasnetTransfer.java OUT.png RANDOM_TRUTH.jsonl NAME=FOUND_TRUTH.jsonl:ARCH ...
//
// A found cell is looked up by its arch in its truth file (nas4j truth --archs 0 --arch ...).
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

public class NasnetTransfer {

    public static void main(String[] args) throws Exception {
        double[] random = accuracies(Path.of(args[1]), null).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double q75 = percentile(random, 0.75);
        System.out.printf(Locale.ROOT, "random cells (%d): %s%n", random.length, Arrays.toString(random));
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
            List<Double> acc = accuracies(Path.of(nameRest[1].substring(0, colon)), arch);
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

    /** Accuracies of every line (or of the lines of one arch) of a truth file, over its seeds. */
    private static List<Double> accuracies(Path truth, String arch) throws Exception {
        List<Double> out = new ArrayList<>();
        for (String line : Files.readAllLines(truth)) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            if (arch == null || o.get("arch").getAsString().equals(arch)) {
                out.add(o.get("accuracy").getAsDouble());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no measurement of " + arch + " in " + truth);
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
