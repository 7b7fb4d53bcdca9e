package org.nas4j.algorithms.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.ArchNotation;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.train.StepPlan;
import org.nas4j.core.train.StepProbe;

/** AttentiveNAS's and ShiftNAS's samplers on a toy elastic space whose MACs are known in closed form. */
class ComplexitySamplersTest {

    /** An OFA-like space: a depth of 1-3 blocks, each block's kernel active when the depth reaches it. */
    static final SearchSpace SPACE = new SearchSpace("toy-elastic", List.of(Dimension.integer("d", 1, 2, 3),
            Dimension.integer("k1", 1, 3, 5, 7), Dimension.integer("k2", 1, 3, 5, 7).activeWhen("d", 2),
            Dimension.integer("k3", 1, 3, 5, 7).activeWhen("d", 3), Dimension.integer("w", 1, 2, 4)), ArchNotation.KEY_VALUE);

    /** MACs: the width times the sum of the running blocks' squared kernels. */
    static final ToLongFunction<Arch> MACS = a -> {
        long sum = 0;
        for (int b = 1; b <= a.getInt("d"); b++) {
            sum += (long) a.getInt("k" + b) * a.getInt("k" + b);
        }
        return 1000 * a.getInt("w") * sum;
    };

    /** A probe that answers from functions of the child and the step, and records what it was asked. */
    static final class Probe implements StepProbe {
        final long step;
        final long total;
        final ToDoubleFunction<Arch> batch;
        final ToDoubleFunction<Arch> heldOut;
        final List<Arch> asked = new ArrayList<>();
        final List<Float> answers = new ArrayList<>();

        Probe(long step, long total, ToDoubleFunction<Arch> batch, ToDoubleFunction<Arch> heldOut) {
            this.step = step;
            this.total = total;
            this.batch = batch;
            this.heldOut = heldOut;
        }

        @Override
        public ai.djl.ndarray.NDManager manager() {
            throw new UnsupportedOperationException("these samplers make no arrays");
        }

        @Override
        public long step() {
            return step;
        }

        @Override
        public long totalSteps() {
            return total;
        }

        @Override
        public float batchLoss(Arch child) {
            float loss = (float) batch.applyAsDouble(child);
            asked.add(child);
            answers.add(loss);
            return loss;
        }

        @Override
        public float heldOutLoss(Arch child) {
            return (float) heldOut.applyAsDouble(child);
        }
    }

