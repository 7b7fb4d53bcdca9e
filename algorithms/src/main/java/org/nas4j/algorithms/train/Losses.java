package org.nas4j.algorithms.train;

import ai.djl.ndarray.NDArray;

/** The losses of supernet training, composed from differentiable ops. */
public final class Losses {

    private Losses() {}

    /**
     * @param logits {@code (N, K)}
     * @param labels {@code (N)} class indices
     * @param smoothing label smoothing ε: the target is {@code (1-ε)·onehot + ε/K}
     * @return the mean cross-entropy against the smoothed labels
     */
    public static NDArray smoothedCrossEntropy(NDArray logits, NDArray labels, float smoothing) {
        long k = logits.getShape().get(1);
        NDArray target = labels.oneHot((int) k).muli(1 - smoothing).addi(smoothing / k);
        return logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg().mean();
    }

    /**
     * @param logits the student's {@code (N, K)}
     * @param teacher the teacher's probabilities {@code (N, K)}, detached
     * @return the mean soft cross-entropy (KL divergence up to the teacher's entropy)
     */
    public static NDArray softCrossEntropy(NDArray logits, NDArray teacher) {
        return logits.logSoftmax(1).mul(teacher).sum(new int[] {1}).neg().mean();
    }

    /**
     * The regression loss of graph tasks (L1, as the SWL paper's models train), also against a
     * teacher's detached predictions under distillation.
     *
     * @param predictions {@code (N, K)}
     * @param targets {@code (N, K)}
     * @return the mean absolute error
     */
    public static NDArray meanAbsoluteError(NDArray predictions, NDArray targets) {
        return predictions.sub(targets).abs().mean();
    }
}
