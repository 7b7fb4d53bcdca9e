package org.nas4j.algorithms.search;

import java.util.SplittableRandom;

/** Uniformly sampled distinct archs: the baseline every other strategy must beat. */
public final class RandomSearch implements SearchStrategy {

    @Override
    public void search(SearchContext context, SplittableRandom rng) {
        for (int attempt = 0; context.remaining() > 0 && attempt < 100 * context.budget(); attempt++) {
            var arch = context.space().sample(rng);
            if (!context.wasAsked(arch)) {
                context.evaluate(arch);
            }
        }
    }
}
