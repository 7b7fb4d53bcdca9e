package org.nas4j.runs;

/**
 * An estimator's scores of a truth's archs, in the truth's order.
 *
 * @param name the estimator, e.g. {@code params} or {@code rsps300a@100 acc}
 * @param epoch the supernet snapshot's epoch; -1 for an estimator without one
 * @param scores one per arch, higher is better
 */
public record Estimator(String name, int epoch, double[] scores) {}
