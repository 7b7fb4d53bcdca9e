package org.nas4j.spaces.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.core.nn.AbstractElasticBlock;
import org.nas4j.core.nn.Activation;
import org.nas4j.core.nn.ElasticBatchNorm;
import org.nas4j.core.nn.ElasticConv2d;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.supernet.Cost;

/** NAS-Bench-201's ReLU → convolution (no bias) → batch norm. */
final class ReluConvBn extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final int in;
    private final int out;
    private final int kernel;
    private final int stride;
    private final ElasticConv2d conv;
    private final ElasticBatchNorm bn;

    ReluConvBn(int in, int out, int kernel, int stride, boolean affine) {
        super(VERSION);
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        conv = addChildBlock("conv", ElasticConv2d.builder().setChannels(in, out).optMaxKernel(kernel).optStride(stride).build());
        bn = addChildBlock("bn", new ElasticBatchNorm(out, false, affine));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = Activation.RELU.apply(inputs.singletonOrThrow());
        x = conv.forward(ps, new NDList(x), training).singletonOrThrow();
        return bn.forward(ps, new NDList(x), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), out, outSize(s.get(2)), outSize(s.get(3)))};
    }

    long outSize(long size) {
        return (size - 1) / stride + 1;
    }

    /** @return MACs and parameters at an input of this side */
    Cost cost(long size) {
        long o = outSize(size);
        return new Cost(o * o * out * in * kernel * kernel, (long) out * in * kernel * kernel + 2L * out);
    }

    Block toStatic(WeightCopier copier) {
        return new SequentialBlock().add(Activation.RELU.block()).add(conv.toStatic(in, copier)).add(bn.toStatic(out, copier));
    }
}
