package org.nas4j.datasets.graph;

import java.util.List;

/**
 * A graph regression dataset, split once and for all: every run of it trains, validates and tests on
 * the same graphs.
 *
 * @param name its name, for logs
 * @param input what a graph is given as outside the dataset: {@value #SMILES} or {@value #EDGE_LIST}
 * @param train the training graphs
 * @param validation the validation graphs
 * @param test the test graphs
 */
public record GraphData(String name, String input, List<Sample> train, List<Sample> validation, List<Sample> test) {

    /** Molecules, as SMILES strings. */
    public static final String SMILES = "smiles";
    /** Unlabelled graphs, as edge-list files. */
    public static final String EDGE_LIST = "edge-list";

    /**
     * @param graph the graph and its features
     * @param target the value to predict
     * @param source where it came from: a SMILES string, or the generator's index
     */
    public record Sample(FeaturedGraph graph, double target, String source) {}

    /** Copies the lists. */
    public GraphData {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }
}
