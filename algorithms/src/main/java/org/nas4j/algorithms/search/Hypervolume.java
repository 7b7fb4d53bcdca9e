package org.nas4j.algorithms.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The hypervolume a set of points dominates, up to a reference point, all objectives minimized:
 * exact, by slicing along the last objective (fine for the hundreds of points a search makes).
 */
public final class Hypervolume {

    private Hypervolume() {}

    /**
     * @param points objective vectors, minimized (points not below the reference everywhere add nothing)
     * @param reference the reference point
     * @return the dominated volume
     */
    public static double of(List<double[]> points, double[] reference) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            boolean below = true;
            for (int k = 0; k < reference.length; k++) {
                below &= p[k] < reference[k];
            }
            if (below) {
                inside.add(p);
            }
        }
        if (inside.isEmpty()) {
            return 0;
        }
        // only non-dominated points add volume, and slicing costs n^m in the points kept
        List<double[]> front = Nsga2.fronts(inside.toArray(double[][]::new)).get(0).stream().map(inside::get).toList();
        return volume(front, reference, reference.length);
    }

    /** The volume over the first {@code m} objectives. */
    private static double volume(List<double[]> points, double[] ref, int m) {
        if (points.isEmpty()) {
            return 0;
        }
        if (m == 1) {
            return ref[0] - points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
        }
        int last = m - 1;
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[last]));
        double total = 0;
        for (int i = 0; i < sorted.size(); i++) {
            double top = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : ref[last];
            double depth = top - sorted.get(i)[last];
            if (depth > 0) {
                total += depth * volume(sorted.subList(0, i + 1), ref, last);
            }
        }
        return total;
    }

    /**
     * Maps evaluations to the unit box for a hypervolume: the accuracy error (100 - accuracy) and
     * each cost divided by a scale, so that the all-ones reference point stands for the worst
     * accuracy and the largest costs that still count.
     *
     * @param e an evaluation
     * @param objectives the objectives
     * @param scale per objective, the error or cost that maps to 1
     * @return the normalized, minimized objective vector
     */
    public static double[] normalized(Evaluation e, List<Objective> objectives, double[] scale) {
        double[] v = new double[objectives.size()];
        for (int k = 0; k < v.length; k++) {
            Objective o = objectives.get(k);
            v[k] = (o.maximized() ? 100 - e.value(o) : e.value(o)) / scale[k];
        }
        return v;
    }

    /** @return the all-ones reference point of normalized objectives, {@code m} long */
    public static double[] unitReference(int m) {
        double[] r = new double[m];
        Arrays.fill(r, 1);
        return r;
    }
}
