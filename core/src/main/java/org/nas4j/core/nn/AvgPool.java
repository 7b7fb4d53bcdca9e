package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Square average pooling as a block exporters can read; padding is excluded from the average
 * (PyTorch's {@code count_include_pad=False}, ONNX's {@code count_include_pad=0}).
 */
public final class AvgPool extends AbstractBlock {

    private final int kernel;
    private final int stride;
    private final int padding;

    /**
     * @param kernel window side
     * @param stride step
     * @param padding zero border, not counted in the averages
     */
    public AvgPool(int kernel, int stride, int padding) {
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    public int kernel() {
        return kernel;
    }

    public int stride() {
        return stride;
    }

    public int padding() {
        return padding;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(inputs.singletonOrThrow(), kernel, stride, padding));
    }

    /**
     * @param x a batch {@code (N, C, H, W)}
     * @param kernel window side
     * @param stride step
     * @param padding zero border, not counted in the averages
     * @return the pooled batch
     */
    public static NDArray apply(NDArray x, int kernel, int stride, int padding) {
        Shape k = new Shape(kernel, kernel);
        Shape s = new Shape(stride, stride);
        Shape p = new Shape(padding, padding);
        // DJL's avgPool2d ignores countIncludePad=false on LibTorch (it always counts the padding), so
        // divide by the share of each window that lies inside the image
        NDArray included = Pool.avgPool2d(x, k, s, p, false, true);
        if (padding == 0) {
            return included;
        }
        Shape map = x.getShape();
        NDArray inside = Pool.avgPool2d(x.getManager().ones(new Shape(1, 1, map.get(2), map.get(3))), k, s, p, false, true);
        return included.div(inside);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        long h = (s.get(2) + 2L * padding - kernel) / stride + 1;
        long w = (s.get(3) + 2L * padding - kernel) / stride + 1;
        return new Shape[] {new Shape(s.get(0), s.get(1), h, w)};
    }
}
