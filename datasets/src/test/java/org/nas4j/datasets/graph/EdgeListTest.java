package org.nas4j.datasets.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.util.UserException;

class EdgeListTest {

    @TempDir
    Path dir;

    @Test
    void readsEdgesCommentsAndIsolatedVertices() {
        Graph g = EdgeList.parse("# a path and a lone vertex\n0 1\n\n2 1   # trailing comment\n3\n", "g.txt");
        assertEquals(4, g.size());
        assertEquals(2, g.edgeCount());
        assertTrue(g.adjacent(1, 2) && g.adjacent(2, 1) && g.adjacent(0, 1));
        assertFalse(g.adjacent(0, 2));
        assertEquals(0, g.degree(3));
    }

    @Test
    void writtenGraphsReadBackEqual() throws IOException {
        Graph g = Graph.of(6, 0, 1, 1, 2, 2, 0, 4, 2);
        Path f = dir.resolve("g.txt");
        EdgeList.write(g, "a triangle with a tail\nand two isolated vertices", f);
        String text = Files.readString(f);
        assertTrue(text.startsWith("# a triangle with a tail\n# and two isolated vertices\n"), text);
        assertTrue(text.endsWith("\n3\n5\n"), text);
        assertEquals(g, EdgeList.read(f));
    }

    @Test
    void badFilesNameTheLineAndTheFix() {
        assertMessage("g.txt line 2: '0 1 2' has 3 fields", "0 1\n0 1 2\n");
        assertMessage("g.txt line 1: 'a' is not a vertex id", "a 1\n");
        assertMessage("g.txt line 1: vertex id -1 is negative", "-1 1\n");
        assertMessage("g.txt line 3: self-loop 2 2", "0 1\n1 2\n2 2\n");
        assertMessage("g.txt: vertex 2 never appears but ids go up to 3", "0 1\n1 3\n");
        assertMessage("g.txt: edge 1 0 repeated", "0 1\n1 0\n");
        UserException e = assertThrows(UserException.class, () -> EdgeList.read(dir.resolve("missing.txt")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    private static void assertMessage(String expected, String text) {
        UserException e = assertThrows(UserException.class, () -> EdgeList.parse(text, "g.txt"));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void distancesAreBreadthFirstAndMinusOneAcrossComponents() {
        Graph g = Graph.of(5, 0, 1, 1, 2, 2, 3, 3, 0); // a 4-cycle and an isolated vertex
        int[][] d = g.distances();
        assertEquals(2, d[0][2]);
        assertEquals(1, d[3][0]);
        assertEquals(-1, d[4][1]);
        assertEquals(0, d[4][4]);
    }
}
