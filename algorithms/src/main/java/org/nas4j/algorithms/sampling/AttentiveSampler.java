package org.nas4j.algorithms.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.random.RandomGenerator;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.train.StepPlan;
import org.nas4j.core.train.StepProbe;

/**
 * AttentiveNAS's sampling (Wang et al., 2021, as in its released code): the sandwich rule's largest
 * and smallest children, and between them children chosen with attention to the Pareto front. For
 * each, a target MACs bin is drawn from the space's own distribution of MACs, {@code k} candidates
 * of that bin are drawn, and the one with the lowest loss on the step's batch is kept (BestUp) or
 * the highest (WorstUp). The largest child teaches the others (inplace distillation). Scoring costs
 * {@code k} forward passes, without gradients, per attentive child.
 */
public final class AttentiveSampler implements ArchSampler {

    /** Which candidate of a target is trained. */
    public enum Keep {
        /** the lowest batch loss (the released config's BestUp-3) */
        BEST,
        /** the highest batch loss */
        WORST
    }

    private final int children;
    private final int candidates;
    private final Keep keep;
    private final ToLongFunction<Arch> macs;
    private ComplexityBins bins;

    /**
     * @param children attentive children per step, between the largest and the smallest
     * @param candidates candidates drawn per attentive child (AttentiveNAS: 3)
     * @param keep which candidate is trained
     * @param macs each child's MACs
     */
    public AttentiveSampler(int children, int candidates, Keep keep, ToLongFunction<Arch> macs) {
        if (children < 0 || candidates < 1) {
            throw new IllegalArgumentException("attentive children >= 0 and candidates >= 1");
        }
        this.children = children;
        this.candidates = candidates;
        this.keep = keep;
        this.macs = macs;
    }

    /** Without a probe nothing can be scored: each attentive child is the first candidate of its target. */
    @Override
    public StepPlan plan(SearchSpace space, RandomGenerator rng) {
        return plan(space, rng, null);
    }

    @Override
    public StepPlan plan(SearchSpace space, RandomGenerator rng, StepProbe probe) {
        ComplexityBins b = binsOf(space);
        List<Arch> plan = new ArrayList<>();
        plan.add(space.largest());
        for (int i = 0; i < children; i++) {
            int target = b.drawBin(rng);
            Arch chosen = null;
            float chosenLoss = Float.NaN;
            for (int c = 0; c < candidates; c++) {
                Arch candidate = b.draw(target, rng);
                if (probe == null) {
                    chosen = chosen == null ? candidate : chosen;
                    continue;
                }
                float loss = probe.batchLoss(candidate);
                if (chosen == null || (keep == Keep.BEST ? loss < chosenLoss : loss > chosenLoss)) {
                    chosen = candidate;
                    chosenLoss = loss;
                }
            }
            plan.add(chosen);
        }
        plan.add(space.smallest());
        return new StepPlan(plan, true);
    }

    private ComplexityBins binsOf(SearchSpace space) {
        if (bins == null || bins.space() != space) {
            bins = new ComplexityBins(space, macs, ComplexityBins.DEFAULT_BINS);
        }
        return bins;
    }
}
