package org.nas4j.core.train;

import java.util.random.RandomGenerator;
import org.nas4j.core.space.SearchSpace;

/** Decides which children each training step trains. Sees only the search space. */
@FunctionalInterface
public interface ArchSampler {

    /**
     * @param space the space (or sub-space) being trained
     * @param rng the step's random source
     * @return the step's children
     */
    StepPlan plan(SearchSpace space, RandomGenerator rng);
}
