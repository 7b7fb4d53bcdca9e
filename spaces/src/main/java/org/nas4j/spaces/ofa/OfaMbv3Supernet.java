package org.nas4j.spaces.ofa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nas4j.core.nn.Activation;
import org.nas4j.core.nn.ChannelsLast;
import org.nas4j.core.nn.ElasticBatchNorm;
import org.nas4j.core.nn.ElasticConv2d;
import org.nas4j.core.nn.ElasticDepth;
import org.nas4j.core.nn.ElasticLinear;
import org.nas4j.core.nn.GlobalAvgPool;
import org.nas4j.core.nn.Mixture;
import org.nas4j.core.nn.Resize;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.supernet.Supernet;

/**
 * The OFA-MobileNetV3 supernet: a 3×3 stride-2 stem, stages of elastic {@link MbConvBlock}s with
 * elastic depth, a 1×1 head conv, global pooling and a classifier. Elastic resolution: inputs are
 * resized (bilinear) to the active arch's resolution.
 */
public final class OfaMbv3Supernet extends Supernet {

    private static final byte VERSION = 1;
    private static final Activation STEM_ACT = Activation.RELU;

    private static final Pattern BLOCK_DIMENSION = Pattern.compile("s(\\d+)\\.b(\\d+)\\.([ke])");
    private static final Pattern DEPTH_DIMENSION = Pattern.compile("s(\\d+)\\.d");

    private final OfaMbv3Config config;
    private final SearchSpace space;
    private final int numClasses;
    private final ElasticConv2d stem;
    private final ElasticBatchNorm stemBn;
    private final List<ElasticDepth<MbConvBlock>> stages = new ArrayList<>();
    private final ElasticConv2d head;
    private final ElasticBatchNorm headBn;
    private final ElasticLinear classifier;
    private int resolution;
    private NDArray resolutionGate;

    /**
     * @param config the supernet's shape
     * @param numClasses classifier outputs
     */
    public OfaMbv3Supernet(OfaMbv3Config config, int numClasses) {
        this(config, numClasses, Mixture.NONE);
    }

