package org.nas4j.algorithms.ranking;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.hipparchus.stat.correlation.KendallsCorrelation;
import org.hipparchus.stat.correlation.SpearmansCorrelation;

/**
 * How well a supernet's estimates rank architectures against their true accuracies: Kendall's τ
 * (τ-b, ties handled), Spearman's ρ, and τ within the best fraction by true accuracy, where a
 * search's decision is made.
 */
public final class RankCorrelation {

    private RankCorrelation() {}

    /**
     * @param truth true accuracies
     * @param estimate the estimates, same order
     * @return Kendall's τ-b
     */
    public static double kendallTau(double[] truth, double[] estimate) {
        check(truth, estimate, 2);
        return new KendallsCorrelation().correlation(truth, estimate);
    }

    /**
     * @param truth true accuracies
     * @param estimate the estimates, same order
     * @return Spearman's ρ (average ranks for ties)
     */
    public static double spearmanRho(double[] truth, double[] estimate) {
        check(truth, estimate, 2);
        return new SpearmansCorrelation().correlation(truth, estimate);
    }

    /**
     * @param truth true accuracies
     * @param estimate the estimates, same order
     * @param fraction the best share by true accuracy to keep, in (0, 1] (0.1: the top 10%)
     * @return Kendall's τ-b over those architectures (at least two are kept)
     */
    public static double topKendallTau(double[] truth, double[] estimate, double fraction) {
        check(truth, estimate, 2);
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], not " + fraction);
        }
        int keep = Math.max(2, (int) Math.ceil(truth.length * fraction));
        int[] best = IntStream.range(0, truth.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> truth[i]).reversed())
                .limit(keep).mapToInt(Integer::intValue).toArray();
        return kendallTau(pick(truth, best), pick(estimate, best));
    }

    private static double[] pick(double[] values, int[] at) {
        return Arrays.stream(at).mapToDouble(i -> values[i]).toArray();
    }

    private static void check(double[] truth, double[] estimate, int min) {
        if (truth.length != estimate.length) {
            throw new IllegalArgumentException(truth.length + " true values but " + estimate.length + " estimates");
        }
        if (truth.length < min) {
            throw new IllegalArgumentException("need at least " + min + " architectures, got " + truth.length);
        }
    }
}
