package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** {@code body(x) + x}: a residual connection around a shape-preserving body. */
public final class Residual extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final Block body;

    /** @param body the residual branch; its output has its input's shape */
    public Residual(Block body) {
        super(VERSION);
        this.body = addChildBlock("body", body);
    }

    public Block body() {
        return body;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(body.forward(ps, inputs, training).singletonOrThrow().add(x));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
