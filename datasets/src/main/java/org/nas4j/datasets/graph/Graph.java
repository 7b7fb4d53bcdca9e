package org.nas4j.datasets.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * A simple undirected graph on vertices {@code 0..n-1}: no self-loops, no repeated edges. Immutable;
 * each vertex's neighbours are kept sorted, so two graphs built from the same edges in any order are
 * equal.
 */
public final class Graph {

    private final int[][] neighbours;
    private final int edgeCount;

    private Graph(int[][] neighbours, int edgeCount) {
        this.neighbours = neighbours;
        this.edgeCount = edgeCount;
    }

    /**
     * @param n the number of vertices
     * @param edges each edge as {@code {u, v}}, in any order and orientation
     * @throws IllegalArgumentException on an id outside {@code 0..n-1}, a self-loop or a repeated edge
     */
    public static Graph of(int n, List<int[]> edges) {
        List<List<Integer>> lists = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        for (int[] e : edges) {
            int u = e[0];
            int v = e[1];
            if (u < 0 || v < 0 || u >= n || v >= n) {
                throw new IllegalArgumentException("edge " + u + " " + v + " has an id outside 0.." + (n - 1));
            }
            if (u == v) {
                throw new IllegalArgumentException("self-loop at " + u);
            }
            if (lists.get(u).contains(v)) {
                throw new IllegalArgumentException("edge " + u + " " + v + " repeated");
            }
            lists.get(u).add(v);
            lists.get(v).add(u);
        }
        int[][] neighbours = new int[n][];
        for (int i = 0; i < n; i++) {
            neighbours[i] = lists.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return new Graph(neighbours, edges.size());
    }

    /** @return a graph from pairs written flat, {@code u0, v0, u1, v1, ...} */
    public static Graph of(int n, int... flatEdges) {
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i + 1 < flatEdges.length; i += 2) {
            edges.add(new int[] {flatEdges[i], flatEdges[i + 1]});
        }
        return of(n, edges);
    }

    /** @return the same graph with vertex {@code v} renamed {@code permutation[v]} */
    public Graph relabel(int[] permutation) {
        List<int[]> renamed = new ArrayList<>();
        edges().forEach(e -> renamed.add(new int[] {permutation[e[0]], permutation[e[1]]}));
        return of(size(), renamed);
    }

    /** @return the number of vertices */
    public int size() {
        return neighbours.length;
    }

    /** @return the number of edges */
    public int edgeCount() {
        return edgeCount;
    }

    /** @return the neighbours of {@code v}, ascending; do not modify */
    public int[] neighbours(int v) {
        return neighbours[v];
    }

    /** @return the number of neighbours of {@code v} */
    public int degree(int v) {
        return neighbours[v].length;
    }

    /** @return whether {@code u} and {@code v} are adjacent */
    public boolean adjacent(int u, int v) {
        return Arrays.binarySearch(neighbours[u], v) >= 0;
    }

    /** @return every edge once, as {@code {u, v}} with {@code u < v}, by {@code u} then {@code v} */
    public List<int[]> edges() {
        List<int[]> edges = new ArrayList<>(edgeCount);
        for (int u = 0; u < neighbours.length; u++) {
            for (int v : neighbours[u]) {
                if (u < v) {
                    edges.add(new int[] {u, v});
                }
            }
        }
        return edges;
    }

    /**
     * @return the shortest-path distance between every pair, {@code -1} where no path exists (breadth-first
     *         search from each vertex)
     */
    public int[][] distances() {
        int n = size();
        int[][] d = new int[n][];
        int[] queue = new int[n];
        for (int s = 0; s < n; s++) {
            int[] row = new int[n];
            Arrays.fill(row, -1);
            row[s] = 0;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            while (head < tail) {
                int u = queue[head++];
                for (int w : neighbours[u]) {
                    if (row[w] < 0) {
                        row[w] = row[u] + 1;
                        queue[tail++] = w;
                    }
                }
            }
            d[s] = row;
        }
        return d;
    }

    /** @return this graph as a JGraphT simple graph on the same vertex ids, for JGraphT's algorithms */
    public org.jgrapht.Graph<Integer, DefaultEdge> asJGraphT() {
        org.jgrapht.Graph<Integer, DefaultEdge> j = emptyJGraphT();
        for (int v = 0; v < size(); v++) {
            j.addVertex();
        }
        for (int[] e : edges()) {
            j.addEdge(e[0], e[1]);
        }
        return j;
    }

    /** @return an empty JGraphT simple graph whose vertices are numbered 0, 1, ... as they are added */
    static org.jgrapht.Graph<Integer, DefaultEdge> emptyJGraphT() {
        Supplier<Integer> ids = new Supplier<>() {
            private int next;

            @Override
            public Integer get() {
                return next++;
            }
        };
        return new SimpleGraph<>(ids, DefaultEdge::new, false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Graph g && Arrays.deepEquals(neighbours, g.neighbours);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(neighbours);
    }

    @Override
    public String toString() {
        return "Graph[" + size() + " vertices, " + edgeCount + " edges]";
    }
}
