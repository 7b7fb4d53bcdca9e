package org.nas4j.spaces.sgnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.nas4j.core.nn.SparseMatrix;
import org.nas4j.datasets.graph.FeaturedGraph;
import org.nas4j.datasets.graph.Graph;

/**
 * Graphs of any sizes as one network input: every graph's vertex-pair table (row {@code u} the
 * subgraph of root {@code u}, column {@code v} its vertex) and its vertex table, stacked; each
 * aggregation as index arrays to gather from and a sparse 0/1 matrix that sums what was gathered into
 * its destinations (a scatter-add as one sparse product, which LibTorch differentiates). Built once per
 * batch on the CPU; a forward pass then has no per-graph loop.
 */
public final class GraphBatch {

    /** Pair table: vertex features of {@code v}, {@code (items, features)}. */
    static final int PAIR_FEATURES = 0;
    /** Pair table: the shortest-path distance from {@code u} to {@code v}, -1 when unreachable. */
    static final int PAIR_DISTANCE = 1;
    /** uL messages: source pair {@code (u, w)}, edge type of {@code v w}, and the sum into {@code (u, v)}. */
    static final int UL_SOURCE = 2;
    static final int UL_EDGE = 3;
    static final int UL_SUM = 4;
    /** vL messages: source pair {@code (w, v)}, edge type of {@code u w}, and the sum into {@code (u, v)}. */
    static final int VL_SOURCE = 5;
    static final int VL_EDGE = 6;
    static final int VL_SUM = 7;
    /** Each pair's row (its root's vertex id in the batch) and the sparse row sums {@code (vertices, items)}. */
    static final int ROW = 8;
    static final int ROW_SUM = 9;
    /** Each pair's column and the column sums. */
    static final int COLUMN = 10;
    static final int COLUMN_SUM = 11;
    /** The pairs {@code (u, u)}, {@code (v, v)} and {@code (v, u)} of each pair. */
    static final int ROOT = 12;
    static final int DIAGONAL = 13;
    static final int TRANSPOSED = 14;
    /** Per graph the mean over its vertices, sparse {@code (graphs, vertices)}. */
    static final int GRAPH_MEAN = 15;
    /** Vertex table: features, {@code (vertices, features)}. */
    static final int NODE_FEATURES = 16;
    /** Message passing on vertices: source vertex, edge type, and the sum into each vertex. */
    static final int NODE_SOURCE = 17;
    static final int NODE_EDGE = 18;
    static final int NODE_SUM = 19;
    /** Per graph the sum over its vertices, sparse {@code (graphs, vertices)}. */
    static final int GRAPH_SUM = 20;
    static final int SIZE = 21;

    private GraphBatch() {}

