package org.nas4j.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.algorithms.wl.FurerGraphs;
import org.nas4j.algorithms.wl.RefinementTest;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.graph.EdgeList;
import org.nas4j.datasets.graph.Graph;

@Parameters(commandDescription = "Exact Weisfeiler-Lehman tests on graphs (1-WL, GD-WL, the six subgraph WL classes,"
        + " localized 2-FWL, 2-FWL): does a test tell two edge-list graphs apart; or write a Fürer pair")
final class WlCommand implements Command {

    @Parameter(description = "A.txt B.txt: the two graphs to compare (edge-list files), with --test")
    List<Path> graphs = new ArrayList<>();

    @Parameter(names = "--test", description = "the test: 1wl, gdwl, swl-vs, swl-sv, pswl-vs, pswl-sv, gswl, sswl, lfwl2,"
            + " slfwl2 or fwl2")
    String test;

    @Parameter(names = "--furer", description = "write the Fürer pair of this base graph (an edge-list file): NAME-furer.txt"
            + " and NAME-furer-twisted.txt")
    Path furer;

    @Parameter(names = "--out", description = "directory for --furer's two files (default: the base graph's directory)",
            validateValueWith = OutputPaths.Directory.class)
    Path out;

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    @Override
    public int run() throws IOException {
        if ((test == null) == (furer == null)) {
            throw new UserException("give --test T A.txt B.txt, or --furer BASE.txt");
        }
        if (furer != null) {
            return writeFurer();
        }
        if (graphs.size() != 2) {
            throw new UserException("--test compares two graphs: give two edge-list files, e.g. nas4j wl --test sswl A.txt B.txt");
        }
        RefinementTest t = RefinementTest.byId(test);
        Graph a = EdgeList.read(graphs.get(0));
        Graph b = EdgeList.read(graphs.get(1));
        System.out.println(t.distinguishes(a, b) ? "distinguished" : "not distinguished");
        return 0;
    }

    private int writeFurer() throws IOException {
        if (!graphs.isEmpty()) {
            throw new UserException("--furer takes one base graph: drop the other file names");
        }
        FurerGraphs.Pair pair = FurerGraphs.of(EdgeList.read(furer));
        Path dir = out != null ? out : furer.toAbsolutePath().getParent();
        String name = furer.getFileName().toString().replaceFirst("\\.txt$", "");
        Path plain = dir.resolve(name + "-furer.txt");
        Path twisted = dir.resolve(name + "-furer-twisted.txt");
        for (Path p : List.of(plain, twisted)) {
            if (Files.exists(p)) {
                throw new UserException(p + " exists: remove it or give another --out");
            }
        }
        Files.createDirectories(dir);
        String from = "Fürer graph of " + furer.getFileName();
        EdgeList.write(pair.plain(), from, plain);
        EdgeList.write(pair.twisted(), from + ", twisted on its first edge", twisted);
        System.out.println("wrote " + plain + " and " + twisted + " (" + pair.plain().size() + " vertices, "
                + pair.plain().edgeCount() + " edges each)");
        return 0;
    }
}
