package org.nas4j.algorithms.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nas4j.core.space.ArchNotation;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;

class Nsga2Test {

    @Test
    void sortsHandMadePointsIntoTheirFronts() {
        double[][] obj = {{1, 5}, {2, 2}, {5, 1}, {3, 3}, {4, 4}, {2, 6}};
        List<List<Integer>> fronts = Nsga2.fronts(obj);
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 5), List.of(4)),
                fronts.stream().map(f -> f.stream().sorted().toList()).toList());
        double[] crowd = Nsga2.crowding(obj, List.of(0, 1, 2));
        assertEquals(Double.POSITIVE_INFINITY, crowd[0]);
        assertEquals(Double.POSITIVE_INFINITY, crowd[2]);
        // middle point: (5-1)/(5-1) on the first objective + (5-1)/(5-1) on the second
        assertEquals(2.0, crowd[1], 1e-12);
    }

    /**
     * x in 0..9, y in 0..49 (500 archs); minimize (x, 9 - x + y²): the Pareto front is exactly the
     * ten archs with y = 0, and the budget (at most 260 evaluations) cannot enumerate the space.
     */
    @Test
    void findsAKnownParetoFrontAndNeverEvaluatesAnArchTwice() {
        int[] ys = new int[50];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = i;
        }
        SearchSpace space = new SearchSpace("toy",
                List.of(Dimension.integer("x", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), Dimension.integer("y", ys)),
                ArchNotation.KEY_VALUE);
        Set<String> evaluated = new HashSet<>();
        Nsga2.Result r = Nsga2.run(space, a -> {
            assertTrue(evaluated.add(a.id()), "evaluated twice: " + a.id());
            int x = a.getInt("x");
            int y = a.getInt("y");
            return Optional.of(new Nsga2.Individual(a, new double[] {x, 9 - x + y * y}));
        }, List.of(), 20, 12, 0.3, new SplittableRandom(1));
        Set<String> front = r.front().stream().map(i -> i.arch().getInt("x") + "," + i.arch().getInt("y"))
                .collect(Collectors.toSet());
        Set<String> expected = new HashSet<>();
        for (int x = 0; x < 10; x++) {
            expected.add(x + ",0");
        }
        assertEquals(expected, front);
        assertEquals(evaluated.size(), r.evaluated().size());
        assertTrue(evaluated.size() <= 20 + 12 * 20 && evaluated.size() < 500, "evaluations: " + evaluated.size());
        assertArrayEquals(new double[] {0, 9}, r.front().stream().filter(i -> i.arch().getInt("x") == 0)
                .findFirst().orElseThrow().objectives());
    }
}
