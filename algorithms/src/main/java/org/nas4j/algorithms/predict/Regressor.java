package org.nas4j.algorithms.predict;

/** A model of one objective from arch features, refit from scratch on every call to {@link #fit}. */
public interface Regressor {

    /**
     * @param x features, one row per evaluated arch
     * @param y the measured objective
     */
    void fit(double[][] x, double[] y);

    /** @return the predicted objective of one feature row */
    double predict(double[] x);

    /** @return a short name for reports */
    String name();
}
