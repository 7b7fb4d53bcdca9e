package org.nas4j.datasets.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubstructureTest {

    /** The patterns as graphs, for the brute-force count. */
    private static Graph pattern(Substructure s) {
        return switch (s) {
            case TRIANGLE -> Graph.of(3, 0, 1, 1, 2, 2, 0);
            case TAILED_TRIANGLE -> Graph.of(4, 0, 1, 1, 2, 2, 0, 0, 3);
            case STAR -> Graph.of(4, 0, 1, 0, 2, 0, 3);
            case CYCLE4 -> Graph.of(4, 0, 1, 1, 2, 2, 3, 3, 0);
            case CHORDAL_CYCLE -> Graph.of(4, 0, 1, 1, 2, 2, 3, 3, 0, 0, 2);
        };
    }

    /** Injective maps of {@code p} into {@code g} that keep every edge: copies times automorphisms. */
    private static long embeddings(Graph p, Graph g) {
        return extend(p, g, new int[p.size()], 0, new boolean[g.size()]);
    }

    private static long extend(Graph p, Graph g, int[] map, int next, boolean[] used) {
        if (next == p.size()) {
            return 1;
        }
        long total = 0;
        for (int v = 0; v < g.size(); v++) {
            if (used[v]) {
                continue;
            }
            boolean ok = true;
            for (int w : p.neighbours(next)) {
                if (w < next && !g.adjacent(map[w], v)) {
                    ok = false;
                }
            }
            if (ok) {
                map[next] = v;
                used[v] = true;
                total += extend(p, g, map, next + 1, used);
                used[v] = false;
            }
        }
        return total;
    }

    @Test
    void closedFormsEqualBruteForceOnRandomGraphs() {
        for (long seed = 0; seed < 25; seed++) {
            Graph g = RandomGraphs.erdosRenyi(8, 0.2 + 0.03 * seed, seed);
            for (Substructure s : Substructure.values()) {
                Graph p = pattern(s);
                long expected = embeddings(p, g) / embeddings(p, p);
                assertEquals(expected, s.count(g), s + " on seed " + seed);
            }
        }
    }

    @Test
    void knownCountsOnK4() {
        Graph k4 = Graph.of(4, 0, 1, 0, 2, 0, 3, 1, 2, 1, 3, 2, 3);
        assertEquals(4, Substructure.TRIANGLE.count(k4));
        assertEquals(12, Substructure.TAILED_TRIANGLE.count(k4));
        assertEquals(4, Substructure.STAR.count(k4));
        assertEquals(3, Substructure.CYCLE4.count(k4));
        assertEquals(6, Substructure.CHORDAL_CYCLE.count(k4));
    }

    @Test
    void biconnectivityAgreesWithRemovingEachVertexAndEdge() {
        for (long seed = 0; seed < 20; seed++) {
            Graph g = RandomGraphs.erdosRenyi(10, 0.18, seed);
            Biconnectivity b = Biconnectivity.of(g);
            int base = components(g, -1, null);
            for (int v = 0; v < g.size(); v++) {
                assertEquals(components(g, v, null) > base, b.cutVertices().contains(v), "vertex " + v + " seed " + seed);
            }
            Set<List<Integer>> bridges = new HashSet<>();
            b.bridges().forEach(e -> bridges.add(List.of(e[0], e[1])));
            for (int[] e : g.edges()) {
                assertEquals(components(g, -1, e) > base, bridges.contains(List.of(e[0], e[1])), "edge seed " + seed);
            }
        }
    }

    /** Connected components, without vertex {@code removed} (its own slot not counted) or edge {@code cut}. */
    private static int components(Graph g, int removed, int[] cut) {
        List<int[]> edges = new ArrayList<>();
        for (int[] e : g.edges()) {
            boolean isCut = cut != null && e[0] == cut[0] && e[1] == cut[1];
            if (e[0] != removed && e[1] != removed && !isCut) {
                edges.add(e);
            }
        }
        int[] parent = new int[g.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        int count = g.size() - (removed >= 0 ? 1 : 0);
        for (int[] e : edges) {
            int a = find(parent, e[0]);
            int c = find(parent, e[1]);
            if (a != c) {
                parent[a] = c;
                count--;
            }
        }
        return count;
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            v = parent[v];
        }
        return v;
    }

    @Test
    void randomGraphsFollowTheirSeed() {
        Graph r = RandomGraphs.regular(12, 3, 7);
        for (int v = 0; v < r.size(); v++) {
            assertEquals(3, r.degree(v));
        }
        assertEquals(r, RandomGraphs.regular(12, 3, 7));
        assertEquals(RandomGraphs.erdosRenyi(20, 0.3, 1), RandomGraphs.erdosRenyi(20, 0.3, 1));
        assertNotEquals(RandomGraphs.erdosRenyi(20, 0.3, 1), RandomGraphs.erdosRenyi(20, 0.3, 2));
        int edges = RandomGraphs.erdosRenyi(60, 0.1, 3).edgeCount();
        assertTrue(edges > 120 && edges < 230, "about 177 expected: " + edges);
    }
}
