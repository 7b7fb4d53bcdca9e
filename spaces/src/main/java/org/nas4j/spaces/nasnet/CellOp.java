package org.nas4j.spaces.nasnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.nn.AbstractElasticBlock;
import org.nas4j.core.nn.Activation;
import org.nas4j.core.nn.AvgPool;
import org.nas4j.core.nn.ElasticBatchNorm;
import org.nas4j.core.nn.Identity;
import org.nas4j.core.nn.MaxPool;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.supernet.Cost;

/**
 * One of NASNet's operations at a fixed width C, as a sequence of layers; its stride (1, or 2 where
 * a reduction cell reads a cell input) is set per call. Convolutions are ReLU-conv-BN; separable
 * ones run twice, as in NASNet; identity at stride 2 becomes ReLU, 3×3 average pool and a 1×1 conv.
 */
final class CellOp extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    /** A layer of the sequence. */
    private sealed interface Layer permits Relu, Conv, Norm, Pooling {}

    private record Relu() implements Layer {}

    private record Conv(FixedConv conv) implements Layer {}

    private record Norm(ElasticBatchNorm bn) implements Layer {}

    /** Pooling at the op's stride: max (padding k/2) or average (3×3, padding 1, padding not counted). */
    private record Pooling(boolean max, int kernel) implements Layer {}

    private final String name;
    private final int width;
    private final List<Layer> layers = new ArrayList<>();
    /** Identity's layers at stride 2 (empty at stride 1). */
    private final List<Layer> reduce = new ArrayList<>();
    private int stride = 1;

    /**
     * @param name one of {@link NasnetSpace#OPS}
     * @param width C, channels in and out
     * @param strided whether it may run at stride 2 (in a reduction cell)
     */
    CellOp(String name, int width, boolean strided) {
        super(VERSION);
        this.name = name;
        this.width = width;
        switch (name) {
            case "identity" -> {
                if (strided) {
                    reduce.add(new Relu());
                    reduce.add(new Pooling(false, 3));
                    conv(reduce, 1, 1, 1, false);
                    norm(reduce);
                }
            }
            case "avg_pool_3x3" -> layers.add(new Pooling(false, 3));
            case "max_pool_3x3", "max_pool_5x5", "max_pool_7x7" -> layers.add(new Pooling(true, name.charAt(9) - '0'));
            case "conv_1x1", "conv_3x3" -> reluConvBn(name.charAt(5) - '0', name.charAt(5) - '0', 1);
            case "dil_conv_3x3" -> reluConvBn(3, 3, 2);
            case "conv_1x3_3x1", "conv_1x7_7x1" -> {
                int k = name.charAt(7) - '0';
                layers.add(new Relu());
                conv(layers, 1, k, 1, false);
                conv(layers, k, 1, 1, false);
                norm(layers);
            }
            case "sep_conv_3x3", "sep_conv_5x5", "sep_conv_7x7" -> {
                int k = name.charAt(9) - '0';
                for (int i = 0; i < 2; i++) {
                    layers.add(new Relu());
                    conv(layers, k, k, 1, true);
                    conv(layers, 1, 1, 1, false);
                    norm(layers);
                }
            }
            default -> throw new IllegalArgumentException("unknown NASNet operation " + name);
        }
    }

    private void reluConvBn(int kh, int kw, int dilation) {
        layers.add(new Relu());
        conv(layers, kh, kw, dilation, false);
        norm(layers);
    }

    private void conv(List<Layer> to, int kh, int kw, int dilation, boolean depthwise) {
        int n = getChildren().size();
        to.add(new Conv(addChildBlock("conv" + n, new FixedConv(width, width, kh, kw, dilation, depthwise))));
    }

    private void norm(List<Layer> to) {
        to.add(new Norm(addChildBlock("bn" + getChildren().size(), new ElasticBatchNorm(width, false))));
    }

    boolean isIdentity() {
        return name.equals("identity");
    }

    void setStride(int stride) {
        if (stride == 2 && isIdentity() && reduce.isEmpty()) {
            throw new IllegalStateException("identity of a normal cell cannot stride");
        }
        this.stride = stride;
    }

    private List<Layer> active() {
        return isIdentity() && stride == 2 ? reduce : layers;
    }

    /**
     * @return the stride of each active layer: the first pooling or convolution strides, except that a
     *     1×k convolution strides columns only and leaves the rows to the k×1 after it
     */
    private int[] strides() {
        List<Layer> a = active();
        int[] s = new int[a.size()];
        boolean done = false;
        for (int i = 0; i < a.size(); i++) {
            Layer l = a.get(i);
            if (l instanceof Conv || l instanceof Pooling) {
                s[i] = done ? 1 : stride;
                done = done || !(l instanceof Conv c && c.conv().stridesColumnsOnly());
            } else {
                s[i] = 1;
            }
        }
        return s;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        List<Layer> a = active();
        int[] s = strides();
        for (int i = 0; i < a.size(); i++) {
            Layer l = a.get(i);
            if (l instanceof Relu) {
                x = Activation.RELU.apply(x);
            } else if (l instanceof Conv c) {
                c.conv().setStride(s[i]);
                x = c.conv().forward(ps, new NDList(x), training).singletonOrThrow();
            } else if (l instanceof Norm n) {
                x = n.bn().forward(ps, new NDList(x), training).singletonOrThrow();
            } else if (l instanceof Pooling p) {
                x = p.max()
                        ? Pool.maxPool2d(x, new Shape(p.kernel(), p.kernel()), new Shape(s[i], s[i]),
                                new Shape(p.kernel() / 2, p.kernel() / 2), false)
                        : AvgPool.apply(x, 3, s[i], 1);
            }
        }
        return new NDList(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), width, (s.get(2) - 1) / stride + 1, (s.get(3) - 1) / stride + 1)};
    }

    /** @return MACs and parameters on a {@code size × size} input at the current stride */
    Cost cost(long size) {
        long h = size;
        long w = size;
        Cost total = new Cost(0, 0);
        List<Layer> a = active();
        int[] s = strides();
        for (int i = 0; i < a.size(); i++) {
            Layer l = a.get(i);
            if (l instanceof Conv c) {
                c.conv().setStride(s[i]);
                total = total.plus(c.conv().cost(h, w));
                Shape o = c.conv().getOutputShapes(new Shape[] {new Shape(1, width, h, w)})[0];
                h = o.get(2);
                w = o.get(3);
            } else if (l instanceof Norm) {
                total = total.plus(new Cost(0, 2L * width));
            } else if (l instanceof Pooling) {
                h = (h - 1) / s[i] + 1;
                w = (w - 1) / s[i] + 1;
            }
        }
        return total;
    }

    /** @return the static operation at the current stride */
    Block toStatic(WeightCopier copier) {
        List<Layer> a = active();
        if (a.isEmpty()) {
            return new Identity();
        }
        int[] s = strides();
        SequentialBlock out = new SequentialBlock();
        for (int i = 0; i < a.size(); i++) {
            Layer l = a.get(i);
            if (l instanceof Relu) {
                out.add(Activation.RELU.block());
            } else if (l instanceof Conv c) {
                c.conv().setStride(s[i]);
                out.add(c.conv().toStatic(copier));
            } else if (l instanceof Norm n) {
                out.add(n.bn().toStatic(width, copier));
            } else if (l instanceof Pooling p) {
                out.add(p.max() ? new MaxPool(p.kernel(), s[i]) : new AvgPool(3, s[i], 1));
            }
        }
        return out;
    }
}
