package org.nas4j.core.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Square max pooling with padding {@code kernel / 2}, as a block exporters can read. */
public final class MaxPool extends AbstractBlock {

    private final int kernel;
    private final int stride;

    /**
     * @param kernel window side (odd)
     * @param stride step
     */
    public MaxPool(int kernel, int stride) {
        this.kernel = kernel;
        this.stride = stride;
    }

    public int kernel() {
        return kernel;
    }

    public int stride() {
        return stride;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        int pad = kernel / 2;
        return new NDList(Pool.maxPool2d(inputs.singletonOrThrow(), new Shape(kernel, kernel), new Shape(stride, stride),
                new Shape(pad, pad), false));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), s.get(1), (s.get(2) - 1) / stride + 1, (s.get(3) - 1) / stride + 1)};
    }
}