    /**
     * @param manager where the arrays live
     * @param graphs the graphs, in order
     * @return the network's input
     */
    public static NDList of(NDManager manager, List<FeaturedGraph> graphs) {
        int features = graphs.get(0).vertexFeatures()[0].length;
        int vertices = 0;
        long items = 0;
        long pairMessages = 0;
        long nodeMessages = 0;
        for (FeaturedGraph fg : graphs) {
            Graph g = fg.graph();
            vertices += g.size();
            items += (long) g.size() * g.size();
            pairMessages += 2L * g.size() * 2 * g.edgeCount();
            nodeMessages += 2L * g.edgeCount();
        }
        int n = Math.toIntExact(items);
        long[] pairFeatures = new long[n * features];
        long[] distance = new long[n];
        Messages ul = new Messages(pairMessages / 2);
        Messages vl = new Messages(pairMessages / 2);
        long[] row = new long[n];
        long[] column = new long[n];
        long[] root = new long[n];
        long[] diagonal = new long[n];
        long[] transposed = new long[n];
        long[] nodeFeatures = new long[vertices * features];
        Messages node = new Messages(nodeMessages);
        long[][] graphIndex = new long[2][vertices];
        float[] inverseSize = new float[vertices];
        int vertexBase = 0;
        int itemBase = 0;
        for (int gi = 0; gi < graphs.size(); gi++) {
            FeaturedGraph fg = graphs.get(gi);
            Graph g = fg.graph();
            int size = g.size();
            int[][] d = g.distances();
            int[][] types = fg.neighbourEdgeTypes();
            for (int v = 0; v < size; v++) {
                int vertex = vertexBase + v;
                for (int f = 0; f < features; f++) {
                    nodeFeatures[vertex * features + f] = fg.vertexFeatures()[v][f];
                }
                graphIndex[0][vertex] = gi;
                graphIndex[1][vertex] = vertex;
                inverseSize[vertex] = 1f / size;
                int[] nv = g.neighbours(v);
                for (int i = 0; i < nv.length; i++) {
                    node.add(vertex, vertexBase + nv[i], types[v][i]);
                }
            }
            for (int u = 0; u < size; u++) {
                for (int v = 0; v < size; v++) {
                    int item = itemBase + u * size + v;
                    for (int f = 0; f < features; f++) {
                        pairFeatures[item * features + f] = fg.vertexFeatures()[v][f];
                    }
                    distance[item] = d[u][v];
                    row[item] = vertexBase + u;
                    column[item] = vertexBase + v;
                    root[item] = itemBase + u * size + u;
                    diagonal[item] = itemBase + v * size + v;
                    transposed[item] = itemBase + v * size + u;
                    int[] nv = g.neighbours(v);
                    for (int i = 0; i < nv.length; i++) {
                        ul.add(item, itemBase + u * size + nv[i], types[v][i]);
                    }
                    int[] nu = g.neighbours(u);
                    for (int i = 0; i < nu.length; i++) {
                        vl.add(item, itemBase + nu[i] * size + v, types[u][i]);
                    }
                }
            }
            vertexBase += size;
            itemBase += size * size;
        }
        NDArray[] arrays = new NDArray[SIZE];
        arrays[PAIR_FEATURES] = manager.create(pairFeatures, new Shape(n, features));
        arrays[PAIR_DISTANCE] = manager.create(distance);
        ul.into(manager, arrays, UL_SOURCE, UL_EDGE, UL_SUM, n);
        vl.into(manager, arrays, VL_SOURCE, VL_EDGE, VL_SUM, n);
        arrays[ROW] = manager.create(row);
        arrays[ROW_SUM] = sum(manager, row, vertices);
        arrays[COLUMN] = manager.create(column);
        arrays[COLUMN_SUM] = sum(manager, column, vertices);
        arrays[ROOT] = manager.create(root);
        arrays[DIAGONAL] = manager.create(diagonal);
        arrays[TRANSPOSED] = manager.create(transposed);
        arrays[GRAPH_MEAN] = SparseMatrix.coo(manager, graphIndex[0], graphIndex[1], inverseSize, new Shape(graphs.size(), vertices));
        arrays[NODE_FEATURES] = manager.create(nodeFeatures, new Shape(vertices, features));
        node.into(manager, arrays, NODE_SOURCE, NODE_EDGE, NODE_SUM, vertices);
        float[] ones = new float[vertices];
        java.util.Arrays.fill(ones, 1f);
        arrays[GRAPH_SUM] = SparseMatrix.coo(manager, graphIndex[0], graphIndex[1], ones, new Shape(graphs.size(), vertices));
        return new NDList(arrays);
    }

    /** @return a sparse {@code (groups, members)} 0/1 matrix: member {@code i} belongs to group {@code groupOf[i]} */
    private static NDArray sum(NDManager manager, long[] groupOf, int groups) {
        long[] members = new long[groupOf.length];
        for (int i = 0; i < members.length; i++) {
            members[i] = i;
        }
        float[] ones = new float[groupOf.length];
        java.util.Arrays.fill(ones, 1f);
        return SparseMatrix.coo(manager, groupOf, members, ones, new Shape(groups, groupOf.length));
    }

    /** Messages of one aggregation, in order: destination, source and edge type of each. */
    private static final class Messages {
        private final long[] destination;
        private final long[] source;
        private final long[] edge;
        private int count;

        Messages(long capacity) {
            int c = Math.toIntExact(capacity);
            destination = new long[c];
            source = new long[c];
            edge = new long[c];
        }

        void add(long to, long from, int type) {
            destination[count] = to;
            source[count] = from;
            edge[count] = type;
            count++;
        }

        void into(NDManager manager, NDArray[] arrays, int sourceAt, int edgeAt, int sumAt, int rows) {
            if (count != source.length) {
                throw new IllegalStateException(count + " messages, " + source.length + " expected");
            }
            arrays[sourceAt] = manager.create(source);
            arrays[edgeAt] = manager.create(edge);
            arrays[sumAt] = sum(manager, destination, rows);
        }
    }
}
