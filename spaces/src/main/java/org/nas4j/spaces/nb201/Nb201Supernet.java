package org.nas4j.spaces.nb201;

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
import org.nas4j.core.nn.AbstractElasticBlock;
import org.nas4j.core.nn.Activation;
import org.nas4j.core.nn.AvgPool;
import org.nas4j.core.nn.ElasticBatchNorm;
import org.nas4j.core.nn.ElasticConv2d;
import org.nas4j.core.nn.ElasticLinear;
import org.nas4j.core.nn.GlobalAvgPool;
import org.nas4j.core.nn.Residual;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.supernet.Relaxable;
import org.nas4j.core.supernet.Supernet;

/**
 * The NAS-Bench-201 supernet: one mixed cell per position (all cells share the arch), trained by
 * single-path sampling. Stem 3×3 conv + BN; three stages of cells at widths C, 2C, 4C; between them
 * NAS-Bench-201's residual reduction block (ReLU-conv3×3/2-BN, ReLU-conv3×3-BN, shortcut 2×2 average
 * pool + 1×1 conv); then BN, ReLU, global pooling and a linear classifier.
 */
public final class Nb201Supernet extends Supernet implements Relaxable {

    private static final byte VERSION = 1;

    private final Nb201Config config;
    private final SearchSpace space;
    private final int numClasses;
    private final ElasticConv2d stem;
    private final ElasticBatchNorm stemBn;
    /** Stages of cells, with a reduction before each stage but the first. */
    private final List<List<MixedCell>> stages = new ArrayList<>();
    private final List<Reduction> reductions = new ArrayList<>();
    private final ElasticBatchNorm lastBn;
    private final ElasticLinear classifier;

    /**
     * @param config the network's shape
     * @param numClasses classifier outputs
     */
    public Nb201Supernet(Nb201Config config, int numClasses) {
        super(VERSION);
        this.config = config;
        this.space = Nb201Space.of(config.name());
        this.numClasses = numClasses;
        int c = config.width();
        stem = addChildBlock("stem", ElasticConv2d.builder().setChannels(config.channels(), c).optMaxKernel(3).build());
        stemBn = addChildBlock("stem_bn", new ElasticBatchNorm(c, false, config.affine()));
        for (int s = 0; s < 3; s++) {
            int w = c << s;
            if (s > 0) {
                reductions.add(addChildBlock("reduce" + s, new Reduction(w / 2, w, config.affine())));
            }
            List<MixedCell> cells = new ArrayList<>();
            for (int i = 0; i < config.cellsPerStage(); i++) {
                cells.add(addChildBlock("stage" + (s + 1) + "_cell" + (i + 1), new MixedCell(w, config.affine())));
            }
            stages.add(cells);
        }
        lastBn = addChildBlock("last_bn", new ElasticBatchNorm(4 * c, false, config.affine()));
        classifier = addChildBlock("classifier", new ElasticLinear(4 * c, numClasses));
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
    public List<String> relaxedDimensions() {
        return space.dimensions().stream().map(d -> d.name()).toList();
    }

    /** "none" is relaxed but never derived, as in DARTS. */
    @Override
    public boolean derivable(String choice) {
        return !choice.equals("none");
    }

    /** An edge's own weights: its two convolutions, in every cell. */
    @Override
    public List<Parameter> ownWeights(String dimension) {
        space.dimension(dimension);
        return weightsOf(stages.stream().flatMap(List::stream).flatMap(cell -> cell.edgeOps(dimension).stream()).toList());
    }

    /** One weight matrix for every cell: NAS-Bench-201 repeats one cell. */
    @Override
    public void relax(NDArray weights) {
        stages.forEach(cells -> cells.forEach(cell -> cell.relax(weights)));
    }

    @Override
    protected void applyChoices(Arch arch) {
        stages.forEach(cells -> cells.forEach(cell -> cell.setActive(arch)));
    }

    private static NDArray run(Block b, ParameterStore ps, NDArray x, boolean training) {
        return b.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = run(stemBn, ps, run(stem, ps, inputs.singletonOrThrow(), training), training);
        for (int s = 0; s < stages.size(); s++) {
            if (s > 0) {
                x = run(reductions.get(s - 1), ps, x, training);
            }
            for (MixedCell cell : stages.get(s)) {
                x = run(cell, ps, x, training);
            }
        }
        x = Activation.RELU.apply(run(lastBn, ps, x, training));
        return new NDList(run(classifier, ps, Pool.globalAvgPool2d(x), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), numClasses)};
    }

    @Override
    protected Block buildStatic(WeightCopier copier) {
        int c = config.width();
        SequentialBlock net = new SequentialBlock()
                .add(stem.toStatic(config.channels(), copier))
                .add(stemBn.toStatic(c, copier));
        for (int s = 0; s < stages.size(); s++) {
            if (s > 0) {
                net.add(reductions.get(s - 1).toStatic(copier));
            }
            for (MixedCell cell : stages.get(s)) {
                net.add(cell.toStatic(copier));
            }
        }
        return net.add(lastBn.toStatic(4L * c, copier))
                .add(Activation.RELU.block())
                .add(new GlobalAvgPool())
                .add(classifier.toStatic(4L * c, copier));
    }

    @Override
    public Cost cost(Arch arch) {
        String[] ops = MixedCell.ops(arch);
        long c = config.width();
        long size = config.inputSize();
        Cost total = new Cost(size * size * c * config.channels() * 9, c * config.channels() * 9 + 2 * c);
        for (int s = 0; s < stages.size(); s++) {
            if (s > 0) {
                total = total.plus(reductions.get(s - 1).cost(size));
                size = reductions.get(s - 1).outSize(size);
            }
            for (MixedCell cell : stages.get(s)) {
                total = total.plus(cell.cost(size, ops));
            }
        }
        long last = 4 * c;
        return total.plus(new Cost(last * numClasses, 2 * last + last * numClasses + numClasses));
    }

    /** NAS-Bench-201's residual reduction block. */
    private static final class Reduction extends AbstractElasticBlock {

        private final int in;
        private final int out;
        private final ReluConvBn convA;
        private final ReluConvBn convB;
        private final ElasticConv2d shortcut;

        Reduction(int in, int out, boolean affine) {
            super(VERSION);
            this.in = in;
            this.out = out;
            convA = addChildBlock("conv_a", new ReluConvBn(in, out, 3, 2, affine));
            convB = addChildBlock("conv_b", new ReluConvBn(out, out, 3, 1, affine));
            shortcut = addChildBlock("shortcut", ElasticConv2d.builder().setChannels(in, out).build());
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            NDArray body = run(convB, ps, run(convA, ps, x, training), training);
            NDArray pooled = AvgPool.apply(x, 2, 2, 0);
            return new NDList(body.add(run(shortcut, ps, pooled, training)));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return convA.getOutputShapes(inputShapes);
        }

        long outSize(long size) {
            return convA.outSize(size);
        }

        Cost cost(long size) {
            long o = outSize(size);
            return convA.cost(size).plus(convB.cost(o)).plus(new Cost(o * o * in * out, (long) in * out));
        }

        Block toStatic(WeightCopier copier) {
            Block body = new SequentialBlock().add(convA.toStatic(copier)).add(convB.toStatic(copier));
            Block skip = new SequentialBlock().add(new AvgPool(2, 2, 0)).add(shortcut.toStatic(in, copier));
            return new Residual(body, skip);
        }
    }
}
