package org.nas4j.algorithms.wl;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.nas4j.datasets.graph.Graph;

/**
 * Colour refinement on ordered vertex pairs: every pair {@code (u, v)} of a graph keeps a colour, and
 * each step replaces it by the pair's own colour together with what the chosen {@link Aggregation}s
 * gather. Two graphs are refined together with one {@link Palette} per step until the number of colours
 * over both stops growing (the partition is then stable, since each step refines the last); they are
 * distinguished when their pooled stable colourings differ.
 *
 * @param aggregations what each step gathers
 * @param pooling how a stable colouring becomes a graph's colour
 * @param start what a pair's colour starts from
 */
public record PairRefinement(Set<Aggregation> aggregations, Pooling pooling, Start start) {

    /** A pair's first colour. */
    public enum Start {
        /** whether {@code u = v}: node marking, as subgraph GNNs mark their root */
        MARKING,
        /** the shortest-path distance from {@code u} to {@code v}: distance encoding, as the official models do */
        DISTANCE,
        /** equal, adjacent or neither: the pair's isomorphism type, as the folklore tests start */
        ISOMORPHISM_TYPE
    }

    /** Copies the set, so that the record stays immutable. */
    public PairRefinement {
        aggregations = aggregations.isEmpty() ? EnumSet.noneOf(Aggregation.class) : EnumSet.copyOf(aggregations);
    }

    /** @return whether the test tells {@code a} and {@code b} apart */
    public boolean distinguishes(Graph a, Graph b) {
        if (a.size() != b.size()) {
            return true;
        }
        Graph[] graphs = {a, b};
        int[][] colours = {initial(a), initial(b)};
        int count = -1;
        while (true) {
            Palette palette = new Palette();
            Palette lines = new Palette();
            int[][] next = new int[2][];
            for (int g = 0; g < 2; g++) {
                next[g] = step(graphs[g], colours[g], palette, lines);
            }
            colours = next;
            if (palette.size() == count) {
                break;
            }
            count = palette.size();
        }
        Palette pools = new Palette();
        return !Arrays.equals(pool(a.size(), colours[0], pools), pool(b.size(), colours[1], pools));
    }

    private int[] initial(Graph g) {
        int n = g.size();
        int[][] d = start == Start.DISTANCE ? g.distances() : null;
        int[] c = new int[n * n];
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                c[u * n + v] = switch (start) {
                    case MARKING -> u == v ? 1 : 0;
                    case DISTANCE -> d[u][v] + 1; // 0: unreachable
                    case ISOMORPHISM_TYPE -> u == v ? 2 : g.adjacent(u, v) ? 1 : 0;
                };
            }
        }
        return c;
    }

    /** @param lines names the rows and columns as multisets, once per step (the global aggregations) */
    private int[] step(Graph g, int[] c, Palette palette, Palette lines) {
        int n = g.size();
        int[] rowOf = new int[n];
        int[] columnOf = new int[n];
        long[] buffer = new long[n];
        Signature s = new Signature();
        for (int i = 0; i < n; i++) {
            for (int w = 0; w < n; w++) {
                buffer[w] = c[i * n + w];
            }
            s.clear().add(0);
            s.addMultiset(buffer, n);
            rowOf[i] = lines.id(s.toArray());
            for (int w = 0; w < n; w++) {
                buffer[w] = c[w * n + i];
            }
            s.clear().add(1);
            s.addMultiset(buffer, n);
            columnOf[i] = lines.id(s.toArray());
        }
        int[] next = new int[n * n];
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                s.clear().add(c[u * n + v]);
                for (Aggregation op : aggregations) {
                    gather(op, g, c, u, v, s, buffer, rowOf, columnOf);
                }
                next[u * n + v] = palette.id(s.toArray());
            }
        }
        return next;
    }

    private static void gather(Aggregation op, Graph g, int[] c, int u, int v, Signature s, long[] buffer, int[] rowOf,
            int[] columnOf) {
        int n = g.size();
        int k = 0;
        switch (op) {
            case UL -> {
                for (int w : g.neighbours(v)) {
                    buffer[k++] = c[u * n + w];
                }
                s.addMultiset(buffer, k);
            }
            case VL -> {
                for (int w : g.neighbours(u)) {
                    buffer[k++] = c[w * n + v];
                }
                s.addMultiset(buffer, k);
            }
            case UG -> s.add(rowOf[u]);
            case VG -> s.add(columnOf[v]);
            case UU -> s.add(c[u * n + u]);
            case VV -> s.add(c[v * n + v]);
            case VU -> s.add(c[v * n + u]);
            case FWL_NV -> {
                for (int w : g.neighbours(v)) {
                    buffer[k++] = Signature.pair(c[u * n + w], c[w * n + v]);
                }
                s.addMultiset(buffer, k);
            }
            case FWL_NUV -> {
                for (int w = 0; w < n; w++) {
                    if (g.adjacent(u, w) || g.adjacent(v, w)) {
                        buffer[k++] = Signature.pair(c[u * n + w], c[w * n + v]);
                    }
                }
                s.addMultiset(buffer, k);
            }
            case FWL_ALL -> {
                for (int w = 0; w < n; w++) {
                    buffer[k++] = Signature.pair(c[u * n + w], c[w * n + v]);
                }
                s.addMultiset(buffer, k);
            }
        }
    }

    /** @return the graph's colour: the sorted names of its rows (VS) or columns (SV), each a multiset */
    private int[] pool(int n, int[] c, Palette pools) {
        long[] buffer = new long[n];
        Signature s = new Signature();
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                buffer[j] = pooling == Pooling.VS ? c[i * n + j] : c[j * n + i];
            }
            s.clear();
            s.addMultiset(buffer, n);
            lines[i] = pools.id(s.toArray());
        }
        Arrays.sort(lines);
        return lines;
    }
}
