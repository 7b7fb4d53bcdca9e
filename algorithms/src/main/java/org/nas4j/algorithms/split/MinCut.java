package org.nas4j.algorithms.split;

import java.util.ArrayList;
import java.util.List;

/**
 * The balanced bipartition of a choice's values with the least agreement across it: on the
 * complete graph weighted by gradient-match scores, the cut (two groups whose sizes differ by at
 * most one) with the smallest total score between the groups. Found by enumeration, which is exact
 * and cheap for the few values a choice has.
 */
public final class MinCut {

    /** Enumeration handles at most this many values (2^20 subsets). */
    public static final int MAX_VALUES = 20;

    /**
     * @param left value indices of one group, ascending
     * @param right the others, ascending
     * @param score the summed scores between the groups
     */
    public record Cut(List<Integer> left, List<Integer> right, double score) {}

    private MinCut() {}

    /**
     * @param scores symmetric score matrix over the values (the diagonal is ignored)
     * @return the balanced cut of least total score; the group holding value 0 comes first
     */
    public static Cut best(double[][] scores) {
        int n = scores.length;
        if (n < 2 || n > MAX_VALUES) {
            throw new IllegalArgumentException("need 2.." + MAX_VALUES + " values, got " + n);
        }
        for (double[] row : scores) {
            if (row.length != n) {
                throw new IllegalArgumentException("score matrix is not square");
            }
        }
        Cut best = null;
        // value 0 always on the left, so each cut is seen once
        for (int mask = 1; mask < (1 << n); mask += 2) {
            int size = Integer.bitCount(mask);
            if (Math.abs(n - 2 * size) > 1) {
                continue;
            }
            double cut = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if ((mask >> i & 1) == 1 && (mask >> j & 1) == 0) {
                        cut += scores[i][j];
                    }
                }
            }
            if (best == null || cut < best.score()) {
                List<Integer> left = new ArrayList<>();
                List<Integer> right = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    ((mask >> i & 1) == 1 ? left : right).add(i);
                }
                best = new Cut(List.copyOf(left), List.copyOf(right), cut);
            }
        }
        return best;
    }
}
