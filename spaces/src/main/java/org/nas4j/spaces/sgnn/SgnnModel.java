package org.nas4j.spaces.sgnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.nn.AbstractElasticBlock;
import org.nas4j.core.nn.ElasticBatchNorm;
import org.nas4j.core.nn.ElasticLinear;
import org.nas4j.core.nn.Slices;
import org.nas4j.core.nn.WeightCopier;

/**
 * A subgraph GNN over a {@link GraphBatch}, built to hold one arch's parts or (for the supernet) every
 * part at the largest sizes, of which the active arch uses its encoding, its aggregations, its first
 * layers and the leading columns. Vertex features embed as a sum of tables; the root's mark or
 * distance adds its own table's row. Each layer sums the {@link GinMlp} of {@code uL} and of each
 * chosen aggregation, then batch norm and ReLU; {@code L} messages carry an edge-type embedding
 * ({@code ReLU(h + e)}). Pooling sums each row (VS) or column (SV), applies an MLP, batch norm and ReLU,
 * and averages over the graph's vertices; a two-layer head maps to the outputs. Without subgraphs the
 * same layers run on the vertex table, and the graph's vertices are summed once.
 */
final class SgnnModel extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final SgnnConfig config;
    private final SgnnArch holds;
    private final int outputs;
    private final MacCounter macs = new MacCounter();
    private final List<Parameter> atomTables = new ArrayList<>();
    private final Parameter markTable;
    private final Parameter distanceTable;
    private final List<Layer> layers = new ArrayList<>();
    private final GinMlp pool;
    private final ElasticBatchNorm poolNorm;
    private final ElasticLinear hidden;
    private final ElasticLinear out;
    private SgnnArch active;

    /**
     * @param config the space's shape
     * @param holds the parts to hold: an arch, or the largest for a supernet
     * @param outputs predicted values per graph
     */
    SgnnModel(SgnnConfig config, SgnnArch holds, int outputs) {
        super(VERSION);
        this.config = config;
        this.holds = holds;
        this.outputs = outputs;
        int w = holds.width();
        for (int f = 0; f < config.atomFeatures().size(); f++) {
            atomTables.add(table("atoms" + f, config.atomFeatures().get(f), w));
        }
        // the supernet (the largest arch, which encodes distance) holds the mark table too
        boolean supernet = holds.equals(SgnnArch.largest(config));
        markTable = holds.encoding() == Encoding.MARK || supernet ? table("mark", 2, w) : null;
        distanceTable = holds.encoding() == Encoding.DIST ? table("distance", config.maxDistance() + 2, w) : null;
        for (int l = 0; l < holds.depth(); l++) {
            layers.add(addChildBlock("layer" + (l + 1), new Layer(holds, config.bondTypes(), macs)));
        }
        pool = addChildBlock("pool", new GinMlp(w, false, macs));
        poolNorm = addChildBlock("poolNorm", new ElasticBatchNorm(w, false));
        hidden = addChildBlock("hidden", new ElasticLinear(w, 2 * w));
        out = addChildBlock("out", new ElasticLinear(2 * w, outputs));
        setActive(holds);
    }

    private Parameter table(String name, int rows, int width) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(new Shape(rows, width)).build());
    }

    void setActive(SgnnArch arch) {
        active = arch;
        for (Layer layer : layers) {
            layer.setActiveWidth(arch.width());
        }
        pool.setActiveWidth(arch.width());
        hidden.setActiveOut(2 * arch.width());
    }

    MacCounter macs() {
        return macs;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        boolean pairs = active.subgraphs();
        int w = active.width();
        NDArray features = in.get(pairs ? GraphBatch.PAIR_FEATURES : GraphBatch.NODE_FEATURES);
        NDArray h = null;
        for (int f = 0; f < atomTables.size(); f++) {
            NDArray e = lookup(ps, atomTables.get(f), features.get(":, " + f), w, training);
            h = h == null ? e : h.add(e);
        }
        if (pairs) {
            NDArray distance = in.get(GraphBatch.PAIR_DISTANCE);
            h = active.encoding() == Encoding.MARK
                    ? h.add(lookup(ps, markTable, distance.eq(0).toType(DataType.INT64, false), w, training))
                    : h.add(lookup(ps, distanceTable, distanceRows(distance), w, training));
        }
        for (int l = 0; l < active.depth(); l++) {
            h = layers.get(l).forward(ps, in, h, active, training);
        }
        NDArray rows = (pairs ? in.get(active.sv() ? GraphBatch.COLUMN_SUM : GraphBatch.ROW_SUM) : in.get(GraphBatch.GRAPH_SUM))
                .matMul(h);
        NDArray p = pool.forward(ps, new NDList(rows, rows), training).singletonOrThrow();
        p = poolNorm.forward(ps, new NDList(p), training).singletonOrThrow().getNDArrayInternal().relu();
        NDArray graphs = pairs ? in.get(GraphBatch.GRAPH_MEAN).matMul(p) : p;
        NDArray z = macs.linear(hidden, ps, graphs, training).getNDArrayInternal().relu();
        return new NDList(macs.linear(out, ps, z, training));
    }

    /** @return the distance table's row of each pair: the distance up to the largest, one more row for no path */
    private NDArray distanceRows(NDArray distance) {
        int max = config.maxDistance();
        NDArray clipped = distance.clip(0, max);
        return NDArrays.where(distance.lt(0), clipped.zerosLike().add(max + 1), clipped);
    }

    private static NDArray lookup(ParameterStore ps, Parameter table, NDArray ids, int width, boolean training) {
        NDArray t = ps.getValue(table, ids.getDevice(), training);
        NDArray slice = Slices.leading2(t, ids.getManager(), t.getShape().get(0), width);
        // into the step's manager: at full width the slice is the table itself, whose manager lives as long as the model
        return slice.get(ids.getManager(), new NDIndex("{}", ids));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(-1, outputs)};
    }

    /** Queues copying the active arch's parts into a model that holds exactly them. */
    void copyInto(SgnnModel child, WeightCopier copier) {
        int w = child.holds.width();
        for (int f = 0; f < atomTables.size(); f++) {
            copyTable(atomTables.get(f), child.atomTables.get(f), w, copier);
        }
        if (child.markTable != null) {
            copyTable(markTable, child.markTable, w, copier);
        }
        if (child.distanceTable != null) {
            copyTable(distanceTable, child.distanceTable, w, copier);
        }
        for (int l = 0; l < child.layers.size(); l++) {
            layers.get(l).copyInto(child.layers.get(l), w, copier);
        }
        pool.copyInto(child.pool, copier);
        poolNorm.copyInto(child.poolNorm, copier);
        hidden.copyInto(child.hidden, copier);
        out.copyInto(child.out, copier);
    }

    private static void copyTable(Parameter from, Parameter to, int width, WeightCopier copier) {
        copier.copy(to, m -> Slices.leading2(from.getArray(), m, from.getArray().getShape().get(0), width));
    }

    /** One message-passing layer: a {@link GinMlp} per aggregation, summed, then batch norm and ReLU. */
    static final class Layer extends AbstractElasticBlock {

        private final GinMlp local;
        private final Map<SubgraphOp, GinMlp> others = new EnumMap<>(SubgraphOp.class);
        private final Parameter localEdges;
        private final Parameter crossEdges;
        private final ElasticBatchNorm norm;

        Layer(SgnnArch holds, int bondTypes, MacCounter macs) {
            super(VERSION);
            int w = holds.width();
            local = addChildBlock("uL", new GinMlp(w, true, macs));
            localEdges = addParameter(Parameter.builder().setName("uLEdges").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(bondTypes, w)).build());
            for (SubgraphOp op : holds.ops()) {
                others.put(op, addChildBlock(op.code(), new GinMlp(w, true, macs)));
            }
            crossEdges = holds.ops().contains(SubgraphOp.VL) ? addParameter(Parameter.builder().setName("vLEdges")
                    .setType(Parameter.Type.WEIGHT).optShape(new Shape(bondTypes, w)).build()) : null;
            norm = addChildBlock("norm", new ElasticBatchNorm(w, false));
        }

        void setActiveWidth(int width) {
            local.setActiveWidth(width);
            others.values().forEach(g -> g.setActiveWidth(width));
        }

        NDArray forward(ParameterStore ps, NDList in, NDArray h, SgnnArch arch, boolean training) {
            boolean pairs = arch.subgraphs();
            int w = arch.width();
            NDArray sum = local.forward(ps, new NDList(h, pairs
                    ? messages(ps, in, h, GraphBatch.UL_SOURCE, GraphBatch.UL_EDGE, GraphBatch.UL_SUM, localEdges, w, training)
                    : messages(ps, in, h, GraphBatch.NODE_SOURCE, GraphBatch.NODE_EDGE, GraphBatch.NODE_SUM, localEdges, w, training)),
                    training).singletonOrThrow();
            for (SubgraphOp op : arch.ops()) {
                NDArray a = switch (op) {
                    case VL -> messages(ps, in, h, GraphBatch.VL_SOURCE, GraphBatch.VL_EDGE, GraphBatch.VL_SUM, crossEdges, w, training);
                    case VG -> in.get(GraphBatch.COLUMN_SUM).matMul(h).get(in.get(GraphBatch.COLUMN));
                    case UG -> in.get(GraphBatch.ROW_SUM).matMul(h).get(in.get(GraphBatch.ROW));
                    case VV -> h.get(in.get(GraphBatch.DIAGONAL));
                    case UU -> h.get(in.get(GraphBatch.ROOT));
                    case VU -> h.get(in.get(GraphBatch.TRANSPOSED));
                };
                sum = sum.add(others.get(op).forward(ps, new NDList(h, a), training).singletonOrThrow());
            }
            return norm.forward(ps, new NDList(sum), training).singletonOrThrow().getNDArrayInternal().relu();
        }

        /** {@code Σ ReLU(h[source] + e[edge type])} into each destination. */
        private static NDArray messages(ParameterStore ps, NDList in, NDArray h, int source, int edge, int sum, Parameter edges,
                int width, boolean training) {
            NDArray gathered = h.get(in.get(source)).add(lookup(ps, edges, in.get(edge), width, training));
            return in.get(sum).matMul(gathered.getNDArrayInternal().relu());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            throw new UnsupportedOperationException("a layer runs through SgnnModel");
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }

        void copyInto(Layer child, int width, WeightCopier copier) {
            local.copyInto(child.local, copier);
            copyTable(localEdges, child.localEdges, width, copier);
            child.others.forEach((op, g) -> others.get(op).copyInto(g, copier));
            if (child.crossEdges != null) {
                copyTable(crossEdges, child.crossEdges, width, copier);
            }
            norm.copyInto(child.norm, copier);
        }
    }
}
