package org.nas4j.algorithms.wl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jgrapht.alg.isomorphism.VF2GraphIsomorphismInspector;
import org.junit.jupiter.api.Test;
import org.nas4j.datasets.ImageBatches;
import org.nas4j.datasets.graph.EdgeList;
import org.nas4j.datasets.graph.Graph;
import org.nas4j.datasets.graph.RandomGraphs;

class ColourRefinementTest {

    /** The base graphs of the SWL paper's figures and the sanity checks, kept with the benchmark. */
    static final Path BASES = Path.of("..", "bench", "swl");

    static Graph rook() {
        List<int[]> edges = new ArrayList<>();
        for (int a = 0; a < 16; a++) {
            for (int b = a + 1; b < 16; b++) {
                if (a / 4 == b / 4 || a % 4 == b % 4) {
                    edges.add(new int[] {a, b});
                }
            }
        }
        return Graph.of(16, edges);
    }

    static Graph shrikhande() {
        List<int[]> edges = new ArrayList<>();
        Set<List<Integer>> steps = Set.of(List.of(0, 1), List.of(0, 3), List.of(1, 0), List.of(3, 0), List.of(1, 1), List.of(3, 3));
        for (int a = 0; a < 16; a++) {
            for (int b = a + 1; b < 16; b++) {
                if (steps.contains(List.of(Math.floorMod(b / 4 - a / 4, 4), Math.floorMod(b % 4 - a % 4, 4)))) {
                    edges.add(new int[] {a, b});
                }
            }
        }
        return Graph.of(16, edges);
    }

    static boolean isomorphic(Graph a, Graph b) {
        return new VF2GraphIsomorphismInspector<>(a.asJGraphT(), b.asJGraphT()).isomorphismExists();
    }

    private static Set<RefinementTest> allBut(RefinementTest... excluded) {
        Set<RefinementTest> s = EnumSet.allOf(RefinementTest.class);
        s.removeAll(List.of(excluded));
        return s;
    }

    @Test
    void sixCycleAgainstTwoTrianglesFoolsOnly1Wl() {
        Graph c6 = Graph.of(6, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0);
        Graph triangles = Graph.of(6, 0, 1, 1, 2, 2, 0, 3, 4, 4, 5, 5, 3);
        assertEquals(allBut(RefinementTest.WL1), Hierarchy.distinguishing(c6, triangles));
    }

    @Test
    void decalinAgainstBicyclopentylFoolsOnly1Wl() {
        Graph decalin = Graph.of(10, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0, 5, 6, 6, 7, 7, 8, 8, 9, 9, 0);
        Graph bicyclopentyl = Graph.of(10, 0, 1, 1, 2, 2, 3, 3, 4, 4, 0, 5, 6, 6, 7, 7, 8, 8, 9, 9, 5, 0, 5);
        assertFalse(isomorphic(decalin, bicyclopentyl));
        assertEquals(allBut(RefinementTest.WL1), Hierarchy.distinguishing(decalin, bicyclopentyl));
    }

    @Test
    void rookAgainstShrikhandeFoolsEveryTestUpTo2Fwl() {
        Graph rook = rook();
        Graph shrikhande = shrikhande();
        for (int v = 0; v < 16; v++) {
            assertEquals(6, rook.degree(v));
            assertEquals(6, shrikhande.degree(v));
        }
        assertFalse(isomorphic(rook, shrikhande));
        assertEquals(Set.of(), Hierarchy.distinguishing(rook, shrikhande));
    }

    @Test
    void isomorphicCopiesAreNeverDistinguished() throws IOException {
        Graph furer = FurerGraphs.of(EdgeList.read(BASES.resolve("fig7.txt"))).twisted();
        for (Graph g : List.of(furer, RandomGraphs.erdosRenyi(12, 0.3, 1), RandomGraphs.regular(14, 3, 2))) {
            Graph copy = g.relabel(ImageBatches.shuffled(g.size(), 5));
            assertTrue(!copy.equals(g) && isomorphic(copy, g));
            assertEquals(Set.of(), Hierarchy.distinguishing(g, copy), g.toString());
        }
    }

