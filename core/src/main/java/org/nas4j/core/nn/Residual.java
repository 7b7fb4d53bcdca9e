package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** {@code body(x) + shortcut(x)}, the shortcut the identity unless given: a residual connection. */
public final class Residual extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final Block body;
    private final Block shortcut;

    /** @param body the residual branch; its output has its input's shape */
    public Residual(Block body) {
        this(body, null);
    }

    /**
     * @param body the residual branch
     * @param shortcut the other branch, of the same output shape; null for the identity
     */
    public Residual(Block body, Block shortcut) {
        super(VERSION);
        this.body = addChildBlock("body", body);
        this.shortcut = shortcut == null ? null : addChildBlock("shortcut", shortcut);
    }

    public Block body() {
        return body;
    }

    /** @return the shortcut branch, or null for the identity */
    public Block shortcut() {
        return shortcut;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray skip = shortcut == null ? x : shortcut.forward(ps, inputs, training).singletonOrThrow();
        return new NDList(body.forward(ps, inputs, training).singletonOrThrow().add(skip));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return body.getOutputShapes(inputShapes);
    }
}
