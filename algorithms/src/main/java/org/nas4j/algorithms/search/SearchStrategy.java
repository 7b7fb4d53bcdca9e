package org.nas4j.algorithms.search;

import java.util.SplittableRandom;

/** A way of spending a search's budget of real evaluations. */
public interface SearchStrategy {

    /**
     * Asks the context for evaluations until its budget is spent (or the strategy has nothing left
     * to ask).
     *
     * @param context the space, objectives, constraints and budget
     * @param rng the strategy's only random source
     */
    void search(SearchContext context, SplittableRandom rng);
}
