package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nas4j.cli.CliErrorsTest.nas4j;
import static org.nas4j.cli.CliErrorsTest.userError;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.datasets.graph.CountingData;
import org.nas4j.datasets.graph.GraphData;
import org.nas4j.datasets.graph.Substructure;

/** A graph run from the command line: train a subgraph GNN alone on a count, score it, refuse what is not built. */
class GraphCliTest {

    @TempDir
    Path dir;

    @Test
    void aMessagePassingNetworkLearnsToCountTrianglesBetterThanTheMean() throws java.io.IOException {
        Path run = dir.resolve("mpnn");
        CliErrorsTest.Result train = nas4j("train-arch", "--space", "sgnn-count", "--data", "triangles", "--arch", "none:d2:w16",
                "--epochs", "2", "--optimizer", "adam", "--lr", "0.003", "--weight-decay", "0", "--batch-size", "64", "--out",
                run.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("validation MAE"), train.out());
        CliErrorsTest.Result eval = nas4j("eval", "--run", run.toString(), "--arch", "none:d2:w16", "--split", "test");
        assertEquals(0, eval.code(), eval.err());
        Matcher m = Pattern.compile("test graphs: 500, MAE ([0-9.]+) .* class 1-WL").matcher(eval.out());
        assertTrue(m.find(), eval.out());
        // predicting the training mean for every test graph: what a network that learned nothing scores
        GraphData d = CountingData.of(Substructure.TRIANGLE);
        double mean = d.train().stream().mapToDouble(GraphData.Sample::target).average().orElseThrow();
        double baseline = d.test().stream().mapToDouble(s -> Math.abs(s.target() - mean)).average().orElseThrow();
        double mae = Double.parseDouble(m.group(1));
        assertTrue(mae < 0.6 * baseline, "MAE " + mae + " against " + baseline + " for the mean");
        // searched by its error, which is minimized: the printed front runs from the lowest error to the cheapest
        userError("a triangles run is scored by mae, not accuracy: use --objectives mae,COST", "search", "--run",
                run.toString(), "--objectives", "accuracy,macs", "--evals", "2");
        CliErrorsTest.Result search = nas4j("search", "--run", run.toString(), "--strategy", "random", "--objectives", "mae,macs",
                "--evals", "2", "--recal-images", "64", "--val-images", "100", "--latency-batch", "4", "--latency-calls", "1");
        assertEquals(0, search.code(), search.err());
        assertTrue(search.out().contains("val MAE"), search.out());
        List<String> csv = java.nio.file.Files.readAllLines(run.resolve("pareto.csv"));
        assertTrue(csv.get(0).startsWith("index,arch,mae,latency_ms,macs,params,predicted_mae,"), csv.get(0));
        ParetoRows rows = new ParetoRows(csv);
        // no front member is beaten on both error and MACs by another evaluated child
        for (double[] f : rows.front) {
            for (double[] e : rows.all) {
                assertTrue(!(e[0] <= f[0] && e[1] <= f[1] && (e[0] < f[0] || e[1] < f[1])), "dominated front member");
            }
        }
        assertTrue(csv.get(0).endsWith(",hypervolume,class"), csv.get(0));

        // limited by expressiveness: no child below PSWL is evaluated, and none is on the front
        userError("constraint 'class>=pswl2': class is one of 1wl, swl, pswl, gswl, sswl (lowest first)", "search", "--run",
                run.toString(), "--objectives", "mae,macs", "--constraint", "class>=pswl2");
        CliErrorsTest.Result limited = nas4j("search", "--run", run.toString(), "--strategy", "evolution", "--objectives",
                "mae,macs", "--constraint", "class>=pswl", "--name", "pswl", "--evals", "4", "--recal-images", "64",
                "--val-images", "100", "--latency-batch", "4", "--latency-calls", "1");
        assertEquals(0, limited.code(), limited.err());
        assertTrue(limited.out().contains("    class  arch"), limited.out());
        // cheapest first by the search's cost (MACs here, not latency)
        List<Double> macs = limited.out().lines().filter(l -> l.matches("\\s*[0-9.]+\\s+[0-9.]+ms .*"))
                .map(l -> Double.parseDouble(l.trim().split("\\s+")[2])).toList();
        assertTrue(!macs.isEmpty() && macs.equals(macs.stream().sorted().toList()), limited.out());
        List<String> limitedCsv = java.nio.file.Files.readAllLines(run.resolve("search/pswl/pareto.csv"));
        int asked = 0;
        for (String line : limitedCsv.subList(1, limitedCsv.size())) {
            String cls = line.substring(line.lastIndexOf(',') + 1);
            boolean admitted = List.of("PSWL(VS)", "PSWL(SV)", "GSWL", "SSWL").contains(cls);
            if (!line.startsWith("0,")) {
                asked++;
                assertTrue(admitted, "evaluated outside the constraint: " + line);
            }
            assertTrue(admitted || line.contains(",false,"), "on the front outside the constraint: " + line);
        }
        assertEquals(4, asked, String.join("\n", limitedCsv));

        // exported, it scores what eval scored, and serves edge-list files through DJL
        Path model = dir.resolve("model");
        CliErrorsTest.Result export = nas4j("export", "--run", run.toString(), "--arch", "none:d2:w16", "--out", model.toString());
        assertEquals(0, export.code(), export.err());
        assertTrue(export.out().contains("class 1-WL; test MAE " + m.group(1) + ";"), export.out() + " vs " + eval.out());
        Path c6 = write("c6.txt", "0 1\n1 2\n2 3\n3 4\n4 5\n5 0\n");
        Path triangles = write("tt.txt", "0 1\n1 2\n2 0\n3 4\n4 5\n5 3\n");
        CliErrorsTest.Result predict = nas4j("predict", "--model", model.toString(), c6.toString(), "missing.txt",
                triangles.toString());
        assertEquals(2, predict.code(), "a file it cannot read: " + predict.err());
        assertTrue(predict.err().contains("missing.txt"), predict.err());
        List<String> lines = predict.out().lines().toList();
        assertEquals(2, lines.size(), predict.out());
        assertTrue(lines.get(0).startsWith(c6 + " -> triangles "), lines.get(0));
        // a network of the 1-WL class cannot tell C6 from two triangles: the same prediction for both
        assertEquals(lines.get(0).replaceAll(".* ", ""), lines.get(1).replaceAll(".* ", ""), predict.out());
    }

    /** (mae, macs) of every row of a pareto.csv, and of those on the front. */
    private static final class ParetoRows {
        final List<double[]> all = new java.util.ArrayList<>();
        final List<double[]> front = new java.util.ArrayList<>();

        ParetoRows(List<String> csv) {
            for (String line : csv.subList(1, csv.size())) {
                String[] f = line.split(",");
                double[] point = {Double.parseDouble(f[2]), Double.parseDouble(f[4])};
                all.add(point);
                if (Boolean.parseBoolean(f[8])) {
                    front.add(point);
                }
            }
        }
    }

    private Path write(String name, String text) {
        try {
            return java.nio.file.Files.writeString(dir.resolve(name), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void badGraphDataIsOneLine() {
        userError("--data squares: not a count (triangles, tailed-triangles, 3-stars, 4-cycles, chordal-cycles)",
                "train-arch", "--space", "sgnn-count", "--data", "squares", "--arch", "none:d2:w16", "--out",
                dir.resolve("x").toString());
        userError("arch 'mark:vL:vs:d2:w16': the aggregations start with uL", "train-arch", "--space", "sgnn-count", "--data",
                "triangles", "--arch", "mark:vL:vs:d2:w16", "--out", dir.resolve("y").toString());
    }
}
