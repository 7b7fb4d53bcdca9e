package org.nas4j.algorithms.split;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.util.AtomicFiles;

/**
 * How a supernet was split into sub-supernets: each node narrows some dimensions of its parent's
 * space; the leaves partition the space, and the leaf whose sub-space holds an arch is the
 * sub-supernet that scores it. Saved as JSON in the run directory, with the score matrices that
 * decided each split.
 */
public final class SplitTree {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /**
     * One sub-supernet.
     *
     * @param id its id, also its checkpoint's name ({@code 0} is the whole supernet)
     * @param parent the parent's id, or -1 for the root
     * @param narrowed the choices it keeps, by dimension (its parent's, narrowed once more)
     * @param children ids of its sub-supernets, empty for a leaf
     * @param scores the gradient-match score matrix of each dimension examined when it was split
     * @param scoringPasses forward and backward passes that scoring took before it was split
     */
    public record Node(int id, int parent, Map<String, List<String>> narrowed, List<Integer> children,
            Map<String, double[][]> scores, long scoringPasses) {}

    private final List<Node> nodes = new ArrayList<>();

    /** A tree with the whole space as its only node. */
    public SplitTree() {
        nodes.add(new Node(0, -1, Map.of(), new ArrayList<>(), new LinkedHashMap<>(), 0));
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** @return the current sub-supernets */
    public List<Node> leaves() {
        return nodes.stream().filter(n -> n.children().isEmpty()).toList();
    }

    /**
     * Splits a leaf along one dimension into one child per group of values.
     *
     * @param leaf the leaf's id
     * @param dimension the dimension to split
     * @param groups the leaf's values of that dimension, partitioned
     * @param scores the score matrices that chose the split (may be empty)
     * @param scoringPasses the passes that computing them took
     * @return the new children
     */
    public List<Node> split(int leaf, String dimension, List<List<String>> groups, Map<String, double[][]> scores,
            long scoringPasses) {
        Node node = nodes.get(leaf);
        if (!node.children().isEmpty()) {
            throw new IllegalArgumentException("sub-supernet " + leaf + " is already split");
        }
        if (groups.size() < 2) {
            throw new IllegalArgumentException("a split needs at least two groups of values");
        }
        node.scores().putAll(scores);
        nodes.set(leaf, new Node(node.id(), node.parent(), node.narrowed(), node.children(), node.scores(), scoringPasses));
        List<Node> made = new ArrayList<>();
        for (List<String> group : groups) {
            Map<String, List<String>> narrowed = new LinkedHashMap<>(node.narrowed());
            narrowed.put(dimension, List.copyOf(group));
            Node child = new Node(nodes.size(), leaf, narrowed, new ArrayList<>(), new LinkedHashMap<>(), 0);
            nodes.add(child);
            node.children().add(child.id());
            made.add(child);
        }
        return made;
    }

    /** @return how many splits lie between the whole supernet and this node (0 for the root) */
    public int depth(Node node) {
        int depth = 0;
        for (Node n = node; n.parent() >= 0; n = nodes.get(n.parent())) {
            depth++;
        }
        return depth;
    }

    /**
     * @param space the full space
     * @param node a node
     * @return the node's sub-space
     */
    public static SearchSpace subspace(SearchSpace space, Node node) {
        return node.narrowed().isEmpty() ? space : space.restrict(node.narrowed());
    }

    /**
     * @param space the full space
     * @param arch an arch of it
     * @return the leaf whose sub-space holds the arch
     */
    public Node leafFor(SearchSpace space, Arch arch) {
        for (Node leaf : leaves()) {
            if (subspace(space, leaf).contains(arch)) {
                return leaf;
            }
        }
        throw new IllegalStateException("no sub-supernet holds " + arch.id() + ": the split tree does not partition the space");
    }

    /** @param file where to write the tree, atomically @throws IOException on failure */
    public void save(Path file) throws IOException {
        AtomicFiles.writeString(file, GSON.toJson(nodes) + "\n");
    }

    /** @param file a saved tree @return the tree @throws IOException if unreadable */
    public static SplitTree load(Path file) throws IOException {
        Node[] saved = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Node[].class);
        SplitTree tree = new SplitTree();
        tree.nodes.clear();
        for (Node n : saved) {
            tree.nodes.add(new Node(n.id(), n.parent(), n.narrowed(), new ArrayList<>(n.children()),
                    new LinkedHashMap<>(n.scores()), n.scoringPasses()));
        }
        return tree;
    }
}
