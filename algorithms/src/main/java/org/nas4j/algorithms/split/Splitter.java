package org.nas4j.algorithms.split;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;

/**
 * Few-shot NAS's and GM-NAS's splitting policy, one split at a time: the widest leaf of the split
 * tree (the largest sub-space that still has a dimension to split) is split, few-shot into one
 * sub-supernet per value of the first splittable dimension, GM into the balanced bipartition, over
 * all splittable dimensions, whose values' gradients agree least.
 */
public final class Splitter {

    /** How a leaf is split. */
    public enum Method {
        /** One sub-supernet per value of a dimension (Zhao et al., 2021). */
        FEWSHOT,
        /** The min-cut bipartition of a dimension by gradient matching (Hu et al., 2022). */
        GM
    }

    /** Loads the weights of sub-supernet {@code id} (0: the whole supernet) before GM scores its sub-space. */
    public interface Weights {
        void load(int id);
    }

    /**
     * A split that was made.
     *
     * @param parent the leaf that was split
     * @param dimension the dimension split
     * @param groups its values, one group per new sub-supernet
     * @param crossScore GM: the mean gradient agreement across the cut (lower: the groups disagree more); NaN for few-shot
     * @param children the new leaves
     */
    public record Split(SplitTree.Node parent, String dimension, List<List<String>> groups, double crossScore,
            List<SplitTree.Node> children) {}

    private final Method method;
    private final SearchSpace space;
    private final List<String> dimensions;
    private final GradientMatchingScorer scorer;
    private final Weights weights;

    /**
     * @param method few-shot or GM
     * @param space the whole space
     * @param dimensions the dimensions that may be split (see {@link #splittable})
     * @param scorer GM's gradient-matching scores (unused by few-shot)
     * @param weights loads a leaf's weights before it is scored
     */
    public Splitter(Method method, SearchSpace space, List<String> dimensions, GradientMatchingScorer scorer, Weights weights) {
        this.method = method;
        this.space = space;
        this.dimensions = List.copyOf(dimensions);
        this.scorer = scorer;
        this.weights = weights;
    }

    /** @return every dimension that all archs have and that has two or more values */
    public static List<String> splittable(SearchSpace space) {
        List<String> names = new ArrayList<>();
        for (Dimension d : space.dimensions()) {
            if (d.size() >= 2 && d.condition().isEmpty()) {
                names.add(d.name());
            }
        }
        return names;
    }

    /**
     * Splits the widest leaf, if the tree then still has at most {@code budget} leaves.
     *
     * @param tree the split tree, changed in place
     * @param budget the most leaves wanted
     * @param manager for GM's gradients
     * @param scored GM's progress: (dimensions scored, of how many)
     * @return the split, or null when no leaf can be split within the budget
     */
    public Split splitWidest(SplitTree tree, int budget, NDManager manager, BiConsumer<Integer, Integer> scored) {
        if (tree.leaves().size() >= budget) {
            return null;
        }
        SplitTree.Node leaf = tree.leaves().stream()
                .filter(l -> dimensions.stream().anyMatch(d -> SplitTree.subspace(space, l).dimension(d).size() >= 2))
                .max(Comparator.comparing(l -> SplitTree.subspace(space, l).size()))
                .orElse(null);
        if (leaf == null) {
            return null;
        }
        SearchSpace sub = SplitTree.subspace(space, leaf);
        List<String> candidates = dimensions.stream().filter(d -> sub.dimension(d).size() >= 2).toList();
        if (method == Method.FEWSHOT) {
            String d = candidates.get(0);
            List<List<String>> groups = sub.dimension(d).choices().stream().map(List::of).toList();
            if (tree.leaves().size() - 1 + groups.size() > budget) {
                return null;
            }
            return new Split(leaf, d, groups, Double.NaN, tree.split(leaf.id(), d, groups, Map.of()));
        }
        weights.load(leaf.id());
        Map<String, double[][]> scores = new LinkedHashMap<>();
        String bestDim = null;
        MinCut.Cut bestCut = null;
        double bestMean = Double.POSITIVE_INFINITY;
        for (int i = 0; i < candidates.size(); i++) {
            String d = candidates.get(i);
            GradientMatchingScorer.Result r = scorer.score(sub, d, manager);
            scores.put(d, r.scores());
            MinCut.Cut cut = MinCut.best(r.scores());
            double mean = cut.score() / (cut.left().size() * cut.right().size());
            if (mean < bestMean) {
                bestMean = mean;
                bestDim = d;
                bestCut = cut;
            }
            scored.accept(i + 1, candidates.size());
        }
        List<String> values = sub.dimension(bestDim).choices();
        List<List<String>> groups = List.of(bestCut.left().stream().map(values::get).toList(),
                bestCut.right().stream().map(values::get).toList());
        return new Split(leaf, bestDim, groups, bestMean, tree.split(leaf.id(), bestDim, groups, scores));
    }
}
