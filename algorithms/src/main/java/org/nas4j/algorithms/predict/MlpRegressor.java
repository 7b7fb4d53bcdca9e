package org.nas4j.algorithms.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nas4j.core.nn.Scale;
import org.nas4j.algorithms.train.Adam;

/**
 * A one-hidden-layer perceptron (ReLU), trained full-batch with Adam on standardized targets, and
 * deterministic for its seed; it predicts in plain Java.
 */
public final class MlpRegressor implements Regressor {

    private static final double LEARNING_RATE = 0.01;

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
        fitWeights(x, y);
    }

    /** Full-batch Adam (lr 0.01) on the mean squared error of the standardized targets, plus L2 on the first layer. */
    private void fitWeights(double[][] x, double[] y) {
        int n = x.length;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray inputs = m.create(toFloat(x));
            float[] targets = new float[n];
            for (int i = 0; i < n; i++) {
                targets[i] = (float) ((y[i] - yMean) / yStd);
            }
            NDArray target = m.create(targets);
            // the first layer as (inputs, hidden units), so the forward pass needs no transpose
            NDArray first = m.create(toFloat(transpose(w1)));
            NDArray firstBias = m.create(toFloat(new double[][] {b1})).reshape(-1);
            NDArray second = m.create(toFloat(new double[][] {w2})).reshape(-1);
            NDArray secondBias = m.create(new float[] {(float) b2});
            Map<String, NDArray> weights = new LinkedHashMap<>();
            weights.put("w1", first);
            weights.put("b1", firstBias);
            weights.put("w2", second);
            weights.put("b2", secondBias);
            weights.values().forEach(w -> w.setRequiresGradient(true));
            Adam adam = new Adam(weights, m, 0.9f, 0f);
            for (int epoch = 0; epoch < epochs; epoch++) {
                try (NDManager step = m.newSubManager()) {
                    try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                        // the inputs are copied into the step, so every result of the forward pass lands there too
                        NDArray xs = inputs.duplicate();
                        xs.attach(step);
                        NDArray hiddenOut = Activation.relu(xs.matMul(first).add(firstBias));
                        NDArray out = hiddenOut.matMul(second).add(secondBias);
                        NDArray squares = first.square();
                        squares.attach(step);
                        // weight decay keeps the few-sample fits smooth: L2 on the first layer, as a loss term
                        NDArray loss = out.sub(target).square().mean().add(Scale.by(squares.sum(), 0.5e-3f));
                        gc.backward(loss);
                    }
                    // outside the collector: the update is no part of the graph
                    adam.step(LEARNING_RATE, step);
                }
            }
            w1 = transpose(toDouble(first.toFloatArray(), x[0].length));
            b1 = toDouble(firstBias.toFloatArray(), 1)[0];
            w2 = toDouble(second.toFloatArray(), 1)[0];
            b2 = secondBias.toFloatArray()[0];
        }
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static float[][] toFloat(double[][] a) {
        float[][] out = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new float[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = (float) a[i][j];
            }
        }
        return out;
    }

    private static double[][] toDouble(float[] flat, int rows) {
        int cols = flat.length / rows;
        double[][] out = new double[rows][cols];
        for (int i = 0; i < flat.length; i++) {
            out[i / cols][i % cols] = flat[i];
        }
        return out;
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
}
