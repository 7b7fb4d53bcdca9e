package org.nas4j.algorithms.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;

/**
 * What a strategy searches against: the space, the objectives and constraints, and a budget of
 * real evaluations. Each distinct arch a strategy asks for costs one unit of the budget; an arch
 * asked again is answered from memory, and one the archive already holds (from an earlier or killed
 * run) is answered from the archive without being evaluated again.
 */
public final class SearchContext {

    /** Evaluates a child for real (extract, recalibrate, validate, time). */
    @FunctionalInterface
    public interface Evaluator {
        /** @return the child's measured objectives */
        Evaluation evaluate(Arch arch) throws IOException;
    }

    /** Told of every answered arch, in order. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param index 1-based position in the search
         * @param e the evaluation
         * @param fresh whether it was evaluated now (false: from the archive)
         * @param predicted what the strategy predicted for it, by objective (empty if nothing)
         */
        void evaluated(int index, Evaluation e, boolean fresh, Map<Objective, Double> predicted);
    }

    private final SearchSpace space;
    private final List<Objective> objectives;
    private final List<Constraint> constraints;
    private final int budget;
    private final Archive archive;
    private final Evaluator evaluator;
    private final Listener listener;
    private final List<Evaluation> asked = new ArrayList<>();
    private final Map<String, Evaluation> byArch = new HashMap<>();
    private Map<String, Map<Objective, Double>> predictions = Map.of();

    /**
     * @param space the space
     * @param objectives what to optimize
     * @param constraints limits a result must respect
     * @param budget distinct archs the strategy may ask for
     * @param archive evaluations kept on disk
     * @param evaluator the real evaluation
     * @param listener told of each answer
     */
    public SearchContext(SearchSpace space, List<Objective> objectives, List<Constraint> constraints, int budget,
            Archive archive, Evaluator evaluator, Listener listener) {
        this.space = space;
        this.objectives = List.copyOf(objectives);
        this.constraints = List.copyOf(constraints);
        this.budget = budget;
        this.archive = archive;
        this.evaluator = evaluator;
        this.listener = listener;
    }

    /** @return the space searched */
    public SearchSpace space() {
        return space;
    }

    /** @return the objectives */
    public List<Objective> objectives() {
        return objectives;
    }

    /** @return the limits a result must respect */
    public List<Constraint> constraints() {
        return constraints;
    }

    /** @return the budget of distinct archs */
    public int budget() {
        return budget;
    }

    /** @return how many more distinct archs may be asked for */
    public int remaining() {
        return budget - asked.size();
    }

    /** @return every answered evaluation, in the order asked */
    public List<Evaluation> asked() {
        return List.copyOf(asked);
    }

    /** @return whether the arch has been asked for in this search */
    public boolean wasAsked(Arch arch) {
        return byArch.containsKey(arch.id());
    }

    /**
     * Records what a strategy predicts for archs it is about to ask for (reported beside the
     * measurement).
     */
    public void expect(Map<String, Map<Objective, Double>> predicted) {
        predictions = Map.copyOf(predicted);
    }

    /**
     * @param arch a child the space admits (strategies draw from {@link #space()}, which respects its rules)
     * @return its evaluation, or empty when the budget is spent (a repeated arch is always answered)
     */
    public Optional<Evaluation> evaluate(Arch arch) {
        if (!space.admits(arch)) {
            throw new IllegalArgumentException(arch.id() + " breaks the search's rules " + space.rules());
        }
        Evaluation known = byArch.get(arch.id());
        if (known != null) {
            return Optional.of(known);
        }
        if (remaining() <= 0) {
            return Optional.empty();
        }
        Optional<Evaluation> stored = archive.get(arch.id());
        Evaluation e;
        try {
            if (stored.isPresent()) {
                e = stored.get();
            } else {
                e = evaluator.evaluate(arch);
                archive.append(e);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        asked.add(e);
        byArch.put(arch.id(), e);
        listener.evaluated(asked.size(), e, stored.isEmpty(), predictions.getOrDefault(arch.id(), Map.of()));
        return Optional.of(e);
    }

    /** @return the summed relative violation of the constraints (0: feasible) */
    public double violation(Evaluation e) {
        return violation(e, constraints, space);
    }

    /**
     * @param e an evaluation
     * @param constraints limits on its measured values
     * @param space a space whose rules it must satisfy
     * @return the summed relative violation of the limits, plus 1 when the space's rules do not admit it
     */
    public static double violation(Evaluation e, List<Constraint> constraints, SearchSpace space) {
        return constraints.stream().mapToDouble(c -> c.violation(e)).sum() + (space.admits(e.arch()) ? 0 : 1);
    }

    /** @return the evaluation as an NSGA-II individual (objectives minimized, violation) */
    public Nsga2.Individual individual(Evaluation e) {
        return new Nsga2.Individual(e.arch(), e.minimized(objectives), violation(e));
    }

    /** @return the feasible, non-dominated evaluations among those asked */
    public List<Evaluation> front() {
        return front(asked, objectives, this::violation);
    }

    /**
     * @param evaluations candidates
     * @param objectives the objectives
     * @param violation each one's constraint violation
     * @return the feasible non-dominated ones, in their given order
     */
    public static List<Evaluation> front(List<Evaluation> evaluations, List<Objective> objectives,
            java.util.function.ToDoubleFunction<Evaluation> violation) {
        List<Evaluation> feasible = evaluations.stream().filter(e -> violation.applyAsDouble(e) == 0).toList();
        double[][] obj = feasible.stream().map(e -> e.minimized(objectives)).toArray(double[][]::new);
        if (obj.length == 0) {
            return List.of();
        }
        List<Integer> first = new ArrayList<>(Nsga2.fronts(obj).get(0));
        first.sort(null);
        return first.stream().map(feasible::get).toList();
    }
}
