package org.nas4j.algorithms.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.algorithms.sampling.DistinctSampler;
import org.nas4j.algorithms.sampling.FairSampler;
import org.nas4j.algorithms.sampling.UniformSampler;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.testing.ToySupernet;
import org.nas4j.core.train.StepPlan;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.SpaceRegistry;

class RankingToolsTest {

    @TempDir
    Path dir;

    @Test
    void bootstrapIntervalsCoverTheValueAndSeparateABetterEstimator() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 60;
        double[] truth = new double[n];
        double[] good = new double[n];
        double[] poor = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = rng.nextDouble();
            good[i] = truth[i] + 0.05 * rng.nextGaussian();
            poor[i] = truth[i] + 0.6 * rng.nextGaussian();
        }
        RankBootstrap boot = new RankBootstrap(1000, 7);
        RankBootstrap.Interval g = boot.interval(truth, good, RankCorrelation::kendallTau);
        RankBootstrap.Interval p = boot.interval(truth, poor, RankCorrelation::kendallTau);
        assertEquals(RankCorrelation.kendallTau(truth, good), g.value(), 1e-12);
        assertTrue(g.low() <= g.value() && g.value() <= g.high(), g.toString());
        assertTrue(p.high() - p.low() > g.high() - g.low(), "a noisier estimator has a wider interval: " + p + " " + g);
        RankBootstrap.Interval d = boot.difference(truth, good, poor, RankCorrelation::kendallTau);
        assertEquals(g.value() - p.value(), d.value(), 1e-12);
        assertTrue(d.aboveZero(), d.toString());
        RankBootstrap.Interval none = boot.difference(truth, poor, good, RankCorrelation::kendallTau);
        assertTrue(none.high() < 0, none.toString());
        assertEquals(boot.interval(truth, poor, RankCorrelation::kendallTau), p, "the same seed gives the same interval");
    }

    @Test
    void fairSamplerTrainsEveryChoiceOncePerStep() {
        SearchSpace space = new SearchSpace("fair", List.of(Dimension.categorical("a", "p", "q", "r", "s", "t"),
                Dimension.categorical("b", "x", "y")), org.nas4j.core.space.ArchNotation.KEY_VALUE);
        StepPlan plan = new FairSampler().plan(space, new SplittableRandom(3));
        assertEquals(5, plan.children().size());
        assertFalse(plan.distill());
        Set<String> a = new HashSet<>();
        int x = 0;
        for (Arch child : plan.children()) {
            a.add(child.get("a"));
            x += child.get("b").equals("x") ? 1 : 0;
        }
        assertEquals(Set.of("p", "q", "r", "s", "t"), a);
        assertTrue(x == 2 || x == 3, "the two-choice dimension cycles through its permutation: " + x);
        assertNotEquals(plan.children(), new FairSampler().plan(space, new SplittableRandom(4)).children());
    }

    @Test
    void distinctSamplerDrawsClassesNotStrings() {
        SearchSpace space = SpaceRegistry.get("nb201-fmnist").space();
        Arch zero = space.parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");
        SplittableRandom rng = new SplittableRandom(5);
        DistinctSampler distinct = new DistinctSampler();
        int zeroByClass = 0;
        int zeroByString = 0;
        Set<Arch> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            Arch a = distinct.plan(space, rng).children().get(0);
            assertEquals(space.isomorphismRepresentative(a), a, "draws are representatives");
            seen.add(a);
            zeroByClass += space.isomorphismRepresentative(a).equals(space.isomorphismRepresentative(zero)) ? 1 : 0;
            Arch u = new UniformSampler().plan(space, rng).children().get(0);
            zeroByString += space.isomorphismRepresentative(u).equals(space.isomorphismRepresentative(zero)) ? 1 : 0;
        }
        // the all-none output is 1 class of 6,466 (about 3 draws expected) but 225 of the 15,625 strings (about 290)
        assertTrue(zeroByClass <= 12, "zero class drawn " + zeroByClass + " times in 20,000");
        assertTrue(zeroByString > 200, "uniform strings hit the zero class " + zeroByString + " times");
        assertTrue(seen.size() > 5000, "20,000 draws cover most of the 6,466 classes: " + seen.size());
        SearchSpace toy = new SearchSpace("toy", List.of(Dimension.categorical("a", "p", "q")),
                org.nas4j.core.space.ArchNotation.KEY_VALUE);
        assertThrows(UserException.class, () -> distinct.plan(toy, rng), "a space without enumerated classes is refused");
    }

    @Test
    void groundTruthAveragesSeedsOfArchsMeasuredWithEvery() throws IOException {
        Path file = dir.resolve("truth.jsonl");
        GroundTruth.append(file, new GroundTruth.Measurement("a", 0, 80, 0.5));
        GroundTruth.append(file, new GroundTruth.Measurement("b", 0, 70, 0.9));
        GroundTruth.append(file, new GroundTruth.Measurement("a", 1, 82, 0.4));
        Files.writeString(file, "{\"arch\":\"c\",\"accuracy\":60}\n", java.nio.file.StandardOpenOption.APPEND);
        GroundTruth t = GroundTruth.read(file);
        assertEquals(List.of(0L, 1L), t.seeds());
        assertEquals(java.util.Map.of("a", 81.0), t.meanAccuracy(), "b and c lack seed 1");
        assertTrue(t.has("c", 0) && !t.has("b", 1));
        assertEquals(0.4, t.measurements().get(2).loss(), 1e-12);
    }

    @Test
    void truthSampleHoldsOneRepresentativePerIsomorphismClass() {
        SearchSpace space = SpaceRegistry.get("nb201-fmnist").space();
        List<Arch> picked = GroundTruth.sample(space, 40, 5);
        assertEquals(40, picked.size());
        Set<Arch> classes = new HashSet<>();
        for (Arch a : picked) {
            assertEquals(a, space.isomorphismRepresentative(a));
            classes.add(a);
        }
        assertEquals(40, classes.size());
        assertEquals(picked, GroundTruth.sample(space, 40, 5));
    }

    @Test
    void logDeterminantFromLu() {
        assertEquals(Math.log(6), ZeroCostProxies.logAbsDeterminant(new double[][] {{2, 0}, {0, 3}}), 1e-12);
        assertEquals(Math.log(2), ZeroCostProxies.logAbsDeterminant(new double[][] {{1, 2}, {3, 4}}), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, ZeroCostProxies.logAbsDeterminant(new double[][] {{1, 2}, {2, 4}}));
    }

    /** Two copies of one image get the same codes: K is singular, NASWOT drops to minus infinity. */
    @Test
    void naswotSeesWhetherImagesArePartitionedApart() {
        SpaceRegistry.Entry entry = SpaceRegistry.get("nb201-fmnist:width=4,input=8");
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(2);
            Supernet net = entry.newSupernet(10);
            net.initialize(m);
            ParameterStore ps = new ParameterStore(m, false);
            Arch arch = entry.space().parse("|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|none~0|avg_pool_3x3~1|nor_conv_3x3~2|");
            NDArray distinct = m.randomNormal(new Shape(6, 1, 8, 8));
            NDArray repeated = distinct.concat(distinct.get("0:1"), 0);
            double a = ZeroCostProxies.naswot(net, arch, distinct, ps);
            assertTrue(Double.isFinite(a) && a > 0, "log|det K| of 6 distinct images: " + a);
            double b = ZeroCostProxies.naswot(net, arch, repeated, ps);
            assertEquals(Double.NEGATIVE_INFINITY, b, "a repeated image makes K singular");
        }
    }

    /**
     * With |weights|, identity batch norm and an all-ones input the toy net is positively homogeneous
     * of degree one in each of its three weighted layers (conv, BN scale, linear), so by Euler's
     * theorem SynFlow = 3 · (R − Σ|bias|) + Σ|bias|, R the output sum; inactive weights add nothing.
     */
    @Test
    void synflowFollowsEulersTheoremOnAHomogeneousNet() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(4);
            ToySupernet net = new ToySupernet();
            net.initialize(m);
            ParameterStore ps = new ParameterStore(m, false);
            ZeroCostProxies.linearize(net);
            double biases = 0;
            for (Pair<String, Parameter> p : net.getParameters()) {
                if (p.getKey().contains("bias")) {
                    biases += p.getValue().getArray().sum().getFloat();
                }
            }
            for (Arch arch : List.of(ToySupernet.SPACE.largest(), ToySupernet.SPACE.smallest(), ToySupernet.SPACE.largest())) {
                double score = ZeroCostProxies.synflow(net, arch, ps, m);
                net.activate(arch);
                double r = net.forward(ps, new NDList(m.ones(new Shape(1, 2, 6, 6))), false).singletonOrThrow().sum().getFloat();
                assertEquals(Math.log10(3 * (r - biases) + biases), score, 1e-4, arch.id());
            }
        }
    }
}
