package org.nas4j.cli;

import org.nas4j.runs.Run;
import org.nas4j.runs.RunDirectory;
import org.nas4j.runs.ChildMeasurer;
import org.nas4j.runs.ParetoSearch;
import org.nas4j.algorithms.search.Strategies;
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
import org.nas4j.algorithms.search.Constraint;
import org.nas4j.algorithms.search.Evaluation;
import org.nas4j.algorithms.search.Objective;
import org.nas4j.algorithms.split.SplitTree;
import org.nas4j.algorithms.train.ChildEvaluator;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Relaxable;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.Seeds;
import org.nas4j.core.util.UserException;

@Parameters(commandDescription = "Search a trained (or split) supernet: random, evolution, nsga2 or linas under accuracy / "
        + "latency / MACs / params objectives and constraints; or rsps (accuracy only) or darts")
final class SearchCommand implements Command {

    @Parameter(names = "--run", description = "run directory of a trained supernet", required = true)
    Path run;

    @Parameter(names = "--strategy", description = "random, evolution, nsga2, linas, reinforce (LSTM controller); rsps or darts")
    String strategy = "linas";

    @Parameter(names = "--evals", description = "real evaluations (distinct archs) to spend")
    int evals = 50;

    @Parameter(names = "--objectives", description = "accuracy and costs among latency, macs, params, size (MB of float32 weights)")
    String objectives = "accuracy,latency";

    @Parameter(names = "--constraint", description = "a limit, repeatable: latency<=3ms, macs<=20M, params<=100k, size<=0.5MB, accuracy>=85")
    List<String> constraints = new ArrayList<>();

    @Parameter(names = "--resume", description = "continue the search of this name (its evaluations are reused, none redone)")
    boolean resume;

    @Parameter(names = "--name", description = "the search's directory under RUN/search (default STRATEGY-sSEED)")
    String name;

    @Parameter(names = "--recal-images", description = "training images for each child's BN recalibration")
    int recalImages = ChildMeasurer.Settings.defaults().recalibrationImages();

    @Parameter(names = "--val-images", description = "validation images each child is scored on (the run's validation split at most)")
    int valImages = ChildMeasurer.Settings.defaults().validationImages();

    @Parameter(names = "--latency-batch", description = "images per timed call")
    int latencyBatch = ChildMeasurer.Settings.defaults().latencyBatch();

    @Parameter(names = "--latency-calls", description = "timed calls per child (median taken, after 5 warm-up calls)")
    int latencyCalls = ChildMeasurer.Settings.defaults().latencyCalls();

