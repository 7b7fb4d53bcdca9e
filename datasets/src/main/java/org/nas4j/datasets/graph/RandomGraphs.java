package org.nas4j.datasets.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jgrapht.generate.GnpRandomGraphGenerator;
import org.jgrapht.generate.GraphGenerator;
import org.jgrapht.generate.RandomRegularGraphGenerator;
import org.jgrapht.graph.DefaultEdge;

/** Random graphs through JGraphT's generators, each from a seed, so one seed gives the same graph. */
public final class RandomGraphs {

    private RandomGraphs() {}

    /** @return an Erdős–Rényi graph: each of the {@code n(n-1)/2} edges present with probability {@code p} */
    public static Graph erdosRenyi(int n, double p, long seed) {
        return generate(new GnpRandomGraphGenerator<>(n, p, new Random(seed), false));
    }

    /** @return a random {@code d}-regular graph on {@code n} vertices ({@code n·d} even) */
    public static Graph regular(int n, int d, long seed) {
        return generate(new RandomRegularGraphGenerator<>(n, d, new Random(seed)));
    }

    private static Graph generate(GraphGenerator<Integer, DefaultEdge, Integer> generator) {
        org.jgrapht.Graph<Integer, DefaultEdge> g = Graph.emptyJGraphT();
        generator.generateGraph(g);
        List<int[]> edges = new ArrayList<>();
        for (DefaultEdge e : g.edgeSet()) {
            edges.add(new int[] {g.getEdgeSource(e), g.getEdgeTarget(e)});
        }
        return Graph.of(g.vertexSet().size(), edges);
    }
}
