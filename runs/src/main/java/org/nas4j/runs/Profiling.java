package org.nas4j.runs;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.hipparchus.stat.regression.SimpleRegression;
import org.nas4j.algorithms.ranking.RankCorrelation;
import org.nas4j.core.export.BatchNormFolding;
import org.nas4j.core.metrics.Latency;
import org.nas4j.core.metrics.LatencyTable;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.Seeds;
import org.nas4j.spaces.SpaceRegistry;

/**
 * A space's latency lookup table on this machine, engine and thread count: every distinct layer of
 * the served structure (batch norms folded) of some children timed once; then further children timed
 * whole, {@code latency ≈ scale · Σ layers + offset} fitted on half of them and its error measured on
 * the other half.
 */
public final class Profiling {

    private static final int WARMUP = 5;

    private Profiling() {}

    /**
     * What to profile.
     *
     * @param space the registered space
     * @param archs random children whose layers are collected (plus the smallest and largest)
     * @param check further random children timed whole (half fit the correction, half test it)
     * @param batch images per call
     * @param calls timed calls per layer and per checked child (median taken)
     * @param seed which children
     * @param threads LibTorch's intra-op threads, recorded in the table
     */
    public record Plan(String space, int archs, int check, int batch, int calls, long seed, int threads) {}

    /**
     * @param plan what to profile
     * @param progress one task per phase
     * @return the calibrated table, with its held-out check ({@link LatencyTable#check})
     */
    public static LatencyTable profile(Plan plan, Progress progress) throws Exception {
        SpaceRegistry.Entry entry = SpaceRegistry.get(plan.space());
        SplittableRandom rng = new SplittableRandom(Seeds.derive(plan.seed(), "profile", 0));
        Set<Arch> collect = new LinkedHashSet<>(List.of(entry.space().smallest(), entry.space().largest()));
        for (int i = 0; i < plan.archs(); i++) {
            collect.add(entry.space().sample(rng));
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            Supernet net = entry.newSupernet(10);
            LatencyTable table = new LatencyTable(plan.space(), manager.getEngine().getEngineName() + " "
                    + manager.getEngine().getVersion() + ", CPU, " + plan.threads() + " threads", plan.batch());
            int n = 0;
            for (Arch a : collect) {
                try (NDManager m = manager.newSubManager()) {
                    Shape input = input(net, a, plan.batch());
                    profileMissing(table, child(net, a, input, m), input, m, plan.calls());
                }
                progress.update("profile", ++n, collect.size(), table.size() + " layers");
            }
            List<double[]> measured = new ArrayList<>();
            for (int i = 0; i < plan.check(); i++) {
                Arch a = entry.space().sample(rng);
                try (NDManager m = manager.newSubManager()) {
                    Shape input = input(net, a, plan.batch());
                    Block child = child(net, a, input, m);
                    profileMissing(table, child, input, m, plan.calls());
                    ParameterStore ps = new ParameterStore(m, false);
                    double whole = Latency.measure(x -> child.forward(ps, x, false), input, m, WARMUP, plan.calls()).medianMs();
                    measured.add(new double[] {table.sum(child, input), whole});
                }
                progress.update("check", i + 1, plan.check(), "children timed whole");
            }
            calibrate(table, measured);
            return table;
        }
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

    /** @return {scale, offset} of the least-squares line; scale 1 where the sums do not vary */
    private static double[] fit(List<double[]> pairs) {
        SimpleRegression line = new SimpleRegression();
        pairs.forEach(p -> line.addData(p[0], p[1]));
        if (!Double.isNaN(line.getSlope())) {
            return new double[] {line.getSlope(), line.getIntercept()};
        }
        double meanX = pairs.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double meanY = pairs.stream().mapToDouble(p -> p[1]).average().orElse(0);
        return new double[] {1, meanY - meanX};
    }

    private static double mape(double[] truth, double[] estimate) {
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            s += Math.abs(estimate[i] - truth[i]) / truth[i];
        }
        return 100 * s / truth.length;
    }

    private static void profileMissing(LatencyTable table, Block child, Shape input, NDManager m, int calls) throws Exception {
        for (LatencyTable.Layer l : LatencyTable.layers(child, input)) {
            if (!table.has(l.signature())) {
                table.profile(l, m, WARMUP, calls);
            }
        }
    }

    private static Shape input(Supernet net, Arch a, int batch) {
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
