package org.nas4j.algorithms.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.train.StepPlan;

/**
 * BigNAS's sandwich rule: the largest child, the smallest and {@code n} random ones per step, the
 * largest teaching the others (inplace distillation) or, without distillation, every child learning
 * from the labels (better while the largest child is still a poor teacher: short runs).
 */
public final class SandwichSampler implements ArchSampler {

    private final int randomChildren;
    private final boolean distill;

    /** @param randomChildren random children per step besides the largest and smallest (BigNAS: 2) */
    public SandwichSampler(int randomChildren) {
        this(randomChildren, true);
    }

    /**
     * @param randomChildren random children per step besides the largest and smallest
     * @param distill whether the largest child teaches the others
     */
    public SandwichSampler(int randomChildren, boolean distill) {
        if (randomChildren < 0) {
            throw new IllegalArgumentException("random children must be >= 0");
        }
        this.randomChildren = randomChildren;
        this.distill = distill;
    }

    @Override
    public StepPlan plan(SearchSpace space, RandomGenerator rng) {
        List<Arch> children = new ArrayList<>();
        children.add(space.largest());
        children.add(space.smallest());
        for (int i = 0; i < randomChildren; i++) {
            children.add(space.sample(rng));
        }
        return new StepPlan(children, distill);
    }
}
