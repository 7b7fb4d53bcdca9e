package org.nas4j.spaces.ofa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.core.nn.AbstractElasticBlock;
import org.nas4j.core.nn.Activation;
import org.nas4j.core.nn.ChannelGate;
import org.nas4j.core.nn.ElasticLinear;
import org.nas4j.core.nn.GlobalAvgPool;
import org.nas4j.core.nn.WeightCopier;

/**
 * Elastic squeeze-excite (MobileNetV3): global pool, reduce to {@link #reduced} channels, ReLU,
 * expand, hard sigmoid, channel-wise scale. The width comes from the input, as in OFA's DynamicSE.
 * The reduce and expand layers are fully connected on the pooled vector: the same math as 1×1
 * convolutions on a 1×1 map, on a plain matrix-multiply kernel.
 */
final class SqueezeExcite extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final ElasticLinear reduce;
    private final ElasticLinear expand;

    SqueezeExcite(int maxChannels) {
        super(VERSION);
        reduce = addChildBlock("reduce", new ElasticLinear(maxChannels, reduced(maxChannels)));
        expand = addChildBlock("expand", new ElasticLinear(reduced(maxChannels), maxChannels));
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
        NDArray s = Pool.globalAvgPool2d(x);
        s = reduce.forward(ps, new NDList(s), training).singletonOrThrow();
        s = Activation.RELU.apply(s);
        s = expand.forward(ps, new NDList(s), training).singletonOrThrow();
        return new NDList(x.mul(ChannelGate.perChannel(Activation.HSIGMOID.apply(s))));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    /** @return MACs (per image) of the two layers at this width */
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
                        .add(new GlobalAvgPool())
                        .add(reduce.toStatic(channels, copier))
                        .add(Activation.RELU.block())
                        .add(expand.toStatic(reduced(channels), copier))
                        .add(Activation.HSIGMOID.block());
        return new ChannelGate(gate);
    }
}
