package org.nas4j.algorithms.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.spaces.SpaceRegistry;

/** ShiftNAS's architecture generator on the real OFA-MobileNetV3 space. */
class ArchitectureGeneratorTest {

    /**
     * Trained on the cost term for 5 targets, the generator's most likely children for 4 targets
     * between them (never trained on) come within 15% of their MACs and grow with the target;
     * untrained, it emits one child whatever the target. (The run's own generator trains for
     * thousands of steps; BENCHMARKS.md measures it against the 10% goal.)
     */
    @Test
    void childrenReachTargetMacsTheGeneratorNeverTrainedOn() {
        try (NDManager m = NDManager.newBaseManager()) {
            Supernet net = SpaceRegistry.get("ofa-mbv3-fmnist").newSupernet(10);
            SearchSpace space = net.space();
            ToLongFunction<Arch> macs = a -> net.cost(a).macs();
            double[] trained = new double[5];
            for (int i = 0; i < trained.length; i++) {
                trained[i] = macsAt(0.1 + 0.2 * i, space, macs);
            }
            double[] unseen = new double[4];
            for (int i = 0; i < unseen.length; i++) {
                unseen[i] = macsAt(0.2 + 0.2 * i, space, macs);
            }
            try (ArchitectureGenerator g = new ArchitectureGenerator(space, macs, ArchitectureGenerator.Settings.DEFAULT, 1)) {
                double before = worstRelativeError(g, unseen, macs);
                long t0 = System.nanoTime();
                g.fitCost(trained, 200, new SplittableRandom(2));
                double after = worstRelativeError(g, unseen, macs);
                long previous = 0;
                for (double t : unseen) {
                    long now = macs.applyAsLong(g.mostLikely(t));
                    assertTrue(now > previous, "a larger target gives a larger child");
                    previous = now;
                }
                System.out.printf(Locale.ROOT, "generator: worst MACs error %.3f before, %.3f after (%.1f s)%n", before, after,
                        (System.nanoTime() - t0) / 1e9);
                assertTrue(before > 0.1, "untrained, the generator misses some target by more than 10%: " + before);
                assertTrue(after <= 0.15, "worst relative MACs error on unseen targets " + after);
                // at search time a most likely child off the target gives way to the nearest of its samples
                SplittableRandom rng = new SplittableRandom(5);
                for (double t : unseen) {
                    double error = Math.abs(macs.applyAsLong(g.forTarget(t, 0.05, 64, rng)) - t) / t;
                    assertTrue(error <= 0.05, "the generator's child for " + t + " is off by " + error);
                }
            }
        }
    }

    /**
     * Near the largest child, where uniform choices rarely land, an untrained generator's samples all
     * fall short of the target; the child it gives is then changed choice by choice until it is
     * within the tolerance.
     */
    @Test
    void aTargetNoSampleReachesIsReachedByChangingTheNearestSample() {
        try (NDManager m = NDManager.newBaseManager()) {
            Supernet net = SpaceRegistry.get("ofa-mbv3-fmnist").newSupernet(10);
            SearchSpace space = net.space();
            ToLongFunction<Arch> macs = a -> net.cost(a).macs();
            double target = macsAt(0.95, space, macs);
            try (ArchitectureGenerator g = new ArchitectureGenerator(space, macs, ArchitectureGenerator.Settings.DEFAULT, 1);
                    NDManager step = m.newSubManager()) {
                SplittableRandom rng = new SplittableRandom(6);
                double nearestSample = Double.MAX_VALUE;
                for (int i = 0; i < 64; i++) {
                    nearestSample = Math.min(nearestSample, Math.abs(g.draw(target, rng, step).macs() - target) / target);
                }
                assertTrue(nearestSample > 0.05, "a sample came within " + nearestSample + " of the target");
                double error = Math.abs(macs.applyAsLong(g.forTarget(target, 0.05, 64, new SplittableRandom(7))) - target) / target;
                assertTrue(error <= 0.05, "the child for " + target + " is off by " + error);
            }
        }
    }

    /** @return the MACs at this share of the way from the smallest child's to the largest's */
    private static double macsAt(double share, SearchSpace space, ToLongFunction<Arch> macs) {
        double low = macs.applyAsLong(space.smallest());
        return low + share * (macs.applyAsLong(space.largest()) - low);
    }

    private static double worstRelativeError(ArchitectureGenerator g, double[] targets, ToLongFunction<Arch> macs) {
        double worst = 0;
        for (double t : targets) {
            worst = Math.max(worst, Math.abs(macs.applyAsLong(g.mostLikely(t)) - t) / t);
        }
        return worst;
    }

    /**
     * The gates change nothing in value (the gated forward pass equals the plain one) and carry the
     * task loss's gradient to every weight of the generator that drew the child.
     */
    @Test
    void gatesLeaveTheOutputAndPassTheTaskGradientToTheGenerator() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            Supernet net = SpaceRegistry.get("ofa-mbv3-fmnist").newSupernet(10);
            net.initialize(m);
            ToLongFunction<Arch> macs = a -> net.cost(a).macs();
            ParameterStore ps = new ParameterStore(m, false);
            try (ArchitectureGenerator g = new ArchitectureGenerator(net.space(), macs, ArchitectureGenerator.Settings.DEFAULT, 1);
                    NDManager step = m.newSubManager()) {
                NDArray x = step.randomNormal(new Shape(4, 1, 28, 28));
                double middle = (macs.applyAsLong(net.space().smallest()) + macs.applyAsLong(net.space().largest())) / 2.0;
                ArchitectureGenerator.Child child = g.draw(middle, new SplittableRandom(4), step);
                net.activate(child.arch());
                float[] plain = net.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
                float[] gated;
                try (GradientCollector gc = step.getEngine().newGradientCollector()) {
                    net.gate(child.gates().oneHots());
                    NDArray out = net.forward(ps, new NDList(x), false).singletonOrThrow();
                    gated = out.toFloatArray();
                    gc.backward(out.square().mean());
                } finally {
                    net.gate(null);
                }
                assertArrayEquals(plain, gated, 1e-5f);
                List<Float> norms = new ArrayList<>();
                for (var e : g.arrays().entrySet()) {
                    if (!e.getKey().contains("adam")) {
                        norms.add(e.getValue().getGradient().norm().getFloat());
                    }
                }
                // the task loss alone (no penalty in this backward) reaches the generator's weights
                assertTrue(norms.stream().filter(n -> n > 0).count() >= norms.size() - 1, norms.toString());
                assertEquals(child.arch().id(), net.active().id());
            }
        }
    }
}
