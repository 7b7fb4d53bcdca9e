package org.nas4j.core.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A parameter-free block applying one {@link Activation}; exporters read which one. */
public final class ActivationBlock extends AbstractBlock {

    private final Activation activation;

    /** @param activation the nonlinearity */
    public ActivationBlock(Activation activation) {
        this.activation = activation;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(activation.apply(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
