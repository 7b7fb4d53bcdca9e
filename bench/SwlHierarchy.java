// The SWL paper's hierarchy reproduced by exact colour refinement (issue 19): for each base graph in
// DIR (edge-list files) its Fürer pair, and each named pair of DIR/pairs, run every refinement test;
// print which tell each pair apart, a witness pair for every strict arrow of the paper's figure, and
// every contradiction (a weaker test that separates a pair a stronger one does not). Exits 1 if an
// arrow has no witness or a contradiction exists.
//
//   java -cp CLASSPATH bench/SwlHierarchy.java bench/swl
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nas4j.algorithms.wl.FurerGraphs;
import org.nas4j.algorithms.wl.Hierarchy;
import org.nas4j.algorithms.wl.RefinementTest;
import org.nas4j.datasets.graph.EdgeList;
import org.nas4j.datasets.graph.Graph;

public class SwlHierarchy {

    record Case(String name, Graph a, Graph b) {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            // fig4 before fig10: names compared with their digits as numbers
            Comparator<Path> natural = Comparator.comparing((Path p) -> p.getFileName().toString().replaceAll("\\d", ""))
                    .thenComparingInt(p -> Integer.parseInt("0" + p.getFileName().toString().replaceAll("\\D", "")));
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted(natural).toList()) {
                FurerGraphs.Pair p = FurerGraphs.of(EdgeList.read(f));
                cases.add(new Case("Fürer pair of " + f.getFileName().toString().replace(".txt", ""), p.plain(), p.twisted()));
            }
        }
        Path pairs = dir.resolve("pairs");
        String[][] named = {{"c6", "two-triangles"}, {"decalin", "bicyclopentyl"}, {"rook-4x4", "shrikhande"}};
        for (String[] n : named) {
            cases.add(new Case(n[0] + " vs " + n[1], EdgeList.read(pairs.resolve(n[0] + ".txt")),
                    EdgeList.read(pairs.resolve(n[1] + ".txt"))));
        }
        RefinementTest[] tests = RefinementTest.values();
        StringBuilder header = new StringBuilder("| pair | vertices | edges |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (RefinementTest t : tests) {
            header.append(' ').append(t.label()).append(" |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        Map<Case, Set<RefinementTest>> results = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (Case c : cases) {
            Set<RefinementTest> yes = Hierarchy.distinguishing(c.a(), c.b());
            results.put(c, yes);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %d | %d / %d |", c.name(), c.a().size(),
                    c.a().edgeCount(), c.b().edgeCount()));
            for (RefinementTest t : tests) {
                row.append(yes.contains(t) ? " **yes** |" : " no |");
            }
            System.out.println(row);
        }
        System.out.printf(Locale.ROOT, "%n(%d pairs, every test, %.1f s)%n%n", cases.size(), (System.nanoTime() - start) / 1e9);
        System.out.println("| strict arrow of the figure | pairs the stronger test separates and the weaker does not |");
        System.out.println("|---|---|");
        boolean ok = true;
        for (Hierarchy.Arrow a : Hierarchy.ARROWS) {
            List<String> witnesses = results.entrySet().stream()
                    .filter(e -> e.getValue().contains(a.stronger()) && !e.getValue().contains(a.weaker()))
                    .map(e -> e.getKey().name()).toList();
            ok &= !witnesses.isEmpty();
            System.out.printf("| %s ≺ %s | %s |%n", a.weaker().label(), a.stronger().label(),
                    witnesses.isEmpty() ? "**none found**" : String.join("; ", witnesses));
        }
        // pairs of tests the figure leaves unordered: a witness each way shows them incomparable
        System.out.println();
        System.out.println("| tests with no arrow between them | separated by the first only | separated by the second only |");
        System.out.println("|---|---|---|");
        for (int i = 0; i < tests.length; i++) {
            for (int j = i + 1; j < tests.length; j++) {
                RefinementTest x = tests[i];
                RefinementTest y = tests[j];
                if (Hierarchy.strongerThan(x).contains(y) || Hierarchy.strongerThan(y).contains(x)) {
                    continue;
                }
                System.out.printf("| %s, %s | %s | %s |%n", x.label(), y.label(), only(results, x, y), only(results, y, x));
            }
        }
        List<String> wrong = new ArrayList<>();
        results.forEach((c, yes) -> Hierarchy.contradictions(yes).forEach(a -> wrong.add(c.name() + ": " + a.weaker().label()
                + " separates, " + a.stronger().label() + " does not")));
        System.out.println();
        System.out.println(wrong.isEmpty() ? "contradictions of the order: none" : "contradictions of the order:\n"
                + wrong.stream().map(w -> "  " + w).collect(Collectors.joining("\n")));
        System.exit(ok && wrong.isEmpty() ? 0 : 1);
    }

    static String only(Map<Case, Set<RefinementTest>> results, RefinementTest yes, RefinementTest no) {
        List<String> names = results.entrySet().stream().filter(e -> e.getValue().contains(yes) && !e.getValue().contains(no))
                .map(e -> e.getKey().name()).toList();
        return names.isEmpty() ? "none" : String.join("; ", names);
    }
}
