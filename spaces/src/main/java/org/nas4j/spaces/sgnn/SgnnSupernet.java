package org.nas4j.spaces.sgnn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.supernet.Supernet;

/**
 * The weight-sharing subgraph GNN: one {@link SgnnModel} holding every aggregation's MLPs, both root
 * encodings, the deepest stack and the widest columns; a child uses its encoding (or none), its
 * aggregations, its first layers and leading columns. Its input is a {@link GraphBatch}, its output
 * one row of predictions per graph.
 */
public final class SgnnSupernet extends Supernet {

    private static final byte VERSION = 1;

    private final SgnnConfig config;
    private final SearchSpace space;
    private final int outputs;
    private final SgnnModel model;

    /**
     * @param config the supernet's shape
     * @param outputs values predicted per graph
     */
    public SgnnSupernet(SgnnConfig config, int outputs) {
        super(VERSION);
        this.config = config;
        this.space = SgnnSpace.of(config);
        this.outputs = outputs;
        model = addChildBlock("model", new SgnnModel(config, SgnnArch.largest(config), outputs));
        activate(space.largest());
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    /** @return a placeholder: graph inputs are lists of tables, and every parameter's shape is fixed */
    @Override
    public Shape inputShape() {
        return new Shape(1);
    }

    @Override
    protected void applyChoices(Arch arch) {
        model.setActive(SgnnArch.of(arch));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return model.forward(ps, inputs, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return model.getOutputShapes(inputShapes);
    }

    @Override
    protected Block buildStatic(WeightCopier copier) {
        SgnnModel child = new SgnnModel(config, SgnnArch.of(active()), outputs);
        model.copyInto(child, copier);
        return child;
    }

    /**
     * MACs of one graph of {@link SgnnConfig#costNodes} vertices (the data's typical graph; a table of
     * n² pairs with subgraphs, n vertices without) and the child's learnable parameters. Gathers and
     * sums are not multiply-accumulates.
     */
    @Override
    public Cost cost(Arch arch) {
        SgnnArch a = SgnnArch.of(arch);
        long w = a.width();
        long n = config.costNodes();
        long rows = a.subgraphs() ? n * n : n;
        int updates = 1 + a.ops().size();
        long macs = a.depth() * updates * rows * 2 * w * w;
        macs += (a.subgraphs() ? n : 1) * 2 * w * w; // pooling's MLP on rows (one row per graph without subgraphs)
        macs += w * 2 * w + 2 * w * outputs;
        long params = config.atomFeatures().stream().mapToLong(v -> v * w).sum();
        params += switch (a.encoding()) {
            case NONE -> 0;
            case MARK -> 2 * w;
            case DIST -> (config.maxDistance() + 2L) * w;
        };
        long perLayer = updates * GinMlp.params(a.width(), true) + config.bondTypes() * w
                * (a.ops().contains(SubgraphOp.VL) ? 2 : 1) + 2 * w;
        params += a.depth() * perLayer + GinMlp.params(a.width(), false) + 2 * w;
        params += w * 2 * w + 2 * w + 2 * w * outputs + outputs;
        return new Cost(macs, params);
    }
}
