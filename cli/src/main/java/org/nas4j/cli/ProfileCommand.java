package org.nas4j.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.nas4j.algorithms.ranking.RankCorrelation;
import org.nas4j.core.export.BatchNormFolding;
import org.nas4j.core.metrics.Latency;
import org.nas4j.core.metrics.LatencyTable;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.Seeds;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.SpaceRegistry;

@Parameters(commandDescription = "Time every distinct layer of a space's served children once on this machine and save "
        + "the latency lookup table; its error against whole children timed alone is measured and printed")
final class ProfileCommand implements Command {

    @Parameter(names = "--space", description = "registered space (see 'nas4j spaces')", required = true)
    String space;

    @Parameter(names = "--archs", description = "random children whose layers are collected (plus the smallest and largest)")
    int archs = 200;

    @Parameter(names = "--check", description = "further random children timed whole: half fit the table's correction, half test it")
    int check = 40;

    @Parameter(names = "--batch", description = "images per call")
    int batch = 1;

    @Parameter(names = "--calls", description = "timed calls per layer and per checked child (median taken, after 5 warm-up)")
    int calls = 100;

    @Parameter(names = "--seed", description = "seed of the sampled children")
    long seed = 0;

    @Parameter(names = "--out", description = "table file (default profiles/SPACE-bBATCH-THREADSt.json)",
            validateValueWith = OutputPaths.File.class)
    Path out;

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    @Override
    public int run() throws Exception {
        if (archs < 0 || check < 4 || batch < 1 || calls < 1) {
            throw new UserException("--archs >= 0, --check >= 4, --batch >= 1 and --calls >= 1, please");
        }
        SpaceRegistry.Entry entry = SpaceRegistry.get(space);
        int threads = Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
        Path file = out != null ? out : Path.of("profiles", String.format(Locale.ROOT, "%s-b%d-%dt.json", space, batch, threads));
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "profile", 0));
        Set<Arch> collect = new LinkedHashSet<>(List.of(entry.space().smallest(), entry.space().largest()));
        for (int i = 0; i < archs; i++) {
            collect.add(entry.space().sample(rng));
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            Supernet net = entry.newSupernet(10);
            LatencyTable table = new LatencyTable(space, manager.getEngine().getEngineName() + " "
                    + manager.getEngine().getVersion() + ", CPU, " + threads + " threads", batch);
            ProgressBar bar = new ProgressBar(System.err, "profile", 0);
            int n = 0;
            for (Arch a : collect) {
                try (NDManager m = manager.newSubManager()) {
                    Shape input = input(net, a);
                    profileMissing(table, child(net, a, input, m), input, m);
                }
                bar.update(++n, collect.size(), table.size() + " layers");
            }
            List<double[]> measured = new ArrayList<>();
            for (int i = 0; i < check; i++) {
                Arch a = entry.space().sample(rng);
                try (NDManager m = manager.newSubManager()) {
                    Shape input = input(net, a);
                    Block child = child(net, a, input, m);
                    profileMissing(table, child, input, m);
                    ParameterStore ps = new ParameterStore(m, false);
                    double whole = Latency.measure(x -> child.forward(ps, x, false), input, m, 5, calls).medianMs();
                    measured.add(new double[] {table.sum(child, input), whole});
                }
                bar.update(i + 1, check, "children timed whole");
            }
            calibrate(table, measured);
            table.save(file);
            System.out.printf(Locale.ROOT, "%d distinct layers of %d children timed; table: %s%n", table.size(), collect.size(), file);
            table.check().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s: %.4f%n", k, v));
        }
        return 0;
    }

    /**
     * Fits {@code whole ~ scale * sum + offset} on the first half of the checked children and reports
     * the error on the second half; the table keeps the fit over all of them.
     */
    static void calibrate(LatencyTable table, List<double[]> pairs) {
        int half = pairs.size() / 2;
        double[] fit = fit(pairs.subList(0, half));
        List<double[]> test = pairs.subList(half, pairs.size());
        double[] truth = test.stream().mapToDouble(p -> p[1]).toArray();
        double[] raw = test.stream().mapToDouble(p -> p[0]).toArray();
        double[] corrected = test.stream().mapToDouble(p -> fit[0] * p[0] + fit[1]).toArray();
        double[] all = fit(pairs);
        table.calibrate(all[0], all[1], Map.of(
                "heldOutChildren", (double) test.size(),
                "mapeLayerSum", mape(truth, raw),
                "mapeCorrected", mape(truth, corrected),
                "kendallTau", RankCorrelation.kendallTau(truth, raw),
                "scale", all[0],
                "offsetMs", all[1]));
    }

    private static double[] fit(List<double[]> pairs) {
        double n = pairs.size();
        double mx = pairs.stream().mapToDouble(p -> p[0]).sum() / n;
        double my = pairs.stream().mapToDouble(p -> p[1]).sum() / n;
        double sxy = pairs.stream().mapToDouble(p -> (p[0] - mx) * (p[1] - my)).sum();
        double sxx = pairs.stream().mapToDouble(p -> (p[0] - mx) * (p[0] - mx)).sum();
        double scale = sxx > 0 ? sxy / sxx : 1;
        return new double[] {scale, my - scale * mx};
    }

    private static double mape(double[] truth, double[] estimate) {
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            s += Math.abs(estimate[i] - truth[i]) / truth[i];
        }
        return 100 * s / truth.length;
    }

    private void profileMissing(LatencyTable table, Block child, Shape input, NDManager m) throws Exception {
        for (LatencyTable.Layer l : LatencyTable.layers(child, input)) {
            if (!table.has(l.signature())) {
                table.profile(l, m, 5, calls);
            }
        }
    }

    private Shape input(Supernet net, Arch a) {
        Shape s = net.inputShape(a);
        return new Shape(batch, s.get(1), s.get(2), s.get(3));
    }

    /** The served network's structure (batch norms folded), with random weights: latency does not read them. */
    private static Block child(Supernet net, Arch a, Shape input, NDManager m) {
        Block child = BatchNormFolding.fold(net.structure(a), new WeightCopier());
        child.initialize(m, DataType.FLOAT32, input);
        return child;
    }
}