    /**
     * @param config the supernet's shape
     * @param numClasses classifier outputs
     * @param mixture how the inverted-residual convolutions and the head make their weights
     */
    public OfaMbv3Supernet(OfaMbv3Config config, int numClasses, Mixture mixture) {
        super(VERSION);
        this.config = config;
        this.space = OfaMbv3Space.of(config);
        Mixture routing = mixture.over(space);
        this.numClasses = numClasses;
        stem =
                addChildBlock(
                        "stem",
                        ElasticConv2d.builder()
                                .setChannels(config.channels(), config.stemWidth())
                                .optMaxKernel(3)
                                .optStride(2)
                                .build());
        stemBn = addChildBlock("stem_bn", new ElasticBatchNorm(config.stemWidth(), false));
        int in = config.stemWidth();
        for (int s = 0; s < config.stages().size(); s++) {
            StageSpec spec = config.stages().get(s);
            List<MbConvBlock> blocks = new ArrayList<>();
            for (int b = 0; b < config.maxDepth(); b++) {
                blocks.add(
                        new MbConvBlock(
                                b == 0 ? in : spec.width(),
                                spec.width(),
                                b == 0 ? spec.stride() : 1,
                                config.maxKernel(),
                                config.maxExpand(),
                                spec.squeezeExcite(),
                                spec.activation(),
                                routing));
            }
            stages.add(addChildBlock("stage" + (s + 1), new ElasticDepth<>(blocks)));
            in = spec.width();
        }
        head = addChildBlock("head", ElasticConv2d.builder().setChannels(in, config.headWidth()).optMixture(routing).build());
        headBn = addChildBlock("head_bn", new ElasticBatchNorm(config.headWidth(), false));
        classifier = addChildBlock("classifier", new ElasticLinear(config.headWidth(), numClasses));
        activate(space.largest());
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    @Override
    public Shape inputShape() {
        return new Shape(1, config.channels(), config.inputSize(), config.inputSize());
    }

    @Override
    public Shape inputShape(Arch arch) {
        int r = arch.getInt("r");
        return new Shape(1, config.channels(), r, r);
    }

    /**
     * A kernel size owns its block's depthwise convolution; an expand ratio every layer of its
     * block's hidden width; a stage's depth the blocks beyond the shallowest choice; the resolution
     * nothing.
     */
    @Override
    public List<Parameter> ownWeights(String dimension) {
        space.dimension(dimension);
        Matcher m = BLOCK_DIMENSION.matcher(dimension);
        if (m.matches()) {
            MbConvBlock block = stages.get(Integer.parseInt(m.group(1)) - 1).blocks().get(Integer.parseInt(m.group(2)) - 1);
            return weightsOf(m.group(3).equals("k") ? block.kernelBlocks() : block.hiddenBlocks());
        }
        m = DEPTH_DIMENSION.matcher(dimension);
        if (m.matches()) {
            List<MbConvBlock> blocks = stages.get(Integer.parseInt(m.group(1)) - 1).blocks();
            int shallowest = config.depths().stream().mapToInt(Integer::intValue).min().orElseThrow();
            return weightsOf(blocks.subList(shallowest, blocks.size()));
        }
        return List.of();
    }

    @Override
    protected void applyChoices(Arch arch) {
        resolution = arch.getInt("r");
        for (int s = 1; s <= stages.size(); s++) {
            ElasticDepth<MbConvBlock> stage = stages.get(s - 1);
            stage.setActiveDepth(arch.getInt(OfaMbv3Space.depth(s)));
            for (int b = 1; b <= stage.activeDepth(); b++) {
                stage.blocks()
                        .get(b - 1)
                        .setActive(
                                arch.getInt(OfaMbv3Space.kernel(s, b)),
                                arch.getInt(OfaMbv3Space.expand(s, b)));
            }
        }
    }

    /**
     * The input is multiplied by the resolution's gate; each running block's branch by its kernel's
     * and expand ratio's gates and by its stage's depth mask, ShiftNAS's Eq. 9: the sum of the depth
     * gates of every depth that runs the block.
     */
    @Override
    public void gate(Map<String, NDArray> oneHots) {
        Arch arch = active();
        resolutionGate = oneHots == null ? null : chosen(oneHots, arch, "r");
        for (int s = 1; s <= stages.size(); s++) {
            ElasticDepth<MbConvBlock> stage = stages.get(s - 1);
            List<String> depths = space.dimension(OfaMbv3Space.depth(s)).choices();
            for (int b = 1; b <= stage.blocks().size(); b++) {
                MbConvBlock block = stage.blocks().get(b - 1);
                if (oneHots == null || b > stage.activeDepth()) {
                    block.setGate(null);
                    continue;
                }
                NDArray depth = oneHots.get(OfaMbv3Space.depth(s));
                float[] runs = new float[depths.size()];
                for (int j = 0; j < runs.length; j++) {
                    runs[j] = Integer.parseInt(depths.get(j)) >= b ? 1f : 0f;
                }
                NDArray mask = depth.mul(depth.getManager().create(runs)).sum();
                block.setGate(mask.mul(chosen(oneHots, arch, OfaMbv3Space.kernel(s, b)))
                        .mul(chosen(oneHots, arch, OfaMbv3Space.expand(s, b))));
            }
        }
    }

    @Override
    public boolean gateable() {
        return true;
    }

    /** @return the gate of the arch's choice of a dimension */
    private NDArray chosen(Map<String, NDArray> oneHots, Arch arch, String dimension) {
        NDArray row = oneHots.get(dimension);
        if (row == null) {
            throw new IllegalArgumentException("no gate for dimension " + dimension);
        }
        return row.get(space.dimension(dimension).choices().indexOf(arch.get(dimension)));
    }

    private NDArray run(Block b, ParameterStore ps, NDArray x, boolean training) {
        return b.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = Resize.bilinear(inputs.singletonOrThrow(), resolution);
        if (resolutionGate != null) {
            x = x.mul(resolutionGate);
        }
        x = STEM_ACT.apply(run(stemBn, ps, run(stem, ps, x, training), training));
        // after the stem: with 1 or 3 input channels the layouts coincide, so converting earlier is void
        x = ChannelsLast.of(x);
        for (ElasticDepth<MbConvBlock> stage : stages) {
            x = run(stage, ps, x, training);
        }
        x = config.headActivation().apply(run(headBn, ps, run(head, ps, x, training), training));
        return new NDList(run(classifier, ps, Pool.globalAvgPool2d(x), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), numClasses)};
    }

    @Override
    protected Block buildStatic(WeightCopier copier) {
        SequentialBlock net =
                new SequentialBlock()
                        .add(stem.toStatic(config.channels(), copier))
                        .add(stemBn.toStatic(config.stemWidth(), copier))
                        .add(STEM_ACT.block());
        for (ElasticDepth<MbConvBlock> stage : stages) {
            for (int b = 0; b < stage.activeDepth(); b++) {
                net.add(stage.blocks().get(b).toStatic(copier));
            }
        }
        int last = config.stages().get(config.stages().size() - 1).width();
        return net.add(head.toStatic(last, copier))
                .add(headBn.toStatic(config.headWidth(), copier))
                .add(config.headActivation().block())
                .add(new GlobalAvgPool())
                .add(classifier.toStatic(config.headWidth(), copier));
    }

    @Override
    public Cost cost(Arch arch) {
        int size = arch.getInt("r");
        int stemOut = (size - 1) / 2 + 1;
        long c = config.stemWidth();
        Cost total = new Cost((long) stemOut * stemOut * c * config.channels() * 9, c * config.channels() * 9 + 2 * c);
        size = stemOut;
        for (int s = 1; s <= stages.size(); s++) {
            ElasticDepth<MbConvBlock> stage = stages.get(s - 1);
            for (int b = 1; b <= arch.getInt(OfaMbv3Space.depth(s)); b++) {
                MbConvBlock block = stage.blocks().get(b - 1);
                total =
                        total.plus(
                                block.cost(
                                        size,
                                        arch.getInt(OfaMbv3Space.kernel(s, b)),
                                        arch.getInt(OfaMbv3Space.expand(s, b))));
                size = block.outSize(size);
            }
        }
        long last = config.stages().get(config.stages().size() - 1).width();
        long h = config.headWidth();
        total = total.plus(new Cost((long) size * size * last * h, last * h + 2 * h));
        return total.plus(new Cost(h * numClasses, h * numClasses + numClasses));
    }
}
