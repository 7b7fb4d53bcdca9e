package org.nas4j.algorithms.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.train.StepPlan;

/**
 * One optimizer step on one batch: forward and backward of every child of the plan (gradients
 * accumulate), then one update. The first child learns from smoothed labels; under distillation the
 * others learn from its detached soft predictions. With float labels (graph regression) the loss is
 * the mean absolute error, against the labels or the first child's detached predictions.
 */
public final class TrainingStep {

    private final Supernet net;
    private final ParameterStore ps;
    private final SupernetOptimizer optimizer;
    private final float labelSmoothing;

    /**
     * @param net the supernet
     * @param ps its parameter store
     * @param optimizer its optimizer
     * @param labelSmoothing label smoothing of the label-trained child
     */
    public TrainingStep(Supernet net, ParameterStore ps, SupernetOptimizer optimizer, float labelSmoothing) {
        this.net = net;
        this.ps = ps;
        this.optimizer = optimizer;
        this.labelSmoothing = labelSmoothing;
    }

    /**
     * What one step did.
     *
     * @param loss the first child's loss
     * @param gradientNorm the global gradient norm before clipping; not finite when the update was skipped
     */
    public record Result(float loss, float gradientNorm) {

        /** @return whether the update was applied */
        public boolean applied() {
            return Float.isFinite(gradientNorm);
        }
    }

    /**
     * @param x the batch's inputs, in the step's manager (everything the step makes goes there)
     * @param y its labels: {@code (N)} classes, {@code (N, T)} tokens with -1 where there is none, or float {@code (N, K)} values
     * @param plan the children to train
     * @param learningRate this step's rate
     * @return the first child's loss and the gradient norm
     */
    public Result run(NDList x, NDArray y, StepPlan plan, double learningRate) {
        return run(x, y, plan, null, 0, learningRate);
    }

    /**
     * A step whose update also carries landmark regularization: the hinge {@code weight · max(0,
     * loss(better) − loss(worse))} on the same batch ({@link LandmarkRanking}): two more forward
     * passes, and two more backward passes while the pair is out of order.
     *
     * @param x the batch's inputs, in the step's manager
     * @param y its labels
     * @param plan the children to train
     * @param landmarks a pair of landmarks to order, or null for none
     * @param weight the hinge's weight
     * @param learningRate this step's rate
     * @return the first child's loss and the gradient norm
     */
    public Result run(NDList x, NDArray y, StepPlan plan, LandmarkRanking.Pair landmarks, float weight,
            double learningRate) {
        boolean regression = isRegression(y);
        NDArray labelled = regression ? null : labelled(y);
        NDArray labels = labelled == null ? y : y.flatten().get(labelled);
        NDArray teacher = null;
        float firstLoss = 0;
        for (int i = 0; i < plan.children().size(); i++) {
            Arch child = plan.children().get(i);
            StepPlan.Gates gates = plan.gates().get(i);
            net.activate(child);
            try (GradientCollector gc = y.getManager().getEngine().newGradientCollector()) {
                if (gates != null) {
                    net.gate(gates.oneHots());
                }
                NDArray logits = predictions(net.forward(ps, x, true).singletonOrThrow(), labelled);
                NDArray loss;
                if (teacher == null) {
                    loss = regression ? Losses.meanAbsoluteError(logits, labels)
                            : Losses.smoothedCrossEntropy(logits, labels, labelSmoothing);
                    if (plan.distill()) {
                        teacher = regression ? logits.stopGradient() : logits.stopGradient().softmax(1);
                    }
                } else {
                    loss = regression ? Losses.meanAbsoluteError(logits, teacher) : Losses.softCrossEntropy(logits, teacher);
                }
                if (i == 0) {
                    firstLoss = loss.getFloat();
                }
                gc.backward(gates == null ? loss : loss.add(gates.penalty()));
            } finally {
                if (gates != null) {
                    net.gate(null);
                }
            }
        }
        if (landmarks != null) {
            orderLandmarks(x, labels, labelled, landmarks, weight);
        }
        float norm = optimizer.step(learningRate, x.head().getManager());
        return new Result(firstLoss, norm);
    }

    /** Accumulates the gradient of the landmark pair's hinge; it is zero once the pair is ordered. */
    private void orderLandmarks(NDList x, NDArray labels, NDArray labelled, LandmarkRanking.Pair pair, float weight) {
        try (GradientCollector gc = labels.getManager().getEngine().newGradientCollector()) {
            NDArray better = labelLoss(x, labels, labelled, pair.better());
            NDArray worse = labelLoss(x, labels, labelled, pair.worse());
            NDArray hinge = better.sub(worse).maximum(0f).mul(weight);
            if (hinge.getFloat() > 0) {
                gc.backward(hinge);
            }
        }
    }

    /** @return a child's loss against the labels (of the labelled positions, for tokens), as training measures it */
    private NDArray labelLoss(NDList x, NDArray labels, NDArray labelled, Arch arch) {
        net.activate(arch);
        NDArray logits = predictions(net.forward(ps, x, true).singletonOrThrow(), labelled);
        return isRegression(labels) ? Losses.meanAbsoluteError(logits, labels)
                : Losses.smoothedCrossEntropy(logits, labels, labelSmoothing);
    }

    /**
     * A child's loss on a batch as training measures it (batch statistics, smoothed labels), without
     * gradients and without changing the weights.
     *
     * @param x the batch's inputs
     * @param y its labels
     * @param child the child
     * @return its loss
     */
    public float loss(NDList x, NDArray y, Arch child) {
        NDArray labelled = isRegression(y) ? null : labelled(y);
        return labelLoss(x, labelled == null ? y : y.flatten().get(labelled), labelled, child).getFloat();
    }

    /** @return whether the labels are values to regress (float) rather than class or token ids */
    private static boolean isRegression(NDArray y) {
        return y.getDataType() == DataType.FLOAT32;
    }

    /** @return for token labels {@code (N, T)}, which positions carry one; null for class labels */
    private static NDArray labelled(NDArray y) {
        return y.getShape().dimension() == 2 ? y.flatten().gte(0) : null;
    }

    /** A sequence model predicts every position: keep one prediction per labelled token. */
    private static NDArray predictions(NDArray logits, NDArray labelled) {
        return labelled == null ? logits : logits.reshape(-1, logits.getShape().getLastDimension()).get(labelled);
    }
}
