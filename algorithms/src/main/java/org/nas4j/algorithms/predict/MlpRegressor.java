package org.nas4j.algorithms.predict;

import java.util.SplittableRandom;

/**
 * A one-hidden-layer perceptron (ReLU), trained full-batch with Adam on standardized targets: small
 * enough for plain Java, and deterministic for its seed.
 */
public final class MlpRegressor implements Regressor {

    private final int hidden;
    private final int epochs;
    private final long seed;
    private double[][] w1;
    private double[] b1;
    private double[] w2;
    private double b2;
    private double yMean;
    private double yStd;

    /**
     * @param hidden hidden units
     * @param epochs full-batch Adam steps
     * @param seed the initialization's seed
     */
    public MlpRegressor(int hidden, int epochs, long seed) {
        this.hidden = hidden;
        this.epochs = epochs;
        this.seed = seed;
    }

    @Override
    public void fit(double[][] x, double[] y) {
        int n = x.length;
        int d = x[0].length;
        yMean = 0;
        for (double v : y) {
            yMean += v / n;
        }
        double var = 0;
        for (double v : y) {
            var += (v - yMean) * (v - yMean) / n;
        }
        yStd = Math.sqrt(var) + 1e-12;
        SplittableRandom rng = new SplittableRandom(seed);
        w1 = new double[hidden][d];
        b1 = new double[hidden];
        w2 = new double[hidden];
        b2 = 0;
        double scale1 = Math.sqrt(2.0 / d);
        double scale2 = Math.sqrt(1.0 / hidden);
        for (int h = 0; h < hidden; h++) {
            for (int j = 0; j < d; j++) {
                w1[h][j] = gaussian(rng) * scale1;
            }
            w2[h] = gaussian(rng) * scale2;
        }
        Adam adam = new Adam(hidden * d + 2 * hidden + 1);
        double[] grad = new double[hidden * d + 2 * hidden + 1];
        double[] a = new double[hidden];
        for (int epoch = 0; epoch < epochs; epoch++) {
            java.util.Arrays.fill(grad, 0);
            for (int i = 0; i < n; i++) {
                double out = b2;
                for (int h = 0; h < hidden; h++) {
                    double z = b1[h];
                    for (int j = 0; j < d; j++) {
                        z += w1[h][j] * x[i][j];
                    }
                    a[h] = Math.max(0, z);
                    out += w2[h] * a[h];
                }
                double err = 2 * (out - (y[i] - yMean) / yStd) / n;
                for (int h = 0; h < hidden; h++) {
                    grad[hidden * d + hidden + h] += err * a[h];
                    if (a[h] > 0) {
                        double back = err * w2[h];
                        grad[hidden * d + h] += back;
                        for (int j = 0; j < d; j++) {
                            grad[h * d + j] += back * x[i][j];
                        }
                    }
                }
                grad[grad.length - 1] += err;
            }
            // weight decay keeps the few-sample fits smooth
            for (int h = 0; h < hidden; h++) {
                for (int j = 0; j < d; j++) {
                    grad[h * d + j] += 1e-3 * w1[h][j];
                }
            }
            double[] step = adam.step(grad);
            for (int h = 0; h < hidden; h++) {
                for (int j = 0; j < d; j++) {
                    w1[h][j] -= step[h * d + j];
                }
                b1[h] -= step[hidden * d + h];
                w2[h] -= step[hidden * d + hidden + h];
            }
            b2 -= step[step.length - 1];
        }
    }

    @Override
    public double predict(double[] x) {
        double out = b2;
        for (int h = 0; h < hidden; h++) {
            double z = b1[h];
            for (int j = 0; j < x.length; j++) {
                z += w1[h][j] * x[j];
            }
            out += w2[h] * Math.max(0, z);
        }
        return out * yStd + yMean;
    }

    @Override
    public String name() {
        return "mlp";
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** Adam's moment estimates over one flat parameter vector. */
    private static final class Adam {
        private static final double LR = 0.01;
        private static final double B1 = 0.9;
        private static final double B2 = 0.999;
        private final double[] m;
        private final double[] v;
        private int t;

        Adam(int size) {
            m = new double[size];
            v = new double[size];
        }

        double[] step(double[] g) {
            t++;
            double[] s = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                m[i] = B1 * m[i] + (1 - B1) * g[i];
                v[i] = B2 * v[i] + (1 - B2) * g[i] * g[i];
                double mh = m[i] / (1 - Math.pow(B1, t));
                double vh = v[i] / (1 - Math.pow(B2, t));
                s[i] = LR * mh / (Math.sqrt(vh) + 1e-8);
            }
            return s;
        }
    }
}
