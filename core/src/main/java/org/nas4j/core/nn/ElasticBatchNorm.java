package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Batch norm over the leading channels of max-size {@code gamma, beta, runningMean, runningVar}; the
 * width comes from the input. Running statistics are updated in place through the slice, which is
 * why children's statistics must be recalibrated before they are evaluated.
 *
 * <p>Momentum follows DJL's convention ({@code 0.9} here is PyTorch's {@code 0.1}).
 */
public final class ElasticBatchNorm extends AbstractElasticBlock {

    private static final byte VERSION = 1;
    /** DJL-convention momentum used in training (PyTorch 0.1). */
    public static final float TRAIN_MOMENTUM = 0.9f;
    /** Batch-norm epsilon, the same in supernet and extracted children. */
    public static final float EPSILON = 1e-5f;

    private final int maxChannels;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;
    private float momentum = TRAIN_MOMENTUM;

    /**
     * @param maxChannels the largest width
     * @param zeroGamma start with {@code gamma = 0} (BigNAS: the last BN of a residual block, so the
     *     block starts as the identity)
     */
    public ElasticBatchNorm(int maxChannels, boolean zeroGamma) {
        this(maxChannels, zeroGamma, true);
    }

    /**
     * @param maxChannels the largest width
     * @param zeroGamma start with {@code gamma = 0}
     * @param affine whether gamma and beta learn; without, they stay 1 and 0 (a plain normalization,
     *     as in NAS-Bench-201's weight-sharing supernets, where one scale cannot suit every child)
     */
    public ElasticBatchNorm(int maxChannels, boolean zeroGamma, boolean affine) {
        super(VERSION);
        this.maxChannels = maxChannels;
        Shape s = new Shape(maxChannels);
        gamma =
                addParameter(
                        Parameter.builder()
                                .setName("gamma")
                                .setType(Parameter.Type.GAMMA)
                                .optShape(s)
                                .optInitializer(zeroGamma ? Initializer.ZEROS : Initializer.ONES)
                                .optRequiresGrad(affine)
                                .build());
        beta =
                addParameter(
                        Parameter.builder().setName("beta").setType(Parameter.Type.BETA).optShape(s)
                                .optRequiresGrad(affine).build());
        runningMean =
                addParameter(
                        Parameter.builder()
                                .setName("runningMean")
                                .setType(Parameter.Type.RUNNING_MEAN)
                                .optShape(s)
                                .optRequiresGrad(false)
                                .build());
        runningVar =
                addParameter(
                        Parameter.builder()
                                .setName("runningVar")
                                .setType(Parameter.Type.RUNNING_VAR)
                                .optShape(s)
                                .optRequiresGrad(false)
                                .build());
    }

    /**
     * Sets the momentum of the running statistics (DJL convention: new = m * old + (1 - m) * batch).
     * Recalibration uses {@code 1 - 1/i} on batch {@code i}, a cumulative average.
     *
     * @param momentum the momentum
     */
    public void setMomentum(float momentum) {
        this.momentum = momentum;
    }

    /** Resets the running statistics of every channel to mean 0, variance 1. */
    public void resetRunningStats() {
        runningMean.getArray().set(new float[maxChannels]);
        float[] ones = new float[maxChannels];
        java.util.Arrays.fill(ones, 1f);
        runningVar.getArray().set(ones);
    }

    /** @return the running mean (all channels) */
    public NDArray runningMean() {
        return runningMean.getArray();
    }

    /** @return the running variance (all channels) */
    public NDArray runningVar() {
        return runningVar.getArray();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long c = x.getShape().get(1);
        NDManager m = x.getManager();
        return BatchNorm.batchNorm(
                x,
                Slices.leading(ps.getValue(runningMean, x.getDevice(), training), m, c),
                Slices.leading(ps.getValue(runningVar, x.getDevice(), training), m, c),
                Slices.leading(ps.getValue(gamma, x.getDevice(), training), m, c),
                Slices.leading(ps.getValue(beta, x.getDevice(), training), m, c),
                1,
                momentum,
                EPSILON,
                training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /**
     * Queues copying the leading channels (the target's width) into an elastic batch norm of exactly
     * that width: how a child made of elastic blocks gets its statistics and scale.
     *
     * @param target a batch norm whose width is the slice to copy
     * @param copier collects the copies
     */
    public void copyInto(ElasticBatchNorm target, WeightCopier copier) {
        Parameter[] from = {gamma, beta, runningMean, runningVar};
        Parameter[] to = {target.gamma, target.beta, target.runningMean, target.runningVar};
        for (int i = 0; i < from.length; i++) {
            Parameter p = from[i];
            copier.copy(to[i], m -> Slices.leading(p.getArray(), m, target.maxChannels));
        }
    }

    /**
     * @param channels the width it will see
     * @param copier collects the copies of gamma, beta and running statistics
     * @return a DJL {@link BatchNorm} with the same epsilon and momentum
     */
    public BatchNorm toStatic(long channels, WeightCopier copier) {
        BatchNorm bn = BatchNorm.builder().optEpsilon(EPSILON).optMomentum(TRAIN_MOMENTUM).build();
        for (Parameter p : new Parameter[] {gamma, beta, runningMean, runningVar}) {
            copier.copy(bn.getParameters().get(p.getName()), m -> Slices.leading(p.getArray(), m, channels));
        }
        return bn;
    }
}
