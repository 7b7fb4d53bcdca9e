package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * NASNet's ScheduledDropPath: in training, each example's path is zeroed with probability
 * {@code finalDrop × depth × progress} (depth: the cell's position in the network, (i + 1) / cells;
 * progress: the share of training done, capped at 1) and kept paths are scaled by
 * {@code 1 / (1 - p)}, so the expected output is unchanged. At inference it is the identity, and a
 * static network leaves it out.
 */
public final class ScheduledDropPath extends AbstractBlock {

    private final float finalDrop;
    private final double depth;
    private double progress;

    /**
     * @param finalDrop the drop probability of the deepest cell at the end of training, in [0, 1)
     * @param depth the cell's relative depth, in (0, 1]
     */
    public ScheduledDropPath(float finalDrop, double depth) {
        if (finalDrop < 0 || finalDrop >= 1 || depth <= 0 || depth > 1) {
            throw new IllegalArgumentException("drop " + finalDrop + " must be in [0, 1), depth " + depth + " in (0, 1]");
        }
        this.finalDrop = finalDrop;
        this.depth = depth;
    }

    /** @param progress the share of training done (0 at the first step, 1 at the end) */
    public void setProgress(double progress) {
        this.progress = progress;
    }

    /** @return the drop probability the next training forward uses */
    public double probability() {
        return finalDrop * depth * Math.min(1, Math.max(0, progress));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(inputs.singletonOrThrow(), training));
    }

    /**
     * @param x a batch {@code (N, ...)}
     * @param training whether this is a training forward
     * @return {@code x}, or in training {@code x} with whole examples zeroed and the rest rescaled
     */
    public NDArray apply(NDArray x, boolean training) {
        double p = probability();
        if (!training || p == 0) {
            return x;
        }
        long[] maskShape = new long[x.getShape().dimension()];
        Arrays.fill(maskShape, 1);
        maskShape[0] = x.getShape().get(0);
        float keep = (float) (1 - p);
        // LibTorch-owned arrays only: autograd keeps the mask for backward (see Scale)
        NDArray kept = x.getManager().randomUniform(0f, 1f, new Shape(maskShape)).lt(keep).toType(DataType.FLOAT32, false);
        return x.mul(Scale.by(kept, 1f / keep));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