    @Parameter(names = "--latency-table", description = "predict latency from this table ('nas4j profile') instead of timing each child")
    Path latencyTable;

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
        if (!strategy.equals("rsps") && !strategy.equals("darts") && !Strategies.NAMES.contains(strategy)) {
            throw new UserException("--strategy '" + strategy + "': use one of " + String.join(", ", Strategies.NAMES)
                    + ", rsps or darts");
        }
        if (evals < 1 || steps < 1 || recalImages < 1 || valImages < 1 || latencyBatch < 1 || latencyCalls < 1) {
            throw new UserException("--evals, --steps, --recal-images, --val-images, --latency-batch and --latency-calls must be >= 1");
        }
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new UserException("--name '" + name + "': use letters, digits, '.', '_' and '-'");
        }
        List<Objective> parsedObjectives = Objective.parseList(objectives);
        List<Constraint> parsedConstraints = constraints.stream().map(Constraint::parse).toList();
        RunDirectory dir = new RunDirectory(run);
        try (Run wb = Run.open(dir.read())) {
            if (Strategies.NAMES.contains(strategy)) {
                ParetoSearch.Plan plan = new ParetoSearch.Plan(strategy, parsedObjectives, parsedConstraints, evals, seed,
                        resume, name != null ? name : strategy + "-s" + seed);
                ParetoSearch.Outcome o = ParetoSearch.run(dir, wb, plan, settings(), new ConsoleProgress());
                FrontCharts.write(o, wb.spec().space(), List.of(o.directory(), dir.root()));
                printFront(o, wb.task().scoreTitle());
            } else if (strategy.equals("darts")) {
                darts(dir, wb);
            } else {
                List<Scored> best = rsps(dir, wb, evals, seed);
                List<ChildTable.Row> rows = new ArrayList<>();
                for (Scored s : best.subList(0, Math.min(5, best.size()))) {
                    rows.add(new ChildTable.Row("sub " + s.sub(), s.arch(), s.accuracy(), wb.net().cost(s.arch())));
                }
                System.out.println("best of " + best.size() + " archs (validation, each scored by its sub-supernet):");
                ChildTable.print(System.out, "val acc", rows);
            }
        }
        return 0;
    }

    ChildMeasurer.Settings settings() {
        ChildMeasurer.Settings d = ChildMeasurer.Settings.defaults();
        return new ChildMeasurer.Settings(recalImages, valImages, latencyBatch, d.latencyWarmup(), latencyCalls, d.threads(),
                latencyTable);
    }

    static void printFront(ParetoSearch.Outcome o, String scoreTitle) {
        System.out.printf(Locale.ROOT, "%d evaluations, hypervolume %.4f; the front (%d children):%n", o.evaluations().size(),
                o.hypervolume().length == 0 ? 0 : o.hypervolume()[o.hypervolume().length - 1], o.front().size());
        System.out.printf(Locale.ROOT, "%9s %10s %8s %9s  %s%n", scoreTitle, "latency", "MMACs", "params", "arch");
        o.front().stream().sorted(Comparator.comparingDouble(Evaluation::latencyMs)).forEach(e -> System.out.printf(Locale.ROOT,
                "%8.2f%% %8.3fms %8.2f %,9d  %s%n", e.accuracy(), e.latencyMs(), e.macs() / 1e6, e.params(), e.arch().id()));
        System.out.println("written: " + o.directory() + " (pareto.json, pareto.csv, pareto.png), and the same in the run directory");
    }

    /**
     * Random search with parameter sharing over the run's supernet, or the union of its
     * sub-supernets: each arch is scored (BN recalibrated, validation accuracy) by the sub-supernet
     * that holds it. Every score is appended to {@code search/rsps.jsonl} as it is made; archs
     * already there are not scored again.
     *
     * @return all scored archs, best first
     */
    static List<Scored> rsps(RunDirectory run, Run wb, int evals, long seed) throws IOException {
        SearchSpace space = wb.net().space();
        SplitTree tree = Files.isRegularFile(run.splitTree()) ? SplitTree.load(run.splitTree()) : null;
        Path log = run.rsps();
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
                Scored s = new Scored(a, group.getKey(), eval.accuracy(a, wb.images().validation(), wb.manager()));
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

    /**
     * DARTS on the supernet, or on each sub-supernet of a split run (its own sub-space, from its own
     * weights); the derived arch with the best validation accuracy wins. All are in search/darts.json.
     */
    private void darts(RunDirectory dir, Run wb) throws IOException {
        if (!(wb.net() instanceof Relaxable)) {
            throw new UserException("space " + wb.spec().space() + " has no continuous relaxation for DARTS; use --strategy rsps");
        }
        SearchSpace space = wb.net().space();
        List<SplitTree.Node> leaves = Files.isRegularFile(dir.splitTree())
                ? SplitTree.load(dir.splitTree()).leaves() : List.of(new SplitTree().nodes().get(0));
        JsonArray runs = new JsonArray();
        JsonObject best = null;
        for (SplitTree.Node leaf : leaves) {
            wb.loadWeights(dir.subCheckpoint(leaf.id()));
            Darts.Result r = Darts.search(wb.net(), SplitTree.subspace(space, leaf), wb.images().train(), wb.images().validation(),
                    new Darts.Config(steps, wb.spec().train().batchSize(), wb.spec().train().learningRate() / 10, 3e-4f, seed),
                    wb.manager());
            double acc = wb.evaluator().accuracy(r.arch(), wb.images().validation(), wb.manager());
            JsonObject o = new JsonObject();
            o.addProperty("sub", leaf.id());
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
            runs.add(o);
            System.out.printf(Locale.ROOT, "darts on sub-supernet %d: %s, validation accuracy %.2f%%%n", leaf.id(),
                    r.arch().id(), 100 * acc);
            if (best == null || acc > best.get("validationAccuracy").getAsDouble() / 100) {
                best = o;
            }
        }
        JsonObject result = new JsonObject();
        result.addProperty("arch", best.get("arch").getAsString());
        result.addProperty("validationAccuracy", best.get("validationAccuracy").getAsDouble());
        result.add("subSupernets", runs);
        Path out = dir.darts();
        AtomicFiles.writeString(out, result + "\n");
        System.out.printf(Locale.ROOT, "darts: %s, validation accuracy %.2f%% (weights in %s)%n",
                best.get("arch").getAsString(), best.get("validationAccuracy").getAsDouble(), out);
    }
}
