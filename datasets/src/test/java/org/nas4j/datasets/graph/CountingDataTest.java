package org.nas4j.datasets.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountingDataTest {

    @Test
    void theSameGraphsEveryTimeWithExactCounts() {
        GraphData triangles = CountingData.of(Substructure.TRIANGLE);
        GraphData cycles = CountingData.of(Substructure.CYCLE4);
        assertEquals(List.of(1500, 500, 500), List.of(triangles.train().size(), triangles.validation().size(), triangles.test().size()));
        int regular = 0;
        for (int i = 0; i < triangles.test().size(); i++) {
            Graph g = triangles.test().get(i).graph().graph();
            // one generator for every target: the same graph, counted two ways
            assertEquals(g, cycles.test().get(i).graph().graph());
            assertEquals(Substructure.TRIANGLE.count(g), triangles.test().get(i).target());
            assertEquals(Substructure.CYCLE4.count(g), cycles.test().get(i).target());
            assertTrue(g.size() >= 10 && g.size() <= 21, g.toString());
            boolean isRegular = true;
            for (int v = 1; v < g.size(); v++) {
                isRegular &= g.degree(v) == g.degree(0);
            }
            regular += isRegular ? 1 : 0;
        }
        assertTrue(regular >= 125 && regular < 160, regular + " regular graphs of 500");
        assertEquals(triangles.train().get(7).graph().graph(), CountingData.of(Substructure.TRIANGLE).train().get(7).graph().graph());
    }
}
