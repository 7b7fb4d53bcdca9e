package org.nas4j.datasets.graph;

import java.util.Arrays;

/**
 * A graph with categorical features: per vertex a fixed number of feature ids, per edge one type id
 * (in {@link Graph#edges()} order). What a graph network reads.
 *
 * @param graph the structure
 * @param vertexFeatures {@code [vertex][feature]} ids
 * @param edgeTypes per edge its type id
 */
public record FeaturedGraph(Graph graph, int[][] vertexFeatures, int[] edgeTypes) {

    /** Checks the sizes. */
    public FeaturedGraph {
        if (vertexFeatures.length != graph.size() || edgeTypes.length != graph.edgeCount()) {
            throw new IllegalArgumentException(vertexFeatures.length + " vertex rows and " + edgeTypes.length
                    + " edge types for " + graph);
        }
    }

    /** @return the graph with one vertex feature and one edge type, both 0: an unlabelled graph */
    public static FeaturedGraph unlabelled(Graph g) {
        int[][] features = new int[g.size()][1];
        return new FeaturedGraph(g, features, new int[g.edgeCount()]);
    }

    /** @return the same graph with vertex {@code v} renamed {@code permutation[v]}, features and edge types moved along */
    public FeaturedGraph relabel(int[] permutation) {
        Graph renamed = graph.relabel(permutation);
        int[] inverse = new int[permutation.length];
        int[][] features = new int[graph.size()][];
        for (int v = 0; v < features.length; v++) {
            inverse[permutation[v]] = v;
            features[permutation[v]] = vertexFeatures[v];
        }
        int[][] types = neighbourEdgeTypes();
        int[] edges = renamed.edges().stream().mapToInt(e -> {
            int u = inverse[e[0]];
            return types[u][Arrays.binarySearch(graph.neighbours(u), inverse[e[1]])];
        }).toArray();
        return new FeaturedGraph(renamed, features, edges);
    }

    /** @return per vertex, the types of its edges in the order of {@link Graph#neighbours} */
    public int[][] neighbourEdgeTypes() {
        int[][] types = new int[graph.size()][];
        for (int v = 0; v < graph.size(); v++) {
            types[v] = new int[graph.degree(v)];
        }
        int e = 0;
        for (int[] edge : graph.edges()) {
            int u = edge[0];
            int v = edge[1];
            types[u][Arrays.binarySearch(graph.neighbours(u), v)] = edgeTypes[e];
            types[v][Arrays.binarySearch(graph.neighbours(v), u)] = edgeTypes[e];
            e++;
        }
        return types;
    }
}
