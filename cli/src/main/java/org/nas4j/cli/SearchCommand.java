package org.nas4j.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.nas4j.algorithms.darts.Darts;
import org.nas4j.algorithms.split.SplitTree;
import org.nas4j.algorithms.train.ChildEvaluator;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Relaxable;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.Seeds;
import org.nas4j.core.util.UserException;

@Parameters(commandDescription = "Search a trained (or split) supernet: rsps (random archs scored with shared weights) or darts")
final class SearchCommand implements Command {

    @Parameter(names = "--run", description = "run directory of a trained supernet", required = true)
    Path run;

    @Parameter(names = "--strategy", description = "rsps or darts")
    String strategy = "rsps";

    @Parameter(names = "--evals", description = "rsps: distinct archs to score")
    int evals = 50;

    @Parameter(names = "--steps", description = "darts: alternating weight / architecture steps")
    int steps = 200;

    @Parameter(names = "--seed", description = "seed of the sampled archs (rsps) or of alpha and the batches (darts)")
    long seed = 0;

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    /** One scored arch. */
    record Scored(Arch arch, int sub, double accuracy) {}

    @Override
    public int run() throws IOException {
        if (!strategy.equals("rsps") && !strategy.equals("darts")) {
            throw new UserException("--strategy must be rsps or darts, not '" + strategy + "'");
        }
        if (evals < 1 || steps < 1) {
            throw new UserException("--evals and --steps must be >= 1");
        }
        RunDirectory dir = new RunDirectory(run);
        try (Workbench wb = Workbench.open(dir.read())) {
            if (strategy.equals("darts")) {
                darts(dir, wb);
            } else {
                List<Scored> best = rsps(dir, wb, evals, seed);
                List<ChildTable.Row> rows = new ArrayList<>();
                for (Scored s : best.subList(0, Math.min(5, best.size()))) {
                    rows.add(new ChildTable.Row("sub " + s.sub(), s.arch(), s.accuracy(), wb.net.cost(s.arch())));
                }
                System.out.println("best of " + best.size() + " archs (validation, each scored by its sub-supernet):");
                ChildTable.print(System.out, "val acc", rows);
            }
        }
        return 0;
    }

    /**
     * Random search with parameter sharing over the run's supernet, or the union of its
     * sub-supernets: each arch is scored (BN recalibrated, validation accuracy) by the sub-supernet
     * that holds it. Every score is appended to {@code search/rsps.jsonl} as it is made; archs
     * already there are not scored again.
     *
     * @return all scored archs, best first
     */
    static List<Scored> rsps(RunDirectory run, Workbench wb, int evals, long seed) throws IOException {
        SearchSpace space = wb.net.space();
        SplitTree tree = Files.isRegularFile(run.splitTree()) ? SplitTree.load(run.splitTree()) : null;
        Path log = run.root().resolve("search").resolve("rsps.jsonl");
        Map<String, Scored> done = new LinkedHashMap<>();
        if (Files.isRegularFile(log)) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                Arch a = space.parse(o.get("arch").getAsString());
                done.put(a.id(), new Scored(a, o.get("sub").getAsInt(), o.get("accuracy").getAsDouble()));
            }
        }
        Set<Arch> wanted = new LinkedHashSet<>();
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "rsps", 0));
        for (int attempt = 0; wanted.size() < evals && attempt < 100 * evals; attempt++) {
            wanted.add(space.sample(rng));
        }
        // score sub-supernet by sub-supernet, so each one's weights load once
        Map<Integer, List<Arch>> bySub = new LinkedHashMap<>();
        for (Arch a : wanted) {
            if (!done.containsKey(a.id())) {
                bySub.computeIfAbsent(tree == null ? 0 : tree.leafFor(space, a).id(), k -> new ArrayList<>()).add(a);
            }
        }
        Files.createDirectories(log.getParent());
        ChildEvaluator eval = wb.evaluator();
        ProgressBar bar = new ProgressBar(System.err, "rsps", 0);
        int n = 0;
        int todo = bySub.values().stream().mapToInt(List::size).sum();
        for (Map.Entry<Integer, List<Arch>> group : bySub.entrySet()) {
            wb.loadWeights(run.subCheckpoint(group.getKey()));
            for (Arch a : group.getValue()) {
                Scored s = new Scored(a, group.getKey(), eval.accuracy(a, wb.validation(), wb.manager));
                JsonObject o = new JsonObject();
                o.addProperty("arch", a.id());
                o.addProperty("sub", s.sub());
                o.addProperty("accuracy", s.accuracy());
                Files.writeString(log, o + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                done.put(a.id(), s);
                bar.update(++n, todo, a.id());
            }
        }
        return wanted.stream().map(a -> done.get(a.id()))
                .sorted(Comparator.comparingDouble(Scored::accuracy).reversed()).toList();
    }

    private void darts(RunDirectory dir, Workbench wb) throws IOException {
        if (Files.isRegularFile(dir.splitTree())) {
            throw new UserException("darts searches the whole supernet; " + run + " is split (use --strategy rsps)");
        }
        if (!(wb.net instanceof Relaxable)) {
            throw new UserException("space " + wb.spec.space() + " has no continuous relaxation for DARTS; use --strategy rsps");
        }
        wb.loadWeights(dir);
        Darts.Result r = Darts.search(wb.net, wb.train(), wb.validation(),
                new Darts.Config(steps, wb.spec.train().batchSize(), wb.spec.train().learningRate() / 10, 3e-4f, seed),
                wb.manager);
        double acc = wb.evaluator().accuracy(r.arch(), wb.validation(), wb.manager);
        JsonObject o = new JsonObject();
        o.addProperty("arch", r.arch().id());
        o.addProperty("validationAccuracy", 100 * acc);
        JsonObject weights = new JsonObject();
        r.weights().forEach((d, w) -> {
            JsonArray row = new JsonArray();
            for (float v : w) {
                row.add(v);
            }
            weights.add(d, row);
        });
        o.add("softmaxAlpha", weights);
        Path out = dir.root().resolve("search").resolve("darts.json");
        AtomicFiles.writeString(out, o + "\n");
        System.out.printf(Locale.ROOT, "darts: %s, validation accuracy %.2f%% (weights in %s)%n", r.arch().id(), 100 * acc, out);
    }
}
