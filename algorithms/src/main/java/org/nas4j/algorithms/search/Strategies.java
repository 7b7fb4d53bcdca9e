package org.nas4j.algorithms.search;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.util.UserException;

/** The search strategies by name, each sized from its budget. */
public final class Strategies {

    /** The names, as {@code nas4j search --strategy} takes them. */
    public static final List<String> NAMES = List.of("random", "evolution", "nsga2", "linas", "reinforce");

    private Strategies() {}

    /**
     * @param name one of {@link #NAMES}
     * @param evals the budget of real evaluations
     * @param dimensions the space's dimensions (mutation flips two of them on average)
     * @param cost exact MACs and params of an arch, for LINAS
     * @param report LINAS's predictor scores after each refit
     * @return the strategy
     */
    public static SearchStrategy byName(String name, int evals, int dimensions, Function<Arch, Cost> cost,
            Consumer<Linas.PredictorScore> report) {
        double mutation = 2.0 / Math.max(1, dimensions);
        int population = Math.max(4, Math.min(20, evals / 5));
        return switch (name) {
            case "random" -> new RandomSearch();
            case "evolution" -> new AgingEvolution(population, 5, mutation);
            case "nsga2" -> new Nsga2Search(population, mutation);
            // a fifth of the budget (at most 20) random first, then batches of a tenth (at most 10); halving
            // both reached random search's hypervolume sooner in the median but ended lower (BENCHMARKS.md)
            case "linas" -> new Linas(population, Math.max(2, Math.min(10, evals / 10)), 50, 100, mutation, cost, report);
            // NASNet's controller at a budget of tens: batches of 5, a faster rate than the paper's 500-GPU run
            case "reinforce" -> new ReinforceSearch(5, 32, 0.02f, 0.9, 1e-4f);
            default -> throw new UserException("strategy '" + name + "': use one of " + String.join(", ", NAMES));
        };
    }
}
