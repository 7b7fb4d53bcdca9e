package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.google.common.base.Preconditions;
import java.util.List;

/**
 * A 2-D convolution (regular or depthwise) that slices one max-size weight: the leading output
 * channels, the leading input channels (taken from the input tensor) and the centred kernel. Same
 * padding; stride fixed.
 */
public final class ElasticConv2d extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final int maxIn;
    private final int maxOut;
    private final int maxKernel;
    private final int stride;
    private final boolean depthwise;
    private final ElasticWeight weight;
    private final Parameter bias;
    private int activeOut;
    private int activeKernel;
    private int groupWidth;
    private List<Integer> inputGroups;

    private ElasticConv2d(Builder b) {
        super(VERSION);
        maxIn = b.maxIn;
        maxOut = b.depthwise ? b.maxIn : b.maxOut;
        maxKernel = b.maxKernel;
        stride = b.stride;
        depthwise = b.depthwise;
        Shape shape = new Shape(maxOut, depthwise ? 1 : maxIn, maxKernel, maxKernel);
        weight = b.mixture.routed()
                ? addChildBlock("weight", new RoutedWeight(shape, b.mixture))
                : ElasticWeight.shared(addParameter(
                        Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).optShape(shape).build()));
        bias =
                b.bias
                        ? addParameter(
                                Parameter.builder()
                                        .setName("bias")
                                        .setType(Parameter.Type.BIAS)
                                        .optShape(new Shape(maxOut))
                                        .build())
                        : null;
        activeOut = maxOut;
        activeKernel = maxKernel;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @param out the output channels the next forward uses (ignored when depthwise) */
    public void setActiveOut(int out) {
        Preconditions.checkArgument(out > 0 && out <= maxOut, "out %s not in 1..%s", out, maxOut);
        activeOut = out;
    }

    /**
     * Reads the input as a concatenation of parts of {@code groupWidth} channels, part {@code g}
     * always through the same weight columns (see {@link Slices#columnGroups}); without groups the
     * input meets the leading columns. Needs the maximal kernel.
     *
     * @param groupWidth channels per part
     * @param groups the parts the input holds, in its order, or null for leading columns
     */
    public void setInputGroups(int groupWidth, List<Integer> groups) {
        Preconditions.checkArgument(groups == null || (!depthwise && groupWidth > 0 && activeKernel == maxKernel),
                "input groups need a regular convolution at its maximal kernel");
        this.groupWidth = groupWidth;
        this.inputGroups = groups == null ? null : List.copyOf(groups);
    }

    private NDArray slice(NDArray a, NDManager m, long out, long in, int kernel) {
        return inputGroups == null ? Slices.convWeight(a, m, out, in, kernel) : Slices.columnGroups(a, m, out, groupWidth, inputGroups);
    }

    /** @param kernel the kernel size the next forward uses (odd, at most the max) */
    public void setActiveKernel(int kernel) {
        Preconditions.checkArgument(
                kernel % 2 == 1 && kernel <= maxKernel, "kernel %s vs max %s", kernel, maxKernel);
        activeKernel = kernel;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long in = x.getShape().get(1);
        long out = depthwise ? in : activeOut;
        NDManager m = x.getManager();
        long wIn = depthwise ? 1 : in;
        int kernel = activeKernel;
        NDArray w = weight.get(p -> ps.getValue(p, x.getDevice(), training), m, a -> slice(a, m, out, wIn, kernel));
        NDArray b =
                bias == null
                        ? null
                        : Slices.leading(
                                ps.getValue(bias, x.getDevice(), training), x.getManager(), out);
        int pad = activeKernel / 2;
        return Conv2d.conv2d(
                x,
                w,
                b,
                new Shape(stride, stride),
                new Shape(pad, pad),
                new Shape(1, 1),
                depthwise ? (int) in : 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        long in = s.get(1);
        long h = (s.get(2) - 1) / stride + 1;
        long w = (s.get(3) - 1) / stride + 1;
        return new Shape[] {new Shape(s.get(0), depthwise ? in : activeOut, h, w)};
    }

    /**
     * The static convolution of the active setting, with its weights queued for copying.
     *
     * @param in the input channels it will see
     * @param copier collects the weight copies
     * @return a DJL {@link Conv2d}
     */
    public Conv2d toStatic(long in, WeightCopier copier) {
        long out = depthwise ? in : activeOut;
        int pad = activeKernel / 2;
        Conv2d conv =
                Conv2d.builder()
                        .setKernelShape(new Shape(activeKernel, activeKernel))
                        .setFilters((int) out)
                        .optStride(new Shape(stride, stride))
                        .optPadding(new Shape(pad, pad))
                        .optGroups(depthwise ? (int) in : 1)
                        .optBias(bias != null)
                        .build();
        int kernel = activeKernel;
        long wIn = depthwise ? 1 : in;
        copier.copy(conv.getParameters().get("weight"),
                m -> weight.get(Parameter::getArray, m, a -> slice(a, m, out, wIn, kernel)));
        if (bias != null) {
            copier.copy(conv.getParameters().get("bias"), m -> Slices.leading(bias.getArray(), m, out));
        }
        return conv;
    }

    /** Builds an {@link ElasticConv2d}. */
    public static final class Builder {
        private int maxIn;
        private int maxOut;
        private int maxKernel = 1;
        private int stride = 1;
        private boolean depthwise;
        private boolean bias;
        private Mixture mixture = Mixture.NONE;

        /**
         * @param maxIn the largest input width
         * @param maxOut the largest output width (ignored for depthwise)
         * @return this
         */
        public Builder setChannels(int maxIn, int maxOut) {
            this.maxIn = maxIn;
            this.maxOut = maxOut;
            return this;
        }

        /** @param maxKernel the largest (odd) kernel size @return this */
        public Builder optMaxKernel(int maxKernel) {
            this.maxKernel = maxKernel;
            return this;
        }

        /** @param stride the stride @return this */
        public Builder optStride(int stride) {
            this.stride = stride;
            return this;
        }

        /** @param depthwise one filter per input channel @return this */
        public Builder optDepthwise(boolean depthwise) {
            this.depthwise = depthwise;
            return this;
        }

        /** @param bias whether it has a bias @return this */
        public Builder optBias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /** @param mixture how the weight is made (its encoding width fixed when routed) @return this */
        public Builder optMixture(Mixture mixture) {
            this.mixture = mixture;
            return this;
        }

        /** @return the block */
        public ElasticConv2d build() {
            Preconditions.checkArgument(maxIn > 0, "setChannels is required");
            Preconditions.checkArgument(depthwise || maxOut > 0, "setChannels is required");
            Preconditions.checkArgument(maxKernel % 2 == 1, "kernel must be odd: %s", maxKernel);
            Preconditions.checkArgument(stride >= 1, "stride must be >= 1");
            return new ElasticConv2d(this);
        }
    }
}
