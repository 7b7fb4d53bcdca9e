package org.nas4j.spaces.serving;

import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.List;
import org.nas4j.core.space.Arch;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.graph.GraphData;
import org.nas4j.spaces.SpaceRegistry;

/**
 * What an exported graph network is — the {@code arch.json} of its directory: the space and arch that
 * rebuild it, what it reads and how its output maps back to the target's units.
 *
 * @param format the file format, {@value #FORMAT}
 * @param name the model's name (its parameter file's prefix)
 * @param space the registered space
 * @param arch the child's arch string
 * @param target what it predicts, e.g. {@code triangles}
 * @param input what it reads: SMILES strings or edge-list files ({@link GraphData#input})
 * @param mean added to the network's output, after
 * @param scale the factor the output is multiplied by
 */
public record GraphModelCard(String format, String name, String space, String arch, String target, String input, double mean,
        double scale) implements NetworkCard {

    /** The file's format tag. */
    public static final String FORMAT = "nas4j-graph/1";

    /** @return the network's structure, without weights */
    public Block structure() {
        return SpaceRegistry.get(space).newSupernet(1).structure(parsedArch());
    }

    /** @return the space's arch this card names */
    public Arch parsedArch() {
        return SpaceRegistry.get(space).space().parse(arch);
    }

    /** @return the card as JSON */
    public String toJson() {
        return GSON.toJson(this);
    }

    /** @return whether the model directory holds a graph network */
    public static boolean isGraphModel(Path modelDir) {
        return FORMAT.equals(ModelCard.formatOf(modelDir));
    }

    /**
     * @param modelDir a graph network's model directory
     * @return its card, checked against the registry
     * @throws UserException saying what is missing or wrong
     */
    public static GraphModelCard read(Path modelDir) {
        return NetworkCard.read(modelDir, GraphModelCard.class, FORMAT);
    }

    @Override
    public boolean complete() {
        return target != null && List.of(GraphData.SMILES, GraphData.EDGE_LIST).contains(input) && scale > 0;
    }

    @Override
    public String wrongSpace(SpaceRegistry.Entry entry) {
        return entry.readsGraphs() ? null : "does not read graphs";
    }
}