    @Test
    void furerPairsOfK3AndK4AreTheClassicPairs() {
        FurerGraphs.Pair k3 = FurerGraphs.of(Graph.of(3, 0, 1, 1, 2, 0, 2));
        Graph c6 = Graph.of(6, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0);
        Graph triangles = Graph.of(6, 0, 1, 1, 2, 2, 0, 3, 4, 4, 5, 5, 3);
        assertTrue(isomorphic(k3.plain(), triangles) && isomorphic(k3.twisted(), c6)
                || isomorphic(k3.plain(), c6) && isomorphic(k3.twisted(), triangles));
        FurerGraphs.Pair k4 = FurerGraphs.of(Graph.of(4, 0, 1, 0, 2, 0, 3, 1, 2, 1, 3, 2, 3));
        assertTrue(isomorphic(k4.plain(), rook()) && isomorphic(k4.twisted(), shrikhande())
                || isomorphic(k4.plain(), shrikhande()) && isomorphic(k4.twisted(), rook()));
    }

    /** Every base graph kept with the benchmark: its Fürer pair. */
    static Map<String, FurerGraphs.Pair> furerPairs() throws IOException {
        Map<String, FurerGraphs.Pair> pairs = new TreeMap<>();
        try (Stream<Path> files = Files.list(BASES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                pairs.put(f.getFileName().toString().replace(".txt", ""), FurerGraphs.of(EdgeList.read(f)));
            }
        }
        return pairs;
    }

    @Test
    void everyStrictArrowOfTheFigureHasAFurerPairAndNoneIsContradicted() throws IOException {
        Map<String, Set<RefinementTest>> results = new TreeMap<>();
        furerPairs().forEach((name, p) -> {
            assertEquals(p.plain().size(), p.twisted().size(), name);
            assertEquals(p.plain().edgeCount(), p.twisted().edgeCount(), name);
            results.put(name, Hierarchy.distinguishing(p.plain(), p.twisted()));
        });
        for (Hierarchy.Arrow a : Hierarchy.ARROWS) {
            assertTrue(results.values().stream().anyMatch(s -> s.contains(a.stronger()) && !s.contains(a.weaker())),
                    a + " has no witness: " + results);
        }
        results.forEach((name, s) -> assertEquals(List.of(), Hierarchy.contradictions(s), name));
        // non-isomorphic, as the construction promises: 2-FWL (a sound test) separates all but two, VF2 decides those
        Map<String, FurerGraphs.Pair> pairs = furerPairs();
        results.forEach((name, s) -> {
            if (!s.contains(RefinementTest.FWL2)) {
                assertFalse(isomorphic(pairs.get(name).plain(), pairs.get(name).twisted()), name);
            }
        });
        // the figure's own examples separate the classes their arrows name
        assertEquals(EnumSet.of(RefinementTest.SSWL, RefinementTest.LFWL2, RefinementTest.SLFWL2, RefinementTest.FWL2),
                results.get("fig7"));
        assertEquals(EnumSet.of(RefinementTest.FWL2), results.get("fig10"));
        // 2-FWL separates every base whose pair some test separates: those pairs are non-isomorphic
        assertTrue(results.get("fig8").contains(RefinementTest.FWL2) && !results.get("fig8").contains(RefinementTest.SSWL));
    }

    @Test
    void hierarchyClosureAndContradictions() {
        assertTrue(Hierarchy.strongerThan(RefinementTest.WL1).containsAll(allBut(RefinementTest.WL1)));
        assertFalse(Hierarchy.strongerThan(RefinementTest.LFWL2).contains(RefinementTest.SSWL));
        assertFalse(Hierarchy.strongerThan(RefinementTest.SSWL).contains(RefinementTest.LFWL2));
        assertEquals(List.of(new Hierarchy.Arrow(RefinementTest.GSWL, RefinementTest.SSWL)),
                Hierarchy.contradictions(EnumSet.of(RefinementTest.GSWL, RefinementTest.SLFWL2, RefinementTest.FWL2)));
    }
}
