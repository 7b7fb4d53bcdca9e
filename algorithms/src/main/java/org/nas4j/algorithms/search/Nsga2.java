package org.nas4j.algorithms.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;

/**
 * NSGA-II (Deb et al., 2002) over a search space: non-dominated sorting and crowding distance over
 * parents plus offspring, binary tournaments on (front, crowding), offspring by the space's
 * crossover and mutation. All objectives are minimized (negate one to maximize it). Constraints use
 * Deb's rule: a feasible individual beats an infeasible one, and of two infeasible ones the smaller
 * violation wins. An arch is evaluated at most once; the run stops early when the evaluator says the
 * budget is spent.
 */
public final class Nsga2 {

    /**
     * An evaluated arch.
     *
     * @param arch the arch
     * @param objectives its objective values, all to be minimized
     * @param violation how far it is outside the constraints (0 when feasible)
     */
    public record Individual(Arch arch, double[] objectives, double violation) {

        /** An unconstrained individual. */
        public Individual(Arch arch, double[] objectives) {
            this(arch, objectives, 0);
        }
    }

    private Nsga2() {}

    /**
     * @param space where to search
     * @param evaluate the individual of an arch (called once per distinct arch), or empty when no
     *     evaluation is left in the budget
     * @param initial archs to start the first population with (the rest is sampled)
     * @param population individuals kept per generation
     * @param generations generations after the initial one
     * @param mutation per-dimension mutation probability
     * @param rng the random source
     * @return the final population, its first front, and every evaluation made
     */
    public static Result run(SearchSpace space, Function<Arch, Optional<Individual>> evaluate, List<Arch> initial,
            int population, int generations, double mutation, SplittableRandom rng) {
        Map<String, Individual> seen = new LinkedHashMap<>();
        boolean[] spent = {false};
        Function<Arch, Individual> eval = a -> {
            Individual known = seen.get(a.id());
            if (known != null || spent[0]) {
                return known;
            }
            Optional<Individual> i = evaluate.apply(a);
            i.ifPresentOrElse(x -> seen.put(a.id(), x), () -> spent[0] = true);
            return i.orElse(null);
        };
        List<Individual> pop = new ArrayList<>();
        Set<String> inPop = new HashSet<>();
        List<Arch> candidates = new ArrayList<>(initial);
        for (int attempt = 0; pop.size() < population && attempt < 100 * population && !spent[0]; attempt++) {
            Arch a = attempt < candidates.size() ? candidates.get(attempt) : space.sample(rng);
            if (inPop.add(a.id())) {
                Individual i = eval.apply(a);
                if (i != null) {
                    pop.add(i);
                }
            }
        }
        for (int g = 0; g < generations && !spent[0] && !pop.isEmpty(); g++) {
            Map<Individual, double[]> rank = rankAndCrowding(pop);
            List<Individual> offspring = new ArrayList<>();
            for (int attempt = 0; offspring.size() < population && attempt < 100 * population && !spent[0]; attempt++) {
                Arch child = space.mutate(
                        space.crossover(tournament(pop, rank, rng).arch(), tournament(pop, rank, rng).arch(), rng),
                        rng, mutation);
                if (!seen.containsKey(child.id())) {
                    Individual i = eval.apply(child);
                    if (i != null) {
                        offspring.add(i);
                    }
                }
            }
            if (offspring.isEmpty()) {
                break; // the space is exhausted around the population
            }
            List<Individual> merged = new ArrayList<>(pop);
            merged.addAll(offspring);
            pop = survivors(merged, population);
        }
        List<Individual> first = pop.isEmpty() ? List.of()
                : fronts(objectives(pop), violations(pop)).get(0).stream().map(pop::get).toList();
        return new Result(first, List.copyOf(pop), List.copyOf(seen.values()));
    }

    /**
     * @param front the non-dominated individuals of the last population
     * @param population the last population, best fronts first
     * @param evaluated every individual evaluated, in order
     */
    public record Result(List<Individual> front, List<Individual> population, List<Individual> evaluated) {}

    /** @return the {@code n} best by front, then by crowding distance */
    static List<Individual> survivors(List<Individual> merged, int n) {
        double[][] obj = objectives(merged);
        List<Individual> next = new ArrayList<>();
        for (List<Integer> front : fronts(obj, violations(merged))) {
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
        return fronts(obj, new double[obj.length]);
    }

    /**
     * Fast non-dominated sorting under Deb's constrained domination.
     *
     * @param obj objectives per individual, minimized
     * @param violation constraint violation per individual (0 when feasible)
     * @return the fronts, best first, as indices
     */
    public static List<List<Integer>> fronts(double[][] obj, double[] violation) {
        int n = obj.length;
        List<List<Integer>> dominates = new ArrayList<>();
        int[] dominatedBy = new int[n];
        List<List<Integer>> fronts = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            dominates.add(new ArrayList<>());
            for (int q = 0; q < n; q++) {
                if (dominates(obj[p], violation[p], obj[q], violation[q])) {
                    dominates.get(p).add(q);
                } else if (dominates(obj[q], violation[q], obj[p], violation[p])) {
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

    /** @return whether {@code a} dominates {@code b} under Deb's constraint rule */
    static boolean dominates(double[] a, double va, double[] b, double vb) {
        if (va > 0 || vb > 0) {
            return va < vb;
        }
        return dominates(a, b);
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
        List<List<Integer>> fronts = fronts(obj, violations(pop));
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

    private static double[] violations(List<Individual> pop) {
        return pop.stream().mapToDouble(Individual::violation).toArray();
    }
}
