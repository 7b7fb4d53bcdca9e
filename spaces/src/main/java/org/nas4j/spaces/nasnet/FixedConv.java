package org.nas4j.spaces.nasnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.core.nn.AbstractElasticBlock;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.supernet.Cost;

/**
 * A convolution of fixed width and kernel (rectangular, dilated or depthwise allowed) whose stride
 * is given per call: one set of weights serves a reduction cell's operation whether it reads a cell
 * input (stride 2) or a block of its own cell (stride 1). A 1×k kernel strides columns only, a k×1
 * kernel rows only, so the pair 1×k then k×1 halves the map once.
 */
final class FixedConv extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final int in;
    private final int out;
    private final int kh;
    private final int kw;
    private final int dilation;
    private final boolean depthwise;
    private final Parameter weight;
    private int stride = 1;

    FixedConv(int in, int out, int kh, int kw, int dilation, boolean depthwise) {
        super(VERSION);
        this.in = in;
        this.out = depthwise ? in : out;
        this.kh = kh;
        this.kw = kw;
        this.dilation = dilation;
        this.depthwise = depthwise;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(this.out, depthwise ? 1 : in, kh, kw)).build());
    }

    void setStride(int stride) {
        this.stride = stride;
    }

    /** @return whether it is a 1×k kernel, which strides columns only */
    boolean stridesColumnsOnly() {
        return kh == 1 && kw > 1;
    }

    private Shape strides() {
        return new Shape(kh > 1 || kw == 1 ? stride : 1, kw > 1 || kh == 1 ? stride : 1);
    }

    private Shape padding() {
        return new Shape(dilation * (kh - 1) / 2, dilation * (kw - 1) / 2);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(Conv2d.conv2d(x, ps.getValue(weight, x.getDevice(), training), null, strides(), padding(),
                new Shape(dilation, dilation), depthwise ? in : 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        Shape st = strides();
        return new Shape[] {new Shape(s.get(0), out, (s.get(2) - 1) / st.get(0) + 1, (s.get(3) - 1) / st.get(1) + 1)};
    }

    /** @return MACs and parameters on an {@code h × w} input at the current stride */
    Cost cost(long h, long w) {
        Shape o = getOutputShapes(new Shape[] {new Shape(1, in, h, w)})[0];
        long perOutput = (depthwise ? 1L : in) * kh * kw;
        return new Cost(o.get(2) * o.get(3) * out * perOutput, out * perOutput);
    }

    Conv2d toStatic(WeightCopier copier) {
        Conv2d conv = Conv2d.builder()
                .setKernelShape(new Shape(kh, kw))
                .setFilters(out)
                .optStride(strides())
                .optPadding(padding())
                .optDilation(new Shape(dilation, dilation))
                .optGroups(depthwise ? in : 1)
                .optBias(false)
                .build();
        copier.copy(conv.getParameters().get("weight"), m -> weight.getArray());
        return conv;
    }
}
