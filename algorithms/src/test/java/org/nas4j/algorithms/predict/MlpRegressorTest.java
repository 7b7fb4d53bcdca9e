package org.nas4j.algorithms.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpRegressorTest {

    /** A kink no line can follow: the perceptron fits it, ridge regression cannot; the same seed fits the same. */
    @Test
    void fitsANonlinearTargetThatALineCannotAndRepeatsForItsSeed() {
        SplittableRandom rng = new SplittableRandom(4);
        double[][] x = new double[120][3];
        double[] y = new double[120];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = 2 * rng.nextDouble() - 1;
            }
            y[i] = 3 * Math.abs(x[i][0]) + 0.5 * x[i][1];
        }
        double[][] trainX = java.util.Arrays.copyOfRange(x, 0, 80);
        double[] trainY = java.util.Arrays.copyOfRange(y, 0, 80);
        MlpRegressor mlp = new MlpRegressor(32, 300, 7);
        mlp.fit(trainX, trainY);
        RidgeRegression ridge = new RidgeRegression();
        ridge.fit(trainX, trainY);
        double mlpError = rmse(mlp, x, y);
        double ridgeError = rmse(ridge, x, y);
        assertTrue(mlpError < 0.5 * ridgeError, "held-out RMSE: mlp " + mlpError + ", ridge " + ridgeError);

        MlpRegressor again = new MlpRegressor(32, 300, 7);
        again.fit(trainX, trainY);
        assertEquals(mlp.predict(x[100]), again.predict(x[100]), 1e-6);
    }

    private static double rmse(Regressor r, double[][] x, double[] y) {
        double s = 0;
        for (int i = 80; i < x.length; i++) {
            s += Math.pow(r.predict(x[i]) - y[i], 2);
        }
        return Math.sqrt(s / (x.length - 80));
    }
}
