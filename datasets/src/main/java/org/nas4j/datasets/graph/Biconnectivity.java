package org.nas4j.datasets.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.graph.DefaultEdge;

/**
 * Cut vertices and bridges (JGraphT's biconnectivity inspector): the targets that separate GNNs by
 * whether they see graph biconnectivity (Zhang et al., ICLR 2023).
 *
 * @param cutVertices the vertices whose removal disconnects their component, ascending
 * @param bridges the edges whose removal does, as {@code {u, v}} with {@code u < v}, in {@link Graph#edges()} order
 */
public record Biconnectivity(List<Integer> cutVertices, List<int[]> bridges) {

    /** @return the cut vertices and bridges of {@code g} */
    public static Biconnectivity of(Graph g) {
        org.jgrapht.Graph<Integer, DefaultEdge> j = g.asJGraphT();
        BiconnectivityInspector<Integer, DefaultEdge> inspector = new BiconnectivityInspector<>(j);
        List<Integer> cuts = inspector.getCutpoints().stream().sorted().toList();
        Set<DefaultEdge> bridgeEdges = inspector.getBridges();
        List<int[]> bridges = new ArrayList<>();
        for (int[] e : g.edges()) {
            if (bridgeEdges.contains(j.getEdge(e[0], e[1]))) {
                bridges.add(e);
            }
        }
        return new Biconnectivity(cuts, List.copyOf(bridges));
    }
}
