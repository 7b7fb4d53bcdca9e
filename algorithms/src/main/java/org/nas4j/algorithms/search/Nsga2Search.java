package org.nas4j.algorithms.search;

import java.util.List;
import java.util.SplittableRandom;

/** NSGA-II on the real objectives: every individual it creates is one real evaluation. */
public final class Nsga2Search implements SearchStrategy {

    private final int population;
    private final double mutation;

    /**
     * @param population individuals per generation
     * @param mutation per-dimension mutation probability
     */
    public Nsga2Search(int population, double mutation) {
        this.population = population;
        this.mutation = mutation;
    }

    @Override
    public void search(SearchContext context, SplittableRandom rng) {
        Nsga2.run(context.space(), a -> context.evaluate(a).map(context::individual), List.of(), population,
                Integer.MAX_VALUE, mutation, rng);
    }
}
