package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code (x - mean) / std} per channel on {@code (N, C, H, W)} images in [0, 1]: the first layer of
 * an exported model, so that callers feed plain pixels and the model applies the normalization it
 * was trained with.
 */
public final class InputNormalization extends AbstractBlock {

    private final float[] mean;
    private final float[] std;

    /**
     * @param mean per-channel mean of pixels in [0, 1]
     * @param std per-channel standard deviation
     */
    public InputNormalization(float[] mean, float[] std) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " channels, std " + std.length);
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    public float[] mean() {
        return mean.clone();
    }

    public float[] std() {
        return std.clone();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDManager m = x.getManager();
        Shape perChannel = new Shape(mean.length, 1, 1);
        return new NDList(x.sub(m.create(mean, perChannel)).div(m.create(std, perChannel)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
