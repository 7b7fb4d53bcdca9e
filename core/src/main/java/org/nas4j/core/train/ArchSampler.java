package org.nas4j.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.util.Map;
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

    /**
     * The trainer's call: a sampler that learns from training measures children through the probe;
     * the others ignore it.
     *
     * @param space the space (or sub-space) being trained
     * @param rng the step's random source
     * @param probe losses of candidate children at this step
     * @return the step's children
     */
    default StepPlan plan(SearchSpace space, RandomGenerator rng, StepProbe probe) {
        return plan(space, rng);
    }

    /**
     * Called after each training step's update, before any checkpoint: a sampler that learns by
     * gradients (ShiftNAS's generator) applies what the step's backward passes left.
     *
     * @param step the step's manager
     */
    default void afterStep(NDManager step) {}

    /**
     * @return what the sampler has learned so far, saved with every checkpoint so that a resumed run
     *     continues as if never stopped; null for a sampler without state
     */
    default JsonObject state() {
        return null;
    }

    /** @param state what {@link #state()} returned at the checkpoint */
    default void restore(JsonObject state) {}

    /**
     * @return the arrays the sampler learns (a generator's weights and its optimizer's moments) by
     *     name, saved in the checkpoint beside the supernet's; none by default
     */
    default Map<String, NDArray> arrays() {
        return Map.of();
    }

    /**
     * Receives an array saved by {@link #arrays()}, when a run resumes.
     *
     * @param name its name
     * @param values its saved values
     */
    default void restoreArray(String name, NDArray values) {}
}
