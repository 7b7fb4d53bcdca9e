package org.nas4j.algorithms.split;

import java.util.List;

/**
 * How much two averaged gradients of the shared weights agree (GM-NAS): higher means the two
 * choices want the same update and may keep sharing weights.
 */
public enum GradientMatch {
    /** Cosine of the two gradients, flattened into one vector: 1 identical, −1 opposite. */
    COSINE,
    /**
     * Cosine per output filter (row of each weight of two or more dimensions), averaged over all
     * filters; vectors such as biases and batch-norm scales are left out, as in the reference code.
     */
    PER_FILTER_COSINE,
    /** Minus the mean squared difference: 0 identical, lower the further apart. */
    NEGATIVE_MSE;

    /**
     * One parameter's averaged gradient.
     *
     * @param shape its shape; dimension 0 counts the filters
     * @param values its values, row-major
     */
    public record Gradient(long[] shape, float[] values) {}

    /**
     * @param a the gradient of the shared weights under one choice
     * @param b the same parameters' gradient under another
     * @return the score
     */
    public double score(List<Gradient> a, List<Gradient> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException(a.size() + " parameters against " + b.size());
        }
        return switch (this) {
            case COSINE -> cosine(a, b);
            case PER_FILTER_COSINE -> perFilter(a, b);
            case NEGATIVE_MSE -> -meanSquaredDifference(a, b);
        };
    }

    private static double cosine(List<Gradient> a, List<Gradient> b) {
        double[] sums = new double[3];
        for (int p = 0; p < a.size(); p++) {
            float[] x = values(a.get(p), b.get(p));
            accumulate(x, b.get(p).values(), 0, x.length, sums);
        }
        return cosine(sums);
    }

    private static double perFilter(List<Gradient> a, List<Gradient> b) {
        double sum = 0;
        long filters = 0;
        for (int p = 0; p < a.size(); p++) {
            float[] x = values(a.get(p), b.get(p));
            if (a.get(p).shape().length < 2) {
                continue;
            }
            int rows = (int) a.get(p).shape()[0];
            int width = x.length / rows;
            for (int r = 0; r < rows; r++) {
                double[] sums = new double[3];
                accumulate(x, b.get(p).values(), r * width, (r + 1) * width, sums);
                sum += cosine(sums);
                filters++;
            }
        }
        return filters == 0 ? 0 : sum / filters;
    }

    /** Adds {@code x·y}, {@code x·x} and {@code y·y} over {@code [from, to)} to {@code sums}. */
    private static void accumulate(float[] x, float[] y, int from, int to, double[] sums) {
        for (int i = from; i < to; i++) {
            sums[0] += (double) x[i] * y[i];
            sums[1] += (double) x[i] * x[i];
            sums[2] += (double) y[i] * y[i];
        }
    }

    /** @return the cosine from accumulated sums; 0 when either vector is zero */
    private static double cosine(double[] sums) {
        return sums[1] == 0 || sums[2] == 0 ? 0 : sums[0] / Math.sqrt(sums[1] * sums[2]);
    }

    private static double meanSquaredDifference(List<Gradient> a, List<Gradient> b) {
        double sum = 0;
        long n = 0;
        for (int p = 0; p < a.size(); p++) {
            float[] x = values(a.get(p), b.get(p));
            float[] y = b.get(p).values();
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - y[i];
                sum += d * d;
            }
            n += x.length;
        }
        return n == 0 ? 0 : sum / n;
    }

    private static float[] values(Gradient a, Gradient b) {
        if (a.values().length != b.values().length) {
            throw new IllegalArgumentException("gradients of " + a.values().length + " and " + b.values().length + " values");
        }
        return a.values();
    }
}
