package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A static cell: node 0 is the input, node {@code j} the sum of the operations on the edges into it
 * (zero when none), the last node the output. Every operation keeps its input's shape.
 */
public final class Cell extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    /**
     * An edge with an operation.
     *
     * @param from source node
     * @param to target node, greater than {@code from}
     * @param op the operation
     */
    public record Edge(int from, int to, Block op) {}

    private final int nodes;
    private final List<Edge> edges;

    /**
     * @param nodes node count, input included
     * @param edges the edges that carry an operation (a "none" edge is simply left out)
     */
    public Cell(int nodes, List<Edge> edges) {
        super(VERSION);
        this.nodes = nodes;
        this.edges = List.copyOf(edges);
        for (Edge e : this.edges) {
            if (e.from() < 0 || e.from() >= e.to() || e.to() >= nodes) {
                throw new IllegalArgumentException("bad edge " + e.from() + "->" + e.to() + " in a cell of " + nodes + " nodes");
            }
            addChildBlock("e" + e.from() + "_" + e.to(), e.op());
        }
    }

    public int nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        List<NDArray> node = new ArrayList<>(List.of(x));
        for (int j = 1; j < nodes; j++) {
            NDArray sum = null;
            for (Edge e : edges) {
                if (e.to() == j && node.get(e.from()) != null) {
                    NDArray y = e.op().forward(ps, new NDList(node.get(e.from())), training).singletonOrThrow();
                    sum = sum == null ? y : sum.add(y);
                }
            }
            node.add(sum);
        }
        NDArray out = node.get(nodes - 1);
        return new NDList(out != null ? out : x.zerosLike());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