    @Test
    void binsCoverTheRangeAndEveryDrawFallsInItsBin() {
        ComplexityBins bins = new ComplexityBins(SPACE, MACS, 10);
        assertTrue(bins.size() >= 8, "the table reaches most of the 10 bins: " + bins.size());
        double shares = 0;
        for (double s : bins.shares()) {
            shares += s;
        }
        assertEquals(1.0, shares, 1e-9);
        assertEquals(bins.lower(0), MACS.applyAsLong(SPACE.smallest()));
        SplittableRandom rng = new SplittableRandom(1);
        for (int b = 0; b < bins.size(); b++) {
            if (b > 0) {
                assertTrue(bins.upper(b - 1) <= bins.lower(b));
            }
            Set<String> distinct = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                Arch a = bins.draw(b, rng);
                long m = MACS.applyAsLong(a);
                assertEquals(b, bins.binOf(a), a + " has " + m + " MACs, outside bin " + b);
                distinct.add(a.id());
            }
            // the end bins may hold one child (here the top one holds only the largest)
            assertTrue(b == 0 || b == bins.size() - 1 || distinct.size() > 1, "bin " + b + " draws a single child");
        }
        // the space's own distribution of MACs peaks in the middle: uniform draws rarely reach the top bin
        double[] s = bins.shares();
        assertTrue(s[s.length - 1] < s[s.length / 2], java.util.Arrays.toString(s));
    }

    @Test
    void walksFromTheLargestFillTheBinsUniformDrawsMiss() {
        // 24 on/off blocks, MACs the cube of the blocks on: 23 blocks on has a chance of 1.4e-6 per uniform draw
        List<Dimension> blocks = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            blocks.add(Dimension.integer("b" + i, 0, 1));
        }
        SearchSpace space = new SearchSpace("toy-steep", blocks, ArchNotation.KEY_VALUE);
        ToLongFunction<Arch> cube = a -> {
            long on = a.values().values().stream().filter("1"::equals).count();
            return on * on * on;
        };
        ComplexityBins bins = new ComplexityBins(space, cube, 10);
        assertEquals(10, bins.size(), "every bin between the smallest and the largest child has children");
        Map<String, String> v = new LinkedHashMap<>(space.largest().values());
        v.put("b0", "0");
        int bin = bins.binOf(space.of(v));
        assertEquals(0.0, bins.shares()[bin], "uniform draws never reach 23 blocks on: no share of the prior");
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 20; i++) {
            assertEquals(12167, cube.applyAsLong(bins.draw(bin, rng)), "the bin holds the children with 23 blocks on");
        }
    }

    @Test
    void attentiveKeepsTheCandidateWithTheLowestOrHighestBatchLoss() {
        ToDoubleFunction<Arch> loss = a -> (a.id().hashCode() & 0xffff) / 65536.0;
        for (AttentiveSampler.Keep keep : AttentiveSampler.Keep.values()) {
            AttentiveSampler sampler = new AttentiveSampler(2, 3, keep, MACS);
            ComplexityBins bins = new ComplexityBins(SPACE, MACS, ComplexityBins.DEFAULT_BINS);
            SplittableRandom rng = new SplittableRandom(7);
            int differs = 0;
            for (int step = 0; step < 20; step++) {
                Probe probe = new Probe(step, 20, loss, a -> 0);
                StepPlan plan = sampler.plan(SPACE, rng, probe);
                assertEquals(4, plan.children().size());
                assertEquals(SPACE.largest(), plan.children().get(0));
                assertEquals(SPACE.smallest(), plan.children().get(3));
                assertTrue(plan.distill(), "the largest child teaches the others");
                assertEquals(6, probe.asked.size(), "3 candidates scored for each of the 2 attentive children");
                for (int slot = 0; slot < 2; slot++) {
                    List<Float> scores = probe.answers.subList(3 * slot, 3 * slot + 3);
                    int expected = 3 * slot;
                    for (int c = 1; c < 3; c++) {
                        if (keep == AttentiveSampler.Keep.BEST ? scores.get(c) < probe.answers.get(expected)
                                : scores.get(c) > probe.answers.get(expected)) {
                            expected = 3 * slot + c;
                        }
                    }
                    assertEquals(probe.asked.get(expected), plan.children().get(1 + slot), keep + " at step " + step);
                    int bin = bins.binOf(probe.asked.get(3 * slot));
                    for (int c = 1; c < 3; c++) {
                        assertEquals(bin, bins.binOf(probe.asked.get(3 * slot + c)), "a target's candidates share its bin");
                    }
                    if (!probe.asked.get(3 * slot).equals(plan.children().get(1 + slot))) {
                        differs++;
                    }
                }
            }
            assertTrue(differs > 5, keep + ": the kept child is rarely the first candidate, as chance would have it");
        }
    }

    @Test
    void shiftMovesProbabilityToTheBinsWhoseHeldOutLossStillFallsMost() {
        ComplexityBins bins = new ComplexityBins(SPACE, MACS, ComplexityBins.DEFAULT_BINS);
        int n = bins.size();
        // bin k's held-out loss falls at a rate growing with k: the largest children are the least trained
        ToDoubleFunction<Arch> rate = a -> 0.001 * (1 + bins.binOf(a));
        long total = 2000;
        ShiftSampler sampler = new ShiftSampler(4, MACS, ShiftSampler.Schedule.DEFAULT);
        SplittableRandom rng = new SplittableRandom(3);
        int[] drawnEarly = new int[n];
        int[] drawnLate = new int[n];
        for (long step = 0; step < total; step++) {
            long t = step;
            StepPlan plan = sampler.plan(SPACE, rng, new Probe(step, total, a -> 0, a -> 3 - rate.applyAsDouble(a) * t));
            for (Arch a : plan.children()) {
                (step < total / 5 ? drawnEarly : drawnLate)[bins.binOf(a)]++;
            }
        }
        double[] p = sampler.distribution();
        String shown = java.util.Arrays.toString(p);
        // the top bins, whose loss falls fastest, gain in that order; the bottom half loses its share
        for (int k = n / 2; k < n; k++) {
            assertTrue(p[k] > p[k - 1], "probability rises with the rate of improvement: " + shown);
        }
        double bottom = 0;
        for (int k = 0; k < n / 2; k++) {
            bottom += p[k];
        }
        assertTrue(p[n - 1] > 2.0 / n && bottom < 0.25, shown);
        // during the warm-up the bins are drawn uniformly, not as the space's MACs are distributed
        for (int k = 0; k < n; k++) {
            assertTrue(Math.abs(drawnEarly[k] / (4.0 * total / 5) - 1.0 / n) < 0.04, "bin " + k + " warm-up share");
        }
        assertTrue(drawnLate[n - 1] > 2 * drawnLate[0], "after the shift the top bin is drawn more");
    }

    @Test
    void anchoredShiftTrainsTheSmallestEveryStepBesideChildrenOfEveryBin() {
        ComplexityBins bins = new ComplexityBins(SPACE, MACS, ComplexityBins.DEFAULT_BINS);
        ShiftSampler sampler = new ShiftSampler(2, MACS, ShiftSampler.Schedule.DEFAULT, null,
                true);
        SplittableRandom rng = new SplittableRandom(11);
        int[] drawn = new int[bins.size()];
        for (long step = 0; step < 500; step++) {
            StepPlan plan = sampler.plan(SPACE, rng, new Probe(step, 500, a -> 0, a -> 1));
            assertEquals(3, plan.children().size(), "two children of bins and the smallest");
            assertEquals(SPACE.smallest(), plan.children().get(2));
            assertTrue(!plan.distill(), "every child learns from the labels");
            for (Arch a : plan.children().subList(0, 2)) {
                drawn[bins.binOf(a)]++;
            }
        }
        // a flat held-out loss leaves the distribution uniform over the bins: each near 1/size of 1,000 draws
        for (int k = 0; k < drawn.length; k++) {
            assertTrue(Math.abs(drawn[k] / 1000.0 - 1.0 / drawn.length) < 0.04, "bin " + k + ": " + drawn[k]);
        }
    }

    @Test
    void aShiftSamplerRestoredFromItsStateContinuesAsIfNeverStopped() {
        long total = 400;
        ToDoubleFunction<Arch> loss = a -> MACS.applyAsLong(a) / 1e6;
        ShiftSampler straight = new ShiftSampler(2, MACS, new ShiftSampler.Schedule(10, 0.1, 0.1));
        ShiftSampler first = new ShiftSampler(2, MACS, new ShiftSampler.Schedule(10, 0.1, 0.1));
        ShiftSampler resumed = new ShiftSampler(2, MACS, new ShiftSampler.Schedule(10, 0.1, 0.1));
        List<List<Arch>> a = new ArrayList<>();
        List<List<Arch>> b = new ArrayList<>();
        for (long step = 0; step < total; step++) {
            long t = step;
            ToDoubleFunction<Arch> heldOut = x -> 2 - loss.applyAsDouble(x) * Math.log1p(t);
            a.add(straight.plan(SPACE, new SplittableRandom(step), new Probe(step, total, x -> 0, heldOut)).children());
            if (step == total / 2) {
                resumed.restore(first.state());
            }
            ShiftSampler s = step < total / 2 ? first : resumed;
            b.add(s.plan(SPACE, new SplittableRandom(step), new Probe(step, total, x -> 0, heldOut)).children());
        }
        assertEquals(a, b);
        assertNotEquals(new ShiftSampler(2, MACS, ShiftSampler.Schedule.DEFAULT).state(), straight.state());
    }
}
