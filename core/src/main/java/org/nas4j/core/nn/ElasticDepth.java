package org.nas4j.core.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.google.common.base.Preconditions;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage of up to {@code D} blocks that runs its first {@code d}; the blocks after {@code d} are
 * not called (they are residual, so skipping them is the identity).
 *
 * @param <B> the block type
 */
public final class ElasticDepth<B extends Block> extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final List<B> blocks = new ArrayList<>();
    private int activeDepth;

    /** @param blocks the stage's blocks, in order */
    public ElasticDepth(List<B> blocks) {
        super(VERSION);
        Preconditions.checkArgument(!blocks.isEmpty(), "a stage needs at least one block");
        for (B b : blocks) {
            this.blocks.add(addChildBlock("block", b));
        }
        activeDepth = blocks.size();
    }

    /** @param depth how many leading blocks the next forward runs */
    public void setActiveDepth(int depth) {
        Preconditions.checkArgument(
                depth >= 1 && depth <= blocks.size(), "depth %s not in 1..%s", depth, blocks.size());
        activeDepth = depth;
    }

    public int activeDepth() {
        return activeDepth;
    }

    /** @return all blocks, active or not */
    public List<B> blocks() {
        return blocks;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = inputs;
        for (int i = 0; i < activeDepth; i++) {
            x = blocks.get(i).forward(ps, x, training, params);
        }
        return x;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] s = inputShapes;
        for (int i = 0; i < activeDepth; i++) {
            s = blocks.get(i).getOutputShapes(s);
        }
        return s;
    }
}
