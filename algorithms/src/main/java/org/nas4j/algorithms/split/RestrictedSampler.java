package org.nas4j.algorithms.split;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.util.random.RandomGenerator;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.train.StepPlan;
import org.nas4j.core.train.StepProbe;

/**
 * Trains a sub-supernet: any sampler, drawing from the sub-space instead of the whole space.
 *
 * @param subspace the sub-supernet's space
 * @param inner the sampler to apply there
 */
public record RestrictedSampler(SearchSpace subspace, ArchSampler inner) implements ArchSampler {

    @Override
    public StepPlan plan(SearchSpace space, RandomGenerator rng) {
        return inner.plan(subspace, rng);
    }

    @Override
    public StepPlan plan(SearchSpace space, RandomGenerator rng, StepProbe probe) {
        return inner.plan(subspace, rng, probe);
    }

    @Override
    public void afterStep(NDManager step) {
        inner.afterStep(step);
    }

    @Override
    public JsonObject state() {
        return inner.state();
    }

    @Override
    public void restore(JsonObject state) {
        inner.restore(state);
    }
}
