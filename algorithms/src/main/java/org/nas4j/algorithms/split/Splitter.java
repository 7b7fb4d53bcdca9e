package org.nas4j.algorithms.split;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;

/**
 * Few-shot NAS's and GM-NAS's way of splitting one sub-supernet: few-shot into one sub-supernet per
 * value of the first dimension it can split (Zhao et al., 2021); GM into the balanced partition,
 * over every dimension it can split, whose values' gradients agree least (Hu et al., 2022).
 */
public final class Splitter {

    /** How a leaf is split. */
    public enum Method {
        /** One sub-supernet per value of a dimension. */
        FEWSHOT,
        /** The min-cut partition of a dimension by gradient matching. */
        GM
    }

    /**
     * A split that was made.
     *
     * @param parent the leaf that was split
     * @param dimension the dimension split
     * @param groups its values, one group per new sub-supernet
     * @param crossScore GM: the mean gradient agreement across the cut (lower: the groups disagree more); NaN for few-shot
     * @param passes GM: forward and backward passes its scoring took
     * @param children the new leaves
     */
    public record Split(SplitTree.Node parent, String dimension, List<List<String>> groups, double crossScore, long passes,
            List<SplitTree.Node> children) {}

    private final Method method;
    private final int ways;
    private final SearchSpace space;
    private final List<String> dimensions;
    private final GradientMatchingScorer scorer;

    /**
     * @param method few-shot or GM
     * @param ways GM: groups per split (2 or 4 in the paper); fewer when a dimension has fewer values
     * @param space the whole space
     * @param dimensions the dimensions that may be split, in few-shot's order
     * @param scorer GM's gradient-matching scores (unused by few-shot)
     */
    public Splitter(Method method, int ways, SearchSpace space, List<String> dimensions, GradientMatchingScorer scorer) {
        if (ways < 2) {
            throw new IllegalArgumentException("a split makes at least two groups, not " + ways);
        }
        this.method = method;
        this.ways = ways;
        this.space = space;
        this.dimensions = List.copyOf(dimensions);
        this.scorer = scorer;
    }

    /** @return every dimension with two or more values */
    public static List<String> splittable(SearchSpace space) {
        return space.dimensions().stream().filter(d -> d.size() >= 2).map(Dimension::name).toList();
    }

    /**
     * @param space a (sub-)space
     * @param d one of its dimensions
     * @return whether every arch of the space has it (its condition, if any, holds for every value that controls it)
     */
    static boolean alwaysActive(SearchSpace space, Dimension d) {
        if (d.condition().isEmpty()) {
            return true;
        }
        Dimension.Condition c = d.condition().get();
        Dimension control = space.dimension(c.dimension());
        return alwaysActive(space, control) && control.choices().stream().allMatch(v -> Integer.parseInt(v) >= c.atLeast());
    }

    /** @return the dimensions this leaf can be split along: allowed, active in all its archs, with 2+ values there */
    public List<String> candidates(SplitTree.Node leaf) {
        SearchSpace sub = SplitTree.subspace(space, leaf);
        return dimensions.stream().filter(d -> sub.dimension(d).size() >= 2 && alwaysActive(sub, sub.dimension(d))).toList();
    }

    /**
     * Splits one leaf; with GM its weights must be loaded in the scorer's supernet.
     *
     * @param tree the split tree, changed in place
     * @param leaf a leaf of it
     * @param manager for GM's gradients
     * @param scored GM's progress: (dimensions scored, of how many)
     * @return the split, or null when the leaf has no dimension left to split
     */
    public Split split(SplitTree tree, SplitTree.Node leaf, NDManager manager, BiConsumer<Integer, Integer> scored) {
        List<String> candidates = candidates(leaf);
        if (candidates.isEmpty()) {
            return null;
        }
        SearchSpace sub = SplitTree.subspace(space, leaf);
        if (method == Method.FEWSHOT) {
            String d = candidates.get(0);
            List<List<String>> groups = sub.dimension(d).choices().stream().map(List::of).toList();
            return new Split(leaf, d, groups, Double.NaN, 0, tree.split(leaf.id(), d, groups, Map.of(), 0));
        }
        Map<String, double[][]> scores = new LinkedHashMap<>();
        String bestDim = null;
        MinCut.Cut bestCut = null;
        long passes = 0;
        for (int i = 0; i < candidates.size(); i++) {
            String d = candidates.get(i);
            GradientMatchingScorer.Result r = scorer.score(sub, d, manager);
            passes += r.passes();
            scores.put(d, r.scores());
            MinCut.Cut cut = MinCut.best(r.scores(), Math.min(ways, r.values().size()));
            if (bestCut == null || cut.meanScore() < bestCut.meanScore()) {
                bestDim = d;
                bestCut = cut;
            }
            scored.accept(i + 1, candidates.size());
        }
        List<String> values = sub.dimension(bestDim).choices();
        List<List<String>> groups = bestCut.groups().stream().map(g -> g.stream().map(values::get).toList()).toList();
        return new Split(leaf, bestDim, groups, bestCut.meanScore(), passes, tree.split(leaf.id(), bestDim, groups, scores, passes));
    }
}
