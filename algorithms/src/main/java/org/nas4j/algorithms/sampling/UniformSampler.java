package org.nas4j.algorithms.sampling;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.train.StepPlan;

/** One child per step, drawn uniformly per dimension; it learns from the labels. */
public final class UniformSampler implements ArchSampler {

    @Override
    public StepPlan plan(SearchSpace space, RandomGenerator rng) {
        return new StepPlan(List.of(space.sample(rng)), false);
    }
}
