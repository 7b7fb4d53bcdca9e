package org.nas4j.spaces.nasnet;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nas4j.core.nn.Activation;
import org.nas4j.core.nn.CellStack;
import org.nas4j.core.nn.ElasticBatchNorm;
import org.nas4j.core.nn.ElasticConv2d;
import org.nas4j.core.nn.ElasticLinear;
import org.nas4j.core.nn.GlobalAvgPool;
import org.nas4j.core.nn.ScheduledDropPath;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.supernet.Supernet;

/**
 * The NASNet supernet: a 3×3 stem, then {@link NasnetConfig#cells()} cells (normal cells share the
 * normal genotype, reduction cells the reduction genotype), each reading the two cells before it;
 * then ReLU, global pooling and a linear classifier. Trained single-path: only the active genotype's
 * operations run.
 */
public final class NasnetSupernet extends Supernet {

    private static final byte VERSION = 1;

    private static final Pattern OP_DIMENSION = Pattern.compile("([nr])(\\d+)\\.op([12])");

    private final NasnetConfig config;
    private final SearchSpace space;
    private final int numClasses;
    private final ElasticConv2d stem;
    private final ElasticBatchNorm stemBn;
    private final List<NasnetCell> cells = new ArrayList<>();
    private final ElasticLinear classifier;

    /**
     * @param config the network's shape
     * @param numClasses classifier outputs
     */
    public NasnetSupernet(NasnetConfig config, int numClasses) {
        super(VERSION);
        this.config = config;
        this.space = NasnetSpace.of(config.name(), config.ops());
        this.numClasses = numClasses;
        int f = config.filters();
        stem = addChildBlock("stem", ElasticConv2d.builder().setChannels(config.channels(), f).optMaxKernel(3).build());
        stemBn = addChildBlock("stem_bn", new ElasticBatchNorm(f, false));
        int width = f;
        int maxOut0 = f;
        int maxOut1 = f;
        for (int i = 0; i < config.cells(); i++) {
            boolean reduction = config.isReduction(i);
            width = reduction ? 2 * width : width;
            ScheduledDropPath drop = config.dropPath() > 0
                    ? new ScheduledDropPath(config.dropPath(), (i + 1) / (double) config.cells()) : null;
            boolean halve0 = i > 0 && config.isReduction(i - 1);
            NasnetCell cell = addChildBlock("cell" + i, new NasnetCell(maxOut0, maxOut1, width, reduction, halve0, drop,
                    config.ops()));
            cells.add(cell);
            maxOut0 = maxOut1;
            maxOut1 = cell.maxOut();
        }
        classifier = addChildBlock("classifier", new ElasticLinear(maxOut1, numClasses));
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

    /**
     * A block's operation slot owns the weights of every operation it may hold, in every cell of its
     * type; an input choice owns none.
     */
    @Override
    public List<Parameter> ownWeights(String dimension) {
        space.dimension(dimension);
        Matcher m = OP_DIMENSION.matcher(dimension);
        if (!m.matches()) {
            return List.of();
        }
        boolean reduction = m.group(1).equals("r");
        int block = Integer.parseInt(m.group(2));
        int slot = Integer.parseInt(m.group(3)) - 1;
        return weightsOf(cells.stream().filter(c -> c.reduction() == reduction).flatMap(c -> c.slotOps(block, slot).stream()).toList());
    }

    @Override
    protected void applyChoices(Arch arch) {
        List<NasnetSpace.Block> normal = NasnetSpace.blocks(arch, "n");
        List<NasnetSpace.Block> reduce = NasnetSpace.blocks(arch, "r");
        for (int i = 0; i < cells.size(); i++) {
            cells.get(i).setActive(config.isReduction(i) ? reduce : normal);
        }
        // cells read their inputs' blocks through per-block weight columns, whichever blocks are concatenated
        for (int i = 0; i < cells.size(); i++) {
            cells.get(i).setInputCells(i >= 2 ? cells.get(i - 2) : null, i >= 1 ? cells.get(i - 1) : null);
        }
        NasnetCell last = cells.get(cells.size() - 1);
        classifier.setInputGroups(last.width(), last.outputBlocks());
    }

    @Override
    public void setTrainingProgress(double progress) {
        cells.forEach(c -> c.setTrainingProgress(progress));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = stem.forward(ps, inputs, training).singletonOrThrow();
        x = stemBn.forward(ps, new NDList(x), training).singletonOrThrow();
        NDArray prevPrev = x;
        NDArray prev = x;
        for (NasnetCell cell : cells) {
            NDArray out = cell.forward(ps, new NDList(prevPrev, prev), training).singletonOrThrow();
            prevPrev = prev;
            prev = out;
        }
        NDArray pooled = Pool.globalAvgPool2d(Activation.RELU.apply(prev));
        return classifier.forward(ps, new NDList(pooled), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), numClasses)};
    }

    @Override
    protected Block buildStatic(WeightCopier copier) {
        int f = config.filters();
        List<CellStack.TwoInputCell> stack = new ArrayList<>();
        long in0 = f;
        long in1 = f;
        for (NasnetCell cell : cells) {
            stack.add(cell.toStatic(in0, in1, copier));
            in0 = in1;
            in1 = cell.out();
        }
        return new SequentialBlock()
                .add(stem.toStatic(config.channels(), copier))
                .add(stemBn.toStatic(f, copier))
                .add(new CellStack(stack))
                .add(Activation.RELU.block())
                .add(new GlobalAvgPool())
                .add(classifier.toStatic(in1, copier));
    }

    @Override
    public Cost cost(Arch arch) {
        Arch before = active();
        activate(arch);
        long f = config.filters();
        long size = config.inputSize();
        Cost total = new Cost(size * size * f * config.channels() * 9, f * config.channels() * 9 + 2 * f);
        long in0 = f;
        long in1 = f;
        for (NasnetCell cell : cells) {
            total = total.plus(cell.cost(in0, in1, size));
            size = cell.outSize(size);
            in0 = in1;
            in1 = cell.out();
        }
        activate(before);
        return total.plus(new Cost(in1 * numClasses, in1 * numClasses + numClasses));
    }
}
