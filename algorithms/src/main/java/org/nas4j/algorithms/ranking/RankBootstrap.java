package org.nas4j.algorithms.ranking;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap over architectures for rank statistics: resample the scored archs with
 * replacement, recompute the statistic, keep the 2.5th and 97.5th percentiles. Paired: two
 * estimators scored on the same resamples, so their difference's interval accounts for their
 * correlation (the same hard archs trip both).
 */
public final class RankBootstrap {

    /** A rank statistic of truth against an estimate. */
    @FunctionalInterface
    public interface Statistic {
        /**
         * @param truth true values
         * @param estimate estimates, same order
         * @return the statistic
         */
        double of(double[] truth, double[] estimate);
    }

    /**
     * A point estimate with its 95% interval.
     *
     * @param value the statistic on all archs
     * @param low 2.5th percentile over resamples
     * @param high 97.5th percentile over resamples
     */
    public record Interval(double value, double low, double high) {

        /** @return whether the interval lies wholly above zero */
        public boolean aboveZero() {
            return low > 0;
        }
    }

    private final int resamples;
    private final long seed;

    /**
     * @param resamples bootstrap resamples (2,000 is plenty for 95% percentile intervals)
     * @param seed seed of the resampling
     */
    public RankBootstrap(int resamples, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("need at least 100 resamples, not " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    /**
     * @param truth true values
     * @param estimate estimates, same order
     * @param statistic what to compute
     * @return the statistic with its 95% interval
     */
    public Interval interval(double[] truth, double[] estimate, Statistic statistic) {
        return paired(truth, estimate, null, statistic);
    }

    /**
     * @param truth true values
     * @param a one estimator
     * @param b another, same archs and order
     * @param statistic what to compute
     * @return {@code statistic(a) - statistic(b)} with its paired 95% interval
     */
    public Interval difference(double[] truth, double[] a, double[] b, Statistic statistic) {
        return paired(truth, a, b, statistic);
    }

    private Interval paired(double[] truth, double[] a, double[] b, Statistic statistic) {
        int n = truth.length;
        double value = statistic.of(truth, a) - (b == null ? 0 : statistic.of(truth, b));
        SplittableRandom rng = new SplittableRandom(seed);
        double[] draws = new double[resamples];
        double[] t = new double[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                int k = rng.nextInt(n);
                t[i] = truth[k];
                x[i] = a[k];
                y[i] = b == null ? 0 : b[k];
            }
            double d = statistic.of(t, x) - (b == null ? 0 : statistic.of(t, y));
            draws[r] = Double.isNaN(d) ? 0 : d;
        }
        Arrays.sort(draws);
        return new Interval(value, draws[(int) Math.floor(0.025 * (resamples - 1))],
                draws[(int) Math.ceil(0.975 * (resamples - 1))]);
    }
}
