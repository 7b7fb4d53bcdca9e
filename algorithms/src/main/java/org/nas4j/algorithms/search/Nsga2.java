package org.nas4j.algorithms.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;

/**
 * NSGA-II (Deb et al., 2002) over a search space: non-dominated sorting and crowding distance over
 * parents plus offspring, binary tournaments on (front, crowding), offspring by the space's
 * crossover and mutation. All objectives are minimized (negate one to maximize it). An arch is
 * evaluated at most once.
 */
public final class Nsga2 {

    /**
     * An evaluated arch.
     *
     * @param arch the arch
     * @param objectives its objective values, all to be minimized
     */
    public record Individual(Arch arch, double[] objectives) {}

    private Nsga2() {}

    /**
     * @param space where to search
     * @param evaluate the objectives of an arch (called once per distinct arch)
     * @param population individuals kept per generation
     * @param generations generations after the random initial one
     * @param mutation per-dimension mutation probability
     * @param seed the random source's seed
     * @return the final population's first front, and every evaluation made
     */
    public static Result run(SearchSpace space, Function<Arch, double[]> evaluate, int population, int generations,
            double mutation, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, Individual> seen = new LinkedHashMap<>();
        Function<Arch, Individual> eval = a -> seen.computeIfAbsent(a.id(), k -> new Individual(a, evaluate.apply(a)));
        List<Individual> pop = new ArrayList<>();
        for (int attempt = 0; pop.size() < population && attempt < 100 * population; attempt++) {
            Individual i = eval.apply(space.sample(rng));
            if (pop.stream().noneMatch(p -> p.arch().equals(i.arch()))) {
                pop.add(i);
            }
        }
        for (int g = 0; g < generations; g++) {
            Map<Individual, double[]> rank = rankAndCrowding(pop);
            List<Individual> offspring = new ArrayList<>();
            for (int attempt = 0; offspring.size() < population && attempt < 100 * population; attempt++) {
                Arch child = space.mutate(
                        space.crossover(tournament(pop, rank, rng).arch(), tournament(pop, rank, rng).arch(), rng),
                        rng, mutation);
                if (!seen.containsKey(child.id())) {
                    offspring.add(eval.apply(child));
                }
            }
            List<Individual> merged = new ArrayList<>(pop);
            merged.addAll(offspring);
            pop = survivors(merged, population);
        }
        List<List<Integer>> fronts = fronts(objectives(pop));
        List<Individual> first = fronts.get(0).stream().map(pop::get).toList();
        return new Result(first, List.copyOf(seen.values()));
    }

    /**
     * @param front the non-dominated individuals of the last population
     * @param evaluated every individual evaluated, in order
     */
    public record Result(List<Individual> front, List<Individual> evaluated) {}

    /** @return the {@code n} best by front, then by crowding distance */
    static List<Individual> survivors(List<Individual> merged, int n) {
        double[][] obj = objectives(merged);
        List<Individual> next = new ArrayList<>();
        for (List<Integer> front : fronts(obj)) {
            if (next.size() + front.size() <= n) {
                front.forEach(i -> next.add(merged.get(i)));
                continue;
            }
            double[] crowd = crowding(obj, front);
            List<Integer> order = new ArrayList<>(front.size());
            for (int k = 0; k < front.size(); k++) {
                order.add(k);
            }
            order.sort(Comparator.comparingDouble((Integer k) -> crowd[k]).reversed());
            for (int k = 0; next.size() < n; k++) {
                next.add(merged.get(front.get(order.get(k))));
            }
            break;
        }
        return next;
    }

    /**
     * Fast non-dominated sorting.
     *
     * @param obj objectives per individual, minimized
     * @return the fronts, best first, as indices
     */
    public static List<List<Integer>> fronts(double[][] obj) {
        int n = obj.length;
        List<List<Integer>> dominates = new ArrayList<>();
        int[] dominatedBy = new int[n];
        List<List<Integer>> fronts = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            dominates.add(new ArrayList<>());
            for (int q = 0; q < n; q++) {
                if (dominates(obj[p], obj[q])) {
                    dominates.get(p).add(q);
                } else if (dominates(obj[q], obj[p])) {
                    dominatedBy[p]++;
                }
            }
            if (dominatedBy[p] == 0) {
                current.add(p);
            }
        }
        while (!current.isEmpty()) {
            fronts.add(current);
            List<Integer> next = new ArrayList<>();
            for (int p : current) {
                for (int q : dominates.get(p)) {
                    if (--dominatedBy[q] == 0) {
                        next.add(q);
                    }
                }
            }
            current = next;
        }
        return fronts;
    }

    /**
     * @param obj objectives per individual
     * @param front one front's indices
     * @return each member's crowding distance (infinite at the ends of any objective)
     */
    public static double[] crowding(double[][] obj, List<Integer> front) {
        int m = front.size();
        double[] d = new double[m];
        if (m == 0) {
            return d;
        }
        for (int k = 0; k < obj[front.get(0)].length; k++) {
            int objective = k;
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble(i -> obj[front.get(i)][objective]));
            double lo = obj[front.get(order.get(0))][k];
            double hi = obj[front.get(order.get(m - 1))][k];
            d[order.get(0)] = Double.POSITIVE_INFINITY;
            d[order.get(m - 1)] = Double.POSITIVE_INFINITY;
            if (hi == lo) {
                continue;
            }
            for (int i = 1; i < m - 1; i++) {
                d[order.get(i)] += (obj[front.get(order.get(i + 1))][k] - obj[front.get(order.get(i - 1))][k]) / (hi - lo);
            }
        }
        return d;
    }

    /** @return whether {@code a} is no worse than {@code b} everywhere and better somewhere */
    static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
            better |= a[k] < b[k];
        }
        return better;
    }

    private static Map<Individual, double[]> rankAndCrowding(List<Individual> pop) {
        double[][] obj = objectives(pop);
        Map<Individual, double[]> out = new HashMap<>();
        List<List<Integer>> fronts = fronts(obj);
        for (int r = 0; r < fronts.size(); r++) {
            double[] crowd = crowding(obj, fronts.get(r));
            for (int k = 0; k < fronts.get(r).size(); k++) {
                out.put(pop.get(fronts.get(r).get(k)), new double[] {r, crowd[k]});
            }
        }
        return out;
    }

    /** Binary tournament: lower front wins, then larger crowding distance. */
    private static Individual tournament(List<Individual> pop, Map<Individual, double[]> rank, SplittableRandom rng) {
        Individual a = pop.get(rng.nextInt(pop.size()));
        Individual b = pop.get(rng.nextInt(pop.size()));
        double[] ra = rank.get(a);
        double[] rb = rank.get(b);
        if (ra[0] != rb[0]) {
            return ra[0] < rb[0] ? a : b;
        }
        return ra[1] >= rb[1] ? a : b;
    }

    private static double[][] objectives(List<Individual> pop) {
        return pop.stream().map(Individual::objectives).toArray(double[][]::new);
    }
}
