package org.nas4j.spaces.nasnet;

import java.util.List;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.core.nn.AbstractElasticBlock;
import org.nas4j.core.nn.Activation;
import org.nas4j.core.nn.AvgPool;
import org.nas4j.core.nn.ElasticBatchNorm;
import org.nas4j.core.nn.ElasticConv2d;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.supernet.Cost;

/**
 * Brings a previous cell's output to a cell's width C: ReLU, 1×1 conv, BN; after a reduction the
 * cell two back is also halved first (3×3 average pool, stride 2). A cell outputs only its unused
 * blocks, concatenated, so the conv reads each block's channels through that block's own weight
 * columns: block j means the same to it in every genotype.
 */
final class Preprocess extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final int width;
    private final boolean halve;
    private final ElasticConv2d conv;
    private final ElasticBatchNorm bn;

    Preprocess(int maxIn, int width, boolean halve) {
        super(VERSION);
        this.width = width;
        this.halve = halve;
        conv = addChildBlock("conv", ElasticConv2d.builder().setChannels(maxIn, width).build());
        bn = addChildBlock("bn", new ElasticBatchNorm(width, false));
    }

    /**
     * @param blockWidth channels per block of the input cell
     * @param blocks the input cell's concatenated blocks (0-based), or null when the input is the stem
     */
    void setInputBlocks(int blockWidth, List<Integer> blocks) {
        conv.setInputGroups(blockWidth, blocks);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = Activation.RELU.apply(inputs.singletonOrThrow());
        if (halve) {
            x = AvgPool.apply(x, 3, 2, 1);
        }
        x = conv.forward(ps, new NDList(x), training).singletonOrThrow();
        return bn.forward(ps, new NDList(x), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        long h = halve ? (s.get(2) - 1) / 2 + 1 : s.get(2);
        long w = halve ? (s.get(3) - 1) / 2 + 1 : s.get(3);
        return new Shape[] {new Shape(s.get(0), width, h, w)};
    }

    /** @return MACs and parameters for {@code in} channels whose output map is {@code size × size} */
    Cost cost(long in, long size) {
        return new Cost(size * size * in * width, in * width + 2L * width);
    }

    Block toStatic(long in, WeightCopier copier) {
        SequentialBlock out = new SequentialBlock().add(Activation.RELU.block());
        if (halve) {
            out.add(new AvgPool(3, 2, 1));
        }
        return out.add(conv.toStatic(in, copier)).add(bn.toStatic(width, copier));
    }
}
