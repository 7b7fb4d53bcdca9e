package org.nas4j.algorithms.wl;

import java.util.Arrays;
import org.nas4j.datasets.graph.Graph;

/**
 * Colour refinement on vertices: 1-WL (each vertex gathers its neighbours' colours) or, with
 * {@code distances}, GD-WL with shortest-path distance (each vertex gathers every vertex's colour paired
 * with its distance; Zhang et al., ICLR 2023). Two graphs are refined together as in
 * {@link PairRefinement}; their colour is the multiset of stable vertex colours.
 *
 * @param distances GD-WL rather than 1-WL
 */
public record VertexRefinement(boolean distances) {

    /** @return whether the test tells {@code a} and {@code b} apart */
    public boolean distinguishes(Graph a, Graph b) {
        if (a.size() != b.size()) {
            return true;
        }
        Graph[] graphs = {a, b};
        int[][][] d = {distances ? a.distances() : null, distances ? b.distances() : null};
        int[][] colours = {new int[a.size()], new int[b.size()]};
        int count = -1;
        while (true) {
            Palette palette = new Palette();
            for (int g = 0; g < 2; g++) {
                colours[g] = step(graphs[g], d[g], colours[g], palette);
            }
            if (palette.size() == count) {
                break;
            }
            count = palette.size();
        }
        int[] ca = colours[0].clone();
        int[] cb = colours[1].clone();
        Arrays.sort(ca);
        Arrays.sort(cb);
        return !Arrays.equals(ca, cb);
    }

    private static int[] step(Graph g, int[][] d, int[] c, Palette palette) {
        int n = g.size();
        long[] buffer = new long[n];
        Signature s = new Signature();
        int[] next = new int[n];
        for (int v = 0; v < n; v++) {
            s.clear().add(c[v]);
            int k = 0;
            if (d == null) {
                for (int w : g.neighbours(v)) {
                    buffer[k++] = c[w];
                }
            } else {
                for (int w = 0; w < n; w++) {
                    buffer[k++] = Signature.pair(d[v][w] + 1, c[w]); // 0: unreachable
                }
            }
            s.addMultiset(buffer, k);
            next[v] = palette.id(s.toArray());
        }
        return next;
    }
}
