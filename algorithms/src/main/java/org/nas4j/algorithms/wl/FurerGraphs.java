package org.nas4j.algorithms.wl;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.graph.Graph;

/**
 * Fürer graphs (the CFI construction in Fürer's form), the counterexamples of the SWL paper: every
 * vertex {@code x} of a base graph becomes one vertex {@code (x, S)} for each even-size subset {@code S}
 * of its neighbours; {@code (x, S)} and {@code (y, T)} are adjacent when {@code x y} is a base edge and
 * {@code [y in S] == [x in T]}. The twisted partner flips that condition on one base edge. For a
 * connected base graph the two are non-isomorphic and of equal size, and which tests tell them apart
 * depends on the base graph.
 */
public final class FurerGraphs {

    /** The largest base degree: a vertex of degree d becomes 2^(d-1) vertices. */
    public static final int MAX_DEGREE = 12;

    private FurerGraphs() {}

    /**
     * @param plain the Fürer graph
     * @param twisted the same with one base edge twisted
     */
    public record Pair(Graph plain, Graph twisted) {}

    /** @return the pair, twisted on the base's first edge (smallest endpoints) */
    public static Pair of(Graph base) {
        if (base.edgeCount() == 0) {
            throw new UserException("the base graph has no edge: a Fürer pair twists an edge, give a graph with at least one");
        }
        for (int x = 0; x < base.size(); x++) {
            if (base.degree(x) > MAX_DEGREE) {
                throw new UserException("base vertex " + x + " has degree " + base.degree(x) + ": it would become 2^"
                        + (base.degree(x) - 1) + " vertices; give a base graph of degree at most " + MAX_DEGREE);
            }
        }
        int[] twist = base.edges().get(0);
        return new Pair(build(base, null), build(base, twist));
    }

    private static Graph build(Graph base, int[] twist) {
        // vertex i of the result is (owner[i], subset[i]); subset is a bit mask over the owner's neighbour list
        List<Integer> owner = new ArrayList<>();
        List<Integer> subset = new ArrayList<>();
        int[] first = new int[base.size()];
        for (int x = 0; x < base.size(); x++) {
            first[x] = owner.size();
            for (int mask = 0; mask < 1 << base.degree(x); mask++) {
                if (Integer.bitCount(mask) % 2 == 0) {
                    owner.add(x);
                    subset.add(mask);
                }
            }
        }
        List<int[]> edges = new ArrayList<>();
        for (int[] e : base.edges()) {
            int x = e[0];
            int y = e[1];
            boolean twisted = twist != null && twist[0] == x && twist[1] == y;
            int yInX = 1 << position(base.neighbours(x), y);
            int xInY = 1 << position(base.neighbours(y), x);
            for (int i = first[x]; i < owner.size() && owner.get(i) == x; i++) {
                for (int j = first[y]; j < owner.size() && owner.get(j) == y; j++) {
                    boolean same = ((subset.get(i) & yInX) != 0) == ((subset.get(j) & xInY) != 0);
                    if (same != twisted) {
                        edges.add(new int[] {i, j});
                    }
                }
            }
        }
        return Graph.of(owner.size(), edges);
    }

    private static int position(int[] sorted, int value) {
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] == value) {
                return i;
            }
        }
        throw new IllegalStateException(value + " is not a neighbour");
    }
}
