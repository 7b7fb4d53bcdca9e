package org.nas4j.algorithms.sampling;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.train.StepPlan;

/**
 * The same child every step: the supernet then trains that architecture alone (its other weights
 * take no part in any forward pass), which is how an architecture's stand-alone accuracy is measured.
 *
 * @param arch the child
 */
public record FixedSampler(Arch arch) implements ArchSampler {

    @Override
    public StepPlan plan(SearchSpace space, RandomGenerator rng) {
        return new StepPlan(List.of(arch), false);
    }
}
