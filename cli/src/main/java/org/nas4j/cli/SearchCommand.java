package org.nas4j.cli;

import org.nas4j.runs.Run;
import org.nas4j.runs.RunDirectory;
import org.nas4j.runs.Task;
import org.nas4j.runs.ChildMeasurer;
import org.nas4j.runs.DartsSearch;
import org.nas4j.runs.ParetoSearch;
import org.nas4j.algorithms.search.Strategies;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.nas4j.algorithms.search.Constraint;
import org.nas4j.core.space.ArchRule;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.algorithms.search.Evaluation;
import org.nas4j.algorithms.search.Objective;
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

    @Parameter(names = "--objectives", description = "the quality (accuracy; mae for graph runs) and costs among latency, macs,"
            + " params, size (MB of float32 weights); default: the run's quality and latency")
    String objectives;

    @Parameter(names = "--constraint", description = "a limit, repeatable: latency<=3ms, macs<=20M, params<=100k, size<=0.5MB,"
            + " accuracy>=85, mae<=3; on sgnn spaces the SWL class, class>=LEVEL or class<=LEVEL with LEVEL one of 1wl, swl, pswl,"
            + " gswl, sswl (archs outside it are never evaluated)")
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
        List<Objective> given = objectives == null ? null : Objective.parseList(objectives);
        RunDirectory dir = new RunDirectory(run);
        try (Run wb = Run.open(dir.read())) {
            List<Objective> parsedObjectives = given != null ? given : List.of(wb.task().quality(), Objective.LATENCY);
            List<ArchRule> rules = new ArrayList<>();
            List<Constraint> limits = new ArrayList<>();
            for (String c : constraints) {
                ArchRule.parse(c, wb.net().space()).ifPresentOrElse(rules::add, () -> limits.add(Constraint.parse(c)));
            }
            if (Strategies.NAMES.contains(strategy)) {
                ParetoSearch.Plan plan = new ParetoSearch.Plan(strategy, parsedObjectives, limits, rules, evals, seed,
                        resume, name != null ? name : strategy + "-s" + seed);
                ParetoSearch.Outcome o = ParetoSearch.run(dir, wb, plan, settings(), new ConsoleProgress());
                FrontCharts.write(o, wb.spec().space(), plan.objectives(), List.of(o.directory(), dir.root()));
                printFront(o, plan.objectives(), wb.task(), wb.net().space());
            } else if (strategy.equals("darts")) {
                DartsSearch.Result r = DartsSearch.run(dir, wb, steps, seed, new ConsoleProgress());
                System.out.printf(Locale.ROOT, "darts: %s, validation accuracy %.2f%% (weights in %s)%n", r.arch().id(),
                        r.validationAccuracy(), dir.darts());
            } else {
                printBest(dir, wb, ParetoSearch.rsps(dir, wb, evals, seed, settings(), new ConsoleProgress()));
            }
        }
        return 0;
    }

    ChildMeasurer.Settings settings() {
        ChildMeasurer.Settings d = ChildMeasurer.Settings.defaults();
        return new ChildMeasurer.Settings(recalImages, valImages, latencyBatch, d.latencyWarmup(), latencyCalls, d.threads(),
                latencyTable);
    }

    /** Prints the front, cheapest first by the search's first cost. */
    static void printFront(ParetoSearch.Outcome o, List<Objective> objectives, Task task, SearchSpace space) {
        Objective cost = objectives.stream().filter(x -> !x.quality()).findFirst().orElseThrow();
        System.out.printf(Locale.ROOT, "%d evaluations, hypervolume %.4f; the front (%d children):%n", o.evaluations().size(),
                o.hypervolume().length == 0 ? 0 : o.hypervolume()[o.hypervolume().length - 1], o.front().size());
        StringBuilder levels = new StringBuilder();
        space.levels().forEach(l -> levels.append(String.format(Locale.ROOT, " %9s", l.name())));
        System.out.printf(Locale.ROOT, "%9s %10s %8s %9s%s  %s%n", task.scoreTitle(), "latency", "MMACs", "params", levels, "arch");
        o.front().stream().sorted(Comparator.comparingDouble(e -> e.value(cost))).forEach(e -> {
            StringBuilder values = new StringBuilder();
            space.levels().forEach(l -> values.append(String.format(Locale.ROOT, " %9s", l.label().apply(e.arch()))));
            System.out.printf(Locale.ROOT, "%9s %8.3fms %8.2f %,9d%s  %s%n", task.formatScore(e.accuracy()), e.latencyMs(),
                    e.macs() / 1e6, e.params(), values, e.arch().id());
        });
        System.out.println("written: " + o.directory() + " (pareto.json, pareto.csv, pareto.png), and the same in the run directory");
    }

    /** Prints the five most accurate of a random search with parameter sharing, each with the sub-supernet that scored it. */
    static void printBest(RunDirectory dir, Run wb, List<Evaluation> best) throws IOException {
        List<ChildTable.Row> rows = new ArrayList<>();
        for (Evaluation e : best.subList(0, Math.min(5, best.size()))) {
            rows.add(new ChildTable.Row("sub " + wb.subSupernetFor(dir, e.arch()), e.arch(), e.accuracy() / 100,
                    wb.net().cost(e.arch())));
        }
        System.out.println("best of " + best.size() + " archs (validation, each scored by its sub-supernet):");
        ChildTable.print(System.out, "val acc", rows);
    }
}
