package org.nas4j.spaces.sgnn;

import java.util.List;

/**
 * The shape of a subgraph GNN supernet.
 *
 * @param name the registered space's name
 * @param atomFeatures per categorical vertex feature, its number of values (one feature of one value
 *     for unlabelled graphs); a vertex embeds as the sum of its features' embeddings
 * @param bondTypes edge-type ids are below this (1 for unlabelled graphs)
 * @param depths the layer counts a child may have, ascending
 * @param widths the hidden widths a child may have, ascending
 * @param maxDistance distances from the root beyond this share one embedding (the official models: 5)
 * @param costNodes vertices of the graph that MACs are counted on (the data's mean graph); edges do not
 *     count, since messages are gathered and summed, not multiplied
 */
public record SgnnConfig(String name, List<Integer> atomFeatures, int bondTypes, List<Integer> depths, List<Integer> widths,
        int maxDistance, int costNodes) {

    /** Substructure counting on random graphs (15 vertices on average): no vertex or edge labels. */
    public static final SgnnConfig COUNT = new SgnnConfig("sgnn-count", List.of(1), 1, List.of(2, 3, 4), List.of(16, 32, 48), 5, 15);

    /**
     * Molecules: per atom its element (atomic numbers to 53, heavier ones share id 54), formal charge
     * (-2..2), attached hydrogens (0..4) and aromaticity; per bond its order (1, 2, 3, 4 aromatic). NCI's
     * molecules average 16.4 heavy atoms (17 bonds).
     */
    public static final SgnnConfig TPSA = new SgnnConfig("sgnn-tpsa", List.of(55, 5, 5, 2), 5, List.of(2, 3, 4), List.of(16, 32, 48), 5, 16);

    /** Copies the lists. */
    public SgnnConfig {
        atomFeatures = List.copyOf(atomFeatures);
        depths = List.copyOf(depths);
        widths = List.copyOf(widths);
    }

    /** @return the deepest child's depth */
    public int maxDepth() {
        return depths.get(depths.size() - 1);
    }

    /** @return the widest child's width */
    public int maxWidth() {
        return widths.get(widths.size() - 1);
    }
}
