package org.nas4j.datasets.graph;

/**
 * Substructure counts, the targets of the counting tasks of Chen et al. (NeurIPS 2020) as the subgraph
 * GNN papers use them: how many subgraphs (not necessarily induced) of a graph are isomorphic to the
 * pattern. Closed forms over degrees and common neighbours, exact in integers.
 */
public enum Substructure {
    /** three mutually adjacent vertices */
    TRIANGLE("triangles"),
    /** a triangle with one more edge hanging from one of its vertices */
    TAILED_TRIANGLE("tailed-triangles"),
    /** a centre joined to three leaves */
    STAR("3-stars"),
    /** a cycle on four vertices */
    CYCLE4("4-cycles"),
    /** a 4-cycle with one chord: two triangles sharing an edge */
    CHORDAL_CYCLE("chordal-cycles");

    private final String id;

    Substructure(String id) {
        this.id = id;
    }

    /** @return the name used on the command line and in files */
    public String id() {
        return id;
    }

    /** @return how many subgraphs of {@code g} are isomorphic to the pattern */
    public long count(Graph g) {
        return switch (this) {
            case TRIANGLE -> {
                long sum = 0;
                for (int v = 0; v < g.size(); v++) {
                    sum += trianglesAt(g, v);
                }
                yield sum / 3;
            }
            case TAILED_TRIANGLE -> {
                // each triangle at v with any of v's other d - 2 edges as the tail
                long sum = 0;
                for (int v = 0; v < g.size(); v++) {
                    sum += trianglesAt(g, v) * (g.degree(v) - 2L);
                }
                yield sum;
            }
            case STAR -> {
                long sum = 0;
                for (int v = 0; v < g.size(); v++) {
                    sum += choose(g.degree(v), 3);
                }
                yield sum;
            }
            case CYCLE4 -> {
                // two paths u-x-w and u-y-w close a 4-cycle; each cycle has two such diagonals {u, w}
                long sum = 0;
                for (int u = 0; u < g.size(); u++) {
                    for (int w = u + 1; w < g.size(); w++) {
                        sum += choose(common(g, u, w), 2);
                    }
                }
                yield sum / 2;
            }
            case CHORDAL_CYCLE -> {
                // the chord u-w with two of their common neighbours
                long sum = 0;
                for (int[] e : g.edges()) {
                    sum += choose(common(g, e[0], e[1]), 2);
                }
                yield sum;
            }
        };
    }

    private static long trianglesAt(Graph g, int v) {
        long t = 0;
        int[] nv = g.neighbours(v);
        for (int i = 0; i < nv.length; i++) {
            for (int j = i + 1; j < nv.length; j++) {
                if (g.adjacent(nv[i], nv[j])) {
                    t++;
                }
            }
        }
        return t;
    }

    /** @return {@code |N(u) ∩ N(w)|}, merging the two sorted lists */
    static int common(Graph g, int u, int w) {
        int[] a = g.neighbours(u);
        int[] b = g.neighbours(w);
        int i = 0;
        int j = 0;
        int c = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                c++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return c;
    }

    private static long choose(long n, int k) {
        long r = 1;
        for (int i = 0; i < k; i++) {
            r = r * (n - i) / (i + 1);
        }
        return n < k ? 0 : r;
    }
}
