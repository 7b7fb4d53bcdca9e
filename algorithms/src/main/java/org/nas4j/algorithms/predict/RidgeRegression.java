package org.nas4j.algorithms.predict;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Linear least squares with an L2 penalty (the reference system's accuracy and latency predictor),
 * the penalty chosen from a grid by exact leave-one-out error.
 */
public final class RidgeRegression implements Regressor {

    private static final double[] PENALTIES = {1e-3, 1e-2, 1e-1, 1, 10, 100};

    private double[] weights;
    private double intercept;

    @Override
    public void fit(double[][] x, double[] y) {
        int n = x.length;
        int d = x[0].length;
        double[] xMean = new double[d];
        double yMean = 0;
        for (int i = 0; i < n; i++) {
            yMean += y[i] / n;
            for (int j = 0; j < d; j++) {
                xMean[j] += x[i][j] / n;
            }
        }
        RealMatrix xc = MatrixUtils.createRealMatrix(n, d);
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = y[i] - yMean;
            for (int j = 0; j < d; j++) {
                xc.setEntry(i, j, x[i][j] - xMean[j]);
            }
        }
        RealMatrix gram = xc.transpose().multiply(xc);
        double bestError = Double.POSITIVE_INFINITY;
        for (double penalty : PENALTIES) {
            RealMatrix a = gram.add(MatrixUtils.createRealIdentityMatrix(d).scalarMultiply(penalty));
            RealMatrix inverse = new CholeskyDecomposition(a, 1e-12, 1e-14).getSolver().getInverse();
            double[] w = inverse.operate(xc.transpose().operate(yc));
            // leave-one-out residual of ridge: r_i / (1 - h_ii), h = X (X'X + aI)^-1 X'
            double error = 0;
            for (int i = 0; i < n; i++) {
                double[] row = xc.getRow(i);
                double fit = 0;
                double h = 0;
                double[] hx = inverse.operate(row);
                for (int j = 0; j < d; j++) {
                    fit += row[j] * w[j];
                    h += row[j] * hx[j];
                }
                double r = (yc[i] - fit) / Math.max(1 - h, 1e-9);
                error += r * r;
            }
            if (error < bestError) {
                bestError = error;
                weights = w;
                double b = yMean;
                for (int j = 0; j < d; j++) {
                    b -= w[j] * xMean[j];
                }
                intercept = b;
            }
        }
    }

    @Override
    public double predict(double[] x) {
        double v = intercept;
        for (int j = 0; j < x.length; j++) {
            v += weights[j] * x[j];
        }
        return v;
    }

    @Override
    public String name() {
        return "ridge";
    }
}
