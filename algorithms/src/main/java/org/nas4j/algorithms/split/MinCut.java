package org.nas4j.algorithms.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The balanced partition of a choice's values into {@code k} groups with the least agreement across
 * it: on the complete graph weighted by gradient-match scores, the partition (group sizes differing
 * by at most one) with the smallest total score between values of different groups. Found by
 * enumeration, which is exact and cheap for the few values a choice has.
 */
public final class MinCut {

    /** Enumeration handles at most this many values. */
    public static final int MAX_VALUES = 20;
    /** With more than two groups, at most this many values (the partitions grow as k^n / k!). */
    public static final int MAX_VALUES_MULTIWAY = 13;

    /**
     * @param groups value indices of each group, ascending; groups ordered by their first value
     * @param score the summed scores between values of different groups
     * @param crossPairs how many pairs of values the partition separates
     */
    public record Cut(List<List<Integer>> groups, double score, int crossPairs) {

        /** @return the mean score of a separated pair (lower: the groups disagree more) */
        public double meanScore() {
            return score / crossPairs;
        }
    }

    private MinCut() {}

    /**
     * @param scores symmetric score matrix over the values (the diagonal is ignored)
     * @return the balanced bipartition of least total score
     */
    public static Cut best(double[][] scores) {
        return best(scores, 2);
    }

    /**
     * @param scores symmetric score matrix over the values (the diagonal is ignored)
     * @param k groups wanted, at least 2 and at most the number of values
     * @return the balanced k-way partition of least total score
     */
    public static Cut best(double[][] scores, int k) {
        int n = scores.length;
        if (n < 2 || n > MAX_VALUES || (k > 2 && n > MAX_VALUES_MULTIWAY)) {
            throw new IllegalArgumentException("need 2.." + (k > 2 ? MAX_VALUES_MULTIWAY : MAX_VALUES) + " values, got " + n);
        }
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("cannot split " + n + " values into " + k + " groups");
        }
        for (double[] row : scores) {
            if (row.length != n) {
                throw new IllegalArgumentException("score matrix is not square");
            }
        }
        Search search = new Search(scores, k);
        search.assign(0, 0);
        return search.best;
    }

    /** Depth-first over restricted growth strings (group g opens only after groups 0..g-1), so each partition is seen once. */
    private static final class Search {
        private final double[][] scores;
        private final int k;
        private final int largest;
        private final int smallest;
        private final int[] group;
        private final int[] sizes;
        private Cut best;

        Search(double[][] scores, int k) {
            this.scores = scores;
            this.k = k;
            int n = scores.length;
            this.largest = (n + k - 1) / k;
            this.smallest = n / k;
            this.group = new int[n];
            this.sizes = new int[k];
        }

        void assign(int value, int opened) {
            int n = group.length;
            if (value == n) {
                if (opened == k && Arrays.stream(sizes).allMatch(s -> s >= smallest)) {
                    consider();
                }
                return;
            }
            // too few values left to open the remaining groups
            if (k - opened > n - value) {
                return;
            }
            for (int g = 0; g <= Math.min(opened, k - 1); g++) {
                if (sizes[g] == largest) {
                    continue;
                }
                group[value] = g;
                sizes[g]++;
                assign(value + 1, Math.max(opened, g + 1));
                sizes[g]--;
            }
        }

        private void consider() {
            double cut = 0;
            int pairs = 0;
            for (int i = 0; i < group.length; i++) {
                for (int j = i + 1; j < group.length; j++) {
                    if (group[i] != group[j]) {
                        cut += (scores[i][j] + scores[j][i]) / 2;
                        pairs++;
                    }
                }
            }
            if (best == null || cut < best.score()) {
                List<List<Integer>> groups = new ArrayList<>();
                for (int g = 0; g < k; g++) {
                    List<Integer> members = new ArrayList<>();
                    for (int i = 0; i < group.length; i++) {
                        if (group[i] == g) {
                            members.add(i);
                        }
                    }
                    groups.add(List.copyOf(members));
                }
                best = new Cut(List.copyOf(groups), cut, pairs);
            }
        }
    }
}
