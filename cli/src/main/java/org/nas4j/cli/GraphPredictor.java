package org.nas4j.cli;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.graph.EdgeList;
import org.nas4j.datasets.graph.FeaturedGraph;
import org.nas4j.datasets.graph.GraphData;
import org.nas4j.datasets.graph.Molecule;
import org.nas4j.spaces.serving.GraphModelCard;
import org.nas4j.spaces.sgnn.GraphBatch;

/** An exported graph network loaded from its model directory: DJL's Model with the card's network. */
final class GraphPredictor implements AutoCloseable {

    private final Model model;
    private final GraphModelCard card;

    private GraphPredictor(Model model, GraphModelCard card) {
        this.model = model;
        this.card = card;
    }

    /**
     * @param dir a graph network's model directory
     * @return the predictor
     * @throws UserException if a file is missing or corrupt
     */
    static GraphPredictor open(Path dir) {
        GraphModelCard card = GraphModelCard.read(dir);
        Model model = SavedNetwork.load(dir, card.name(), card.structure(), "graph network");
        return new GraphPredictor(model, card);
    }

    /** @return what the model predicts, e.g. {@code triangles} */
    String target() {
        return card.target();
    }

    /**
     * @param input a SMILES string, or an edge-list file, as the model reads
     * @return the graph it stands for
     * @throws UserException if it cannot be read
     */
    FeaturedGraph read(String input) throws IOException {
        return card.input().equals(GraphData.SMILES) ? Molecule.parse(input).features()
                : FeaturedGraph.unlabelled(EdgeList.read(Path.of(input)));
    }

    /** @return the predicted value of each graph, in the target's units */
    double[] predict(List<FeaturedGraph> graphs) {
        try (NDManager m = model.getNDManager().newSubManager()) {
            float[] out = model.getBlock().forward(new ParameterStore(m, false), GraphBatch.of(m, graphs), false)
                    .singletonOrThrow().toFloatArray();
            double[] values = new double[out.length];
            for (int i = 0; i < out.length; i++) {
                values[i] = out[i] * card.scale() + card.mean();
            }
            return values;
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
