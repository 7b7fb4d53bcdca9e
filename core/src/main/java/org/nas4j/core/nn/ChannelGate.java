package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** {@code x * gate(x)}, the gate giving one factor per channel {@code (N, C)}: squeeze-excite. */
public final class ChannelGate extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final Block gate;

    /** @param gate maps {@code (N, C, H, W)} to per-channel factors {@code (N, C)} */
    public ChannelGate(Block gate) {
        super(VERSION);
        this.gate = addChildBlock("gate", gate);
    }

    public Block gate() {
        return gate;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(x.mul(perChannel(gate.forward(ps, inputs, training).singletonOrThrow())));
    }

    /**
     * @param factors {@code (N, C)}
     * @return them as {@code (N, C, 1, 1)}, to scale a map
     */
    public static NDArray perChannel(NDArray factors) {
        Shape s = factors.getShape();
        return factors.reshape(s.get(0), s.get(1), 1, 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
