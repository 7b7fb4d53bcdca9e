package org.nas4j.core.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.nas4j.core.nn.ElasticBatchNorm;
import org.nas4j.core.nn.ElasticConv2d;
import org.nas4j.core.nn.ElasticLinear;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.space.ArchNotation;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.supernet.Supernet;

/** A small supernet for tests: conv (elastic width and kernel) → BN → ReLU → pool → linear. */
public final class ToySupernet extends Supernet {

    public static final SearchSpace SPACE =
            new SearchSpace(
                    "toy",
                    List.of(Dimension.integer("w", 4, 8), Dimension.integer("k", 1, 3)),
                    ArchNotation.KEY_VALUE);

    private final ElasticConv2d conv;
    private final ElasticBatchNorm bn;
    private final ElasticLinear fc;

    public ToySupernet() {
        super((byte) 1);
        conv = addChildBlock("conv", ElasticConv2d.builder().setChannels(2, 8).optMaxKernel(3).build());
        bn = addChildBlock("bn", new ElasticBatchNorm(8, false));
        fc = addChildBlock("fc", new ElasticLinear(8, 3));
        activate(SPACE.largest());
    }

    public ElasticBatchNorm batchNorm() {
        return bn;
    }

    public ElasticConv2d conv() {
        return conv;
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public Shape inputShape() {
        return new Shape(1, 2, 6, 6);
    }

    @Override
    public Shape inputShape(Arch arch) {
        return inputShape();
    }

    @Override
    protected void applyChoices(Arch arch) {
        conv.setActiveOut(arch.getInt("w"));
        conv.setActiveKernel(arch.getInt("k"));
    }

    /** @return the conv output of the active child, before BN */
    public NDArray convOut(ParameterStore ps, NDArray x) {
        return conv.forward(ps, new NDList(x), false).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = conv.forward(ps, inputs, training).singletonOrThrow();
        x = bn.forward(ps, new NDList(x), training).singletonOrThrow().getNDArrayInternal().relu();
        return fc.forward(ps, new NDList(Pool.globalAvgPool2d(x)), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 3)};
    }

    @Override
    protected Block buildStatic(WeightCopier copier) {
        long w = active().getInt("w");
        return new SequentialBlock()
                .add(conv.toStatic(2, copier))
                .add(bn.toStatic(w, copier))
                .add(LambdaBlock.singleton(a -> a.getNDArrayInternal().relu(), "relu"))
                .add(LambdaBlock.singleton(Pool::globalAvgPool2d, "pool"))
                .add(fc.toStatic(w, copier));
    }

    @Override
    public Cost cost(Arch arch) {
        long w = arch.getInt("w");
        long k = arch.getInt("k");
        return new Cost(36 * w * 2 * k * k + w * 3, w * 2 * k * k + 2 * w + w * 3 + 3);
    }
}
