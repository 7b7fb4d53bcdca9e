package org.nas4j.spaces.ofa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.nn.AbstractElasticBlock;
import org.nas4j.core.nn.Activation;
import org.nas4j.core.nn.ElasticBatchNorm;
import org.nas4j.core.nn.ElasticConv2d;
import org.nas4j.core.nn.Mixture;
import org.nas4j.core.nn.Residual;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.supernet.Cost;

/**
 * Elastic inverted-residual block (MobileNetV2/V3): 1×1 expand to {@code in·e}, depthwise k×k,
 * optional squeeze-excite, 1×1 project; residual when the shape allows it, in which case the last
 * BN starts at {@code gamma = 0} (BigNAS) so the block starts as the identity.
 */
final class MbConvBlock extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final int in;
    private final int out;
    private final int stride;
    private final Activation act;
    private final boolean residual;
    private final ElasticConv2d expand;
    private final ElasticBatchNorm bnExpand;
    private final ElasticConv2d depthwise;
    private final ElasticBatchNorm bnDepthwise;
    private final SqueezeExcite se;
    private final ElasticConv2d project;
    private final ElasticBatchNorm bnProject;
    private int expandRatio;
    private NDArray gate;

    MbConvBlock(int in, int out, int stride, int maxKernel, int maxExpand, boolean withSe, Activation act,
            Mixture mixture) {
        super(VERSION);
        this.in = in;
        this.out = out;
        this.stride = stride;
        this.act = act;
        this.residual = stride == 1 && in == out;
        int hidden = in * maxExpand;
        expand = addChildBlock("expand", ElasticConv2d.builder().setChannels(in, hidden).optMixture(mixture).build());
        bnExpand = addChildBlock("bn_expand", new ElasticBatchNorm(hidden, false));
        depthwise =
                addChildBlock(
                        "depthwise",
                        ElasticConv2d.builder()
                                .setChannels(hidden, hidden)
                                .optDepthwise(true)
                                .optMaxKernel(maxKernel)
                                .optStride(stride)
                                .optMixture(mixture)
                                .build());
        bnDepthwise = addChildBlock("bn_depthwise", new ElasticBatchNorm(hidden, false));
        se = withSe ? addChildBlock("se", new SqueezeExcite(hidden)) : null;
        project = addChildBlock("project", ElasticConv2d.builder().setChannels(hidden, out).optMixture(mixture).build());
        bnProject = addChildBlock("bn_project", new ElasticBatchNorm(out, residual));
        setActive(maxKernel, maxExpand);
    }

    /** @return the blocks whose weights the kernel size selects: the depthwise convolution */
    List<Block> kernelBlocks() {
        return List.of(depthwise);
    }

    /** @return the blocks whose weights the expand ratio slices: every layer of the hidden width */
    List<Block> hiddenBlocks() {
        List<Block> out = new ArrayList<>(List.of(expand, bnExpand, depthwise, bnDepthwise, project));
        if (se != null) {
            out.add(se);
        }
        return out;
    }

    void setActive(int kernel, int expandRatio) {
        this.expandRatio = expandRatio;
        expand.setActiveOut(in * expandRatio);
        depthwise.setActiveKernel(kernel);
    }

    /** @param gate multiplies the block's branch (its value 1, its gradient the generator's); null for none */
    void setGate(NDArray gate) {
        this.gate = gate;
    }

    private NDArray run(Block b, ParameterStore ps, NDArray x, boolean training) {
        return b.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray y = act.apply(run(bnExpand, ps, run(expand, ps, x, training), training));
        y = act.apply(run(bnDepthwise, ps, run(depthwise, ps, y, training), training));
        if (se != null) {
            y = run(se, ps, y, training);
        }
        y = run(bnProject, ps, run(project, ps, y, training), training);
        if (gate != null) {
            y = y.mul(gate);
        }
        return new NDList(residual ? y.add(x) : y);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), out, (s.get(2) - 1) / stride + 1, (s.get(3) - 1) / stride + 1)};
    }

    /** @return the output side for an input side */
    int outSize(int size) {
        return (size - 1) / stride + 1;
    }

    /**
     * @param size input side
     * @param k kernel
     * @param e expand ratio
     * @return MACs per image and learnable parameters of this block at that setting
     */
    Cost cost(int size, int k, int e) {
        long h = (long) in * e;
        long o = outSize(size);
        long macs = (long) size * size * in * h + o * o * h * k * k + o * o * h * out;
        long params = in * h + 2 * h + h * k * k + 2 * h + h * out + 2L * out;
        if (se != null) {
            macs += SqueezeExcite.macs(h);
            params += SqueezeExcite.params(h);
        }
        return new Cost(macs, params);
    }

    Block toStatic(WeightCopier copier) {
        long h = (long) in * expandRatio;
        SequentialBlock body =
                new SequentialBlock()
                        .add(expand.toStatic(in, copier))
                        .add(bnExpand.toStatic(h, copier))
                        .add(act.block())
                        .add(depthwise.toStatic(h, copier))
                        .add(bnDepthwise.toStatic(h, copier))
                        .add(act.block());
        if (se != null) {
            body.add(se.toStatic(h, copier));
        }
        body.add(project.toStatic(h, copier)).add(bnProject.toStatic(out, copier));
        if (!residual) {
            return body;
        }
        return new Residual(body);
    }
}
