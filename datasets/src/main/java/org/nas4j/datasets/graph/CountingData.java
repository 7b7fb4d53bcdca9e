package org.nas4j.datasets.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Substructure counting on random graphs, in the style of Chen et al. (NeurIPS 2020) as the subgraph
 * GNN papers use it: graphs of 10 to 20 vertices, three in four Erdős–Rényi with an edge probability
 * between 0.1 and 0.35, one in four random 3- or 4-regular (where degrees say nothing and only
 * structure counts); the target is a substructure count. The graphs are the same for every target
 * and every run (one fixed generator seed): 1,500 train, 500 validation, 500 test.
 */
public final class CountingData {

    static final int TRAIN = 1500;
    static final int VALIDATION = 500;
    static final int TEST = 500;
    private static final long SEED = 19;

    private CountingData() {}

    /** @return the dataset for this count */
    public static GraphData of(Substructure target) {
        List<GraphData.Sample> all = new ArrayList<>();
        SplittableRandom root = new SplittableRandom(SEED);
        for (int i = 0; i < TRAIN + VALIDATION + TEST; i++) {
            Graph g = graph(i, root.split());
            all.add(new GraphData.Sample(FeaturedGraph.unlabelled(g), target.count(g), "graph " + i));
        }
        return new GraphData(target.id(), GraphData.EDGE_LIST, all.subList(0, TRAIN), all.subList(TRAIN, TRAIN + VALIDATION),
                all.subList(TRAIN + VALIDATION, all.size()));
    }

    /** @return graph {@code i} of the collection, drawn with its own generator */
    private static Graph graph(int i, SplittableRandom rng) {
        int n = 10 + rng.nextInt(11);
        if (i % 4 == 3) {
            int d = 3 + rng.nextInt(2);
            return RandomGraphs.regular(n % 2 == 1 && d % 2 == 1 ? n + 1 : n, d, rng.nextLong());
        }
        return RandomGraphs.erdosRenyi(n, 0.1 + 0.25 * rng.nextDouble(), rng.nextLong());
    }
}
