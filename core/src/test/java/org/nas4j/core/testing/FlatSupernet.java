package org.nas4j.core.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.supernet.Supernet;

/**
 * A base for test supernets whose gradients a test works out by hand: one-channel 4×4 images,
 * flattened to 16 features, three classes; never extracted or costed.
 */
public abstract class FlatSupernet extends Supernet {

    protected FlatSupernet() {
        super((byte) 1);
    }

    /** @param x the batch, {@code (N, 16)} @return the logits, {@code (N, 3)} */
    protected abstract NDArray logits(ParameterStore ps, NDArray x, boolean training);

    @Override
    public Shape inputShape() {
        return new Shape(1, 1, 4, 4);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(logits(ps, x.reshape(x.getShape().get(0), 16), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 3)};
    }

    @Override
    protected Block buildStatic(WeightCopier copier) {
        throw new UnsupportedOperationException("a test network");
    }

    @Override
    public Cost cost(Arch arch) {
        return new Cost(0, 0);
    }
}
