package org.nas4j.core.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Global average pooling {@code (N, C, H, W) -> (N, C)} as a block exporters can recognise. */
public final class GlobalAvgPool extends AbstractBlock {

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(Pool.globalAvgPool2d(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1))};
    }
}
