package org.nas4j.algorithms.search;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nas4j.core.space.Arch;

/**
 * Regularized (aging) evolution (Real et al., 2019), single objective: the best validation
 * accuracy (or lowest error) among archs that meet the constraints (an infeasible arch ranks below
 * every feasible one, by its violation). Tournament of {@code sample} from a population of {@code population}; the child
 * of the winner replaces the oldest member.
 */
public final class AgingEvolution implements SearchStrategy {

    private final int population;
    private final int sample;
    private final double mutation;

    /**
     * @param population members kept
     * @param sample tournament size
     * @param mutation per-dimension mutation probability
     */
    public AgingEvolution(int population, int sample, double mutation) {
        this.population = population;
        this.sample = sample;
        this.mutation = mutation;
    }

    @Override
    public void search(SearchContext context, SplittableRandom rng) {
        Deque<Evaluation> members = new ArrayDeque<>();
        for (int attempt = 0; members.size() < population && context.remaining() > 0 && attempt < 100 * population;
                attempt++) {
            Arch a = context.space().sample(rng);
            if (!context.wasAsked(a)) {
                context.evaluate(a).ifPresent(members::addLast);
            }
        }
        Comparator<Evaluation> fitness = Comparator.comparingDouble((Evaluation e) -> -context.violation(e))
                .thenComparingDouble(e -> e.goodness(context.objectives()));
        int stale = 0;
        while (context.remaining() > 0 && !members.isEmpty() && stale < 100 * population) {
            List<Evaluation> pool = List.copyOf(members);
            Evaluation parent = null;
            for (int i = 0; i < sample; i++) {
                Evaluation e = pool.get(rng.nextInt(pool.size()));
                parent = parent == null || fitness.compare(e, parent) > 0 ? e : parent;
            }
            Arch child = context.space().mutate(parent.arch(), rng, mutation);
            if (context.wasAsked(child)) {
                stale++;
                continue;
            }
            stale = 0;
            Optional<Evaluation> e = context.evaluate(child);
            e.ifPresent(x -> {
                members.addLast(x);
                members.removeFirst();
            });
        }
    }
}
