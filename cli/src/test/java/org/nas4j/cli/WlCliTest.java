package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nas4j.cli.CliErrorsTest.nas4j;
import static org.nas4j.cli.CliErrorsTest.userError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.datasets.graph.EdgeList;
import org.nas4j.datasets.graph.Graph;

/** {@code nas4j wl}: a verdict line per test, Fürer pairs written once, one-line errors. */
class WlCliTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void printsWhetherATestSeparatesTwoGraphs() throws IOException {
        String c6 = write("c6.txt", "0 1\n1 2\n2 3\n3 4\n4 5\n5 0\n").toString();
        String triangles = write("tt.txt", "# two triangles\n0 1\n1 2\n2 0\n3 4\n4 5\n5 3\n").toString();
        CliErrorsTest.Result wl = nas4j("wl", "--test", "1wl", c6, triangles);
        assertEquals(0, wl.code(), wl.err());
        assertEquals("not distinguished", wl.out().strip());
        CliErrorsTest.Result swl = nas4j("wl", "--test", "swl-vs", c6, triangles);
        assertEquals(0, swl.code(), swl.err());
        assertEquals("distinguished", swl.out().strip());
    }

    @Test
    void writesAFurerPairAndNeverOverwritesIt() throws IOException {
        Path base = write("k3.txt", "0 1\n1 2\n2 0\n");
        Path out = dir.resolve("pairs");
        CliErrorsTest.Result r = nas4j("wl", "--furer", base.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Graph plain = EdgeList.read(out.resolve("k3-furer.txt"));
        Graph twisted = EdgeList.read(out.resolve("k3-furer-twisted.txt"));
        assertEquals(6, plain.size());
        assertEquals(6, twisted.edgeCount());
        assertFalse(plain.equals(twisted));
        String before = Files.readString(out.resolve("k3-furer.txt"));
        userError("k3-furer.txt exists: remove it or give another --out", "wl", "--furer", base.toString(), "--out", out.toString());
        assertEquals(before, Files.readString(out.resolve("k3-furer.txt")));
        // the pair's verdicts through the CLI: 1-WL cannot separate them, SSWL can
        assertEquals("distinguished", nas4j("wl", "--test", "sswl", out.resolve("k3-furer.txt").toString(),
                out.resolve("k3-furer-twisted.txt").toString()).out().strip());
    }

    @Test
    void badInputIsOneLine() throws IOException {
        String a = write("a.txt", "0 1\n").toString();
        String bad = write("bad.txt", "0 1\n1 x\n").toString();
        userError("unknown test 'swl'", "wl", "--test", "swl", a, a);
        userError("give two edge-list files", "wl", "--test", "sswl", a);
        userError("bad.txt line 2: 'x' is not a vertex id", "wl", "--test", "sswl", a, bad);
        userError("does not exist", "wl", "--test", "sswl", a, dir.resolve("none.txt").toString());
        userError("give --test T A.txt B.txt, or --furer BASE.txt", "wl", a, a);
        Path isolated = write("lone.txt", "0\n1\n");
        userError("has no edge", "wl", "--furer", isolated.toString(), "--out", dir.resolve("x").toString());
        assertFalse(Files.exists(dir.resolve("x")));
        assertTrue(Files.isRegularFile(isolated));
    }
}
