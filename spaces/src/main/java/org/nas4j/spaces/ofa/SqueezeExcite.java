package org.nas4j.spaces.ofa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.nas4j.core.nn.AbstractElasticBlock;
import org.nas4j.core.nn.Activation;
import org.nas4j.core.nn.ElasticConv2d;
import org.nas4j.core.nn.WeightCopier;

/**
 * Elastic squeeze-excite (MobileNetV3): global pool, 1×1 reduce to {@link #reduced} channels, ReLU,
 * 1×1 expand, hard sigmoid, channel-wise scale. The width comes from the input, as in OFA's
 * DynamicSE.
 */
final class SqueezeExcite extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final ElasticConv2d reduce;
    private final ElasticConv2d expand;

    SqueezeExcite(int maxChannels) {
        super(VERSION);
        reduce =
                addChildBlock(
                        "reduce",
                        ElasticConv2d.builder()
                                .setChannels(maxChannels, reduced(maxChannels))
                                .optBias(true)
                                .build());
        expand =
                addChildBlock(
                        "expand",
                        ElasticConv2d.builder()
                                .setChannels(reduced(maxChannels), maxChannels)
                                .optBias(true)
                                .build());
    }

    /** @return the squeeze width for {@code channels}: a quarter, rounded to a multiple of 8 */
    static int reduced(long channels) {
        return (int) Math.max(8, (channels / 4 + 4) / 8 * 8);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long c = x.getShape().get(1);
        reduce.setActiveOut(reduced(c));
        expand.setActiveOut((int) c);
        NDArray s = pooled(x);
        s = reduce.forward(ps, new NDList(s), training).singletonOrThrow();
        s = Activation.RELU.apply(s);
        s = expand.forward(ps, new NDList(s), training).singletonOrThrow();
        return new NDList(x.mul(Activation.HSIGMOID.apply(s)));
    }

    /** Global average kept as {@code (N, C, 1, 1)}, ready for the 1×1 convs. */
    private static NDArray pooled(NDArray x) {
        Shape s = x.getShape();
        return x.sum(new int[] {2, 3}, true).div(s.get(2) * s.get(3));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    /** @return MACs (per image) of the two 1×1 convs at this width */
    static long macs(long channels) {
        return 2 * channels * reduced(channels);
    }

    /** @return learnable parameters at this width */
    static long params(long channels) {
        long r = reduced(channels);
        return channels * r + r + r * channels + channels;
    }

    Block toStatic(long channels, WeightCopier copier) {
        reduce.setActiveOut(reduced(channels));
        expand.setActiveOut((int) channels);
        SequentialBlock gate =
                new SequentialBlock()
                        .add(LambdaBlock.singleton(SqueezeExcite::pooled, "pool"))
                        .add(reduce.toStatic(channels, copier))
                        .add(Activation.RELU.block())
                        .add(expand.toStatic(reduced(channels), copier))
                        .add(Activation.HSIGMOID.block());
        return new ParallelBlock(
                branches -> new NDList(branches.get(0).head().mul(branches.get(1).head())),
                List.of(LambdaBlock.singleton(x -> x, "identity"), gate));
    }
}
