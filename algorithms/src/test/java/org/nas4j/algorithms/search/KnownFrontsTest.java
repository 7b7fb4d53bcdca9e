package org.nas4j.algorithms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.ArchNotation;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;

/** NSGA-II against two standard test problems with known Pareto fronts, on a fine grid. */
class KnownFrontsTest {

    private static SearchSpace grid(int variables, int steps) {
        int[] values = new int[steps + 1];
        for (int i = 0; i <= steps; i++) {
            values[i] = i;
        }
        List<Dimension> dims = new ArrayList<>();
        for (int v = 0; v < variables; v++) {
            dims.add(Dimension.integer("x" + v, values));
        }
        return new SearchSpace("grid", dims, ArchNotation.KEY_VALUE);
    }

    /**
     * ZDT1 (Zitzler, Deb, Thiele 2000) with 10 variables on a grid of 1/20: the front is x1..x9 = 0,
     * f2 = 1 - sqrt(f1). The found front must lie within 0.02 of it (mean distance) and reach its ends.
     */
    @Test
    void recoversTheZdt1Front() {
        SearchSpace space = grid(10, 20);
        Nsga2.Result r = Nsga2.run(space, a -> Optional.of(new Nsga2.Individual(a, zdt1(a))), List.of(), 60, 150,
                0.1, new SplittableRandom(5));
        double distance = 0;
        double lo = 1;
        double hi = 0;
        for (Nsga2.Individual i : r.front()) {
            double f1 = i.objectives()[0];
            double f2 = i.objectives()[1];
            distance += Math.abs(f2 - (1 - Math.sqrt(f1)));
            lo = Math.min(lo, f1);
            hi = Math.max(hi, f1);
        }
        distance /= r.front().size();
        assertTrue(distance < 0.02, "mean distance to the true front " + distance);
        assertTrue(lo <= 0.05 && hi >= 0.95, "front spans f1 in [" + lo + ", " + hi + "]");
        assertTrue(r.front().size() >= 15, "front size " + r.front().size());
    }

    private static double[] zdt1(Arch a) {
        int n = a.values().size();
        double f1 = a.getInt("x0") / 20.0;
        double g = 0;
        for (int v = 1; v < n; v++) {
            g += a.getInt("x" + v) / 20.0;
        }
        g = 1 + 9 * g / (n - 1);
        return new double[] {f1, g * (1 - Math.sqrt(f1 / g))};
    }

    /**
     * CONSTR (Deb 2001): minimize x1 and (1 + x2) / x1 subject to x2 + 9 x1 >= 6 and 9 x1 - x2 >= 1,
     * x1 in [0.1, 1], x2 in [0, 5]. Front: x2 = 6 - 9 x1 for x1 in [0.39, 0.67], x2 = 0 beyond. Every
     * front member must be feasible and within grid error (0.15) of the front, which it must span.
     */
    @Test
    void recoversTheConstrainedFrontOfConstr() {
        SearchSpace space = new SearchSpace("constr", List.of(Dimension.integer("a", range(91)),
                Dimension.integer("b", range(101))), ArchNotation.KEY_VALUE);
        Nsga2.Result r = Nsga2.run(space, a -> {
            double x1 = 0.1 + a.getInt("a") * 0.01;
            double x2 = a.getInt("b") * 0.05;
            double violation = Math.max(0, 6 - x2 - 9 * x1) + Math.max(0, 1 - 9 * x1 + x2);
            return Optional.of(new Nsga2.Individual(a, new double[] {x1, (1 + x2) / x1}, violation));
        }, List.of(), 60, 250, 0.3, new SplittableRandom(3));
        double lo = 1;
        double hi = 0;
        for (Nsga2.Individual i : r.front()) {
            assertEquals(0, i.violation(), "front member is infeasible: " + i.arch().id());
            double x1 = i.objectives()[0];
            double best = x1 <= 2.0 / 3 ? (7 - 9 * x1) / x1 : 1 / x1;
            assertTrue(i.objectives()[1] <= best + 0.15 && i.objectives()[1] >= best - 1e-9,
                    "f2 " + i.objectives()[1] + " at f1 " + x1 + " vs the front's " + best);
            lo = Math.min(lo, x1);
            hi = Math.max(hi, x1);
        }
        assertTrue(lo <= 0.42 && hi >= 0.98, "front spans f1 in [" + lo + ", " + hi + "]");
    }

    private static int[] range(int n) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }
}
