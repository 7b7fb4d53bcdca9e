package org.nas4j.cli;

import org.nas4j.algorithms.split.Splitter;
import org.nas4j.runs.ChildMeasurer;
import org.nas4j.runs.ParetoSearch;
import org.nas4j.runs.Splitting;
import org.nas4j.runs.Run;
import org.nas4j.runs.RunDirectory;
import org.nas4j.runs.RunSpec;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nas4j.algorithms.split.GradientMatch;
import org.nas4j.algorithms.split.GradientMatchingScorer;
import org.nas4j.algorithms.split.SplitTree;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.util.UserException;

@Parameters(commandDescription = "Train a run's supernet with a split schedule: split every sub-supernet at each"
        + " --split-epochs epoch (few-shot NAS or GM-NAS), then train them all to the run's last epoch")
final class SplitCommand implements Command {

    @Parameter(names = "--run", description = "run directory, trained no further than the first split epoch"
            + " ('nas4j train --until-epoch N')", required = true)
    Path run;

    @Parameter(names = "--method", description = "fewshot (one sub-supernet per value) or gm (gradient-matching min-cut into --ways groups)")
    String method = "gm";

    @Parameter(names = "--split-epochs", description = "epochs of the run's schedule at which every sub-supernet is"
            + " split, e.g. 10,20 (GM-NAS's levels; few-shot NAS splits once); the run then trains to its last epoch")
    String splitEpochs;

    @Parameter(names = "--ways", description = "gm: groups per split (the paper uses 2 or 4)")
    int ways = 2;

    @Parameter(names = "--dimensions", description = "comma-separated dimensions that may be split (default: every"
            + " dimension with 2+ values; a leaf splits those active in all its archs)")
    String dimensions;

    @Parameter(names = "--measure", description = "gm: cosine, per-filter or mse")
    String measure = "cosine";

    @Parameter(names = "--draws", description = "gm: batches, each with its own child, whose gradient scores are averaged"
            + " per dimension (the reference code's 100)")
    int draws = GradientMatchingScorer.PAPER_DRAWS;

    @Parameter(names = "--batch-size", description = "gm: images per batch")
    int batchSize = 64;

    @Parameter(names = "--halving", description = "successive halving after the last split: at this many evenly spaced"
            + " epochs before the last, the worse half of the sub-supernets still training (mean validation score of "
            + "4 children of each) stops there; 0 for none")
    int halving = 0;

    @Parameter(names = "--search", description = "then score this many random archs, each with its sub-supernet (rsps)")
    int search = 0;

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    @Override
    public int run() throws IOException {
        if (!method.equals("fewshot") && !method.equals("gm")) {
            throw new UserException("--method must be fewshot or gm, not '" + method + "'");
        }
        GradientMatch gm = switch (measure) {
            case "cosine" -> GradientMatch.COSINE;
            case "per-filter" -> GradientMatch.PER_FILTER_COSINE;
            case "mse" -> GradientMatch.NEGATIVE_MSE;
            default -> throw new UserException("--measure must be cosine, per-filter or mse, not '" + measure + "'");
        };
        if (search < 0 || halving < 0 || draws < 1 || batchSize < 1 || ways < 2) {
            throw new UserException("--search and --halving must be >= 0, --draws and --batch-size >= 1, --ways >= 2");
        }
        if (splitEpochs == null) {
            throw new UserException("--split-epochs is required, e.g. --split-epochs 10 (one split) or 10,20 (two levels)");
        }
        RunDirectory dir = new RunDirectory(run);
        RunSpec spec = dir.read();
        try (Run wb = Run.open(spec)) {
            Splitting.Plan plan = new Splitting.Plan(method.equals("gm") ? Splitter.Method.GM : Splitter.Method.FEWSHOT,
                    ways, epochs(), allowed(wb.net().space()), gm, draws, batchSize, halving);
            Splitting.check(plan, spec.train());
            SplitTree tree = Splitting.split(dir, wb, plan, new ConsoleProgress());
            Splitting.Budget budget = Splitting.budget(dir, tree, plan, spec.train(), wb);
            System.out.printf(Locale.ROOT, "%d sub-supernets in %s, trained to epoch %d; %,d passes (%,d training, %,d scoring)%n",
                    tree.leaves().size(), dir.splitTree(), spec.train().epochs(), budget.total(), budget.trainingPasses(),
                    budget.scoringPasses());
            if (search > 0) {
                SearchCommand.printBest(dir, wb, ParetoSearch.rsps(dir, wb, search, spec.train().seed(),
                        ChildMeasurer.Settings.defaults(), new ConsoleProgress()));
            }
        }
        return 0;
    }

    private List<Integer> epochs() {
        List<Integer> out = new ArrayList<>();
        for (String e : splitEpochs.split(",")) {
            try {
                out.add(Integer.parseInt(e.trim()));
            } catch (NumberFormatException x) {
                throw new UserException("--split-epochs: '" + e.trim() + "' is not an epoch; give e.g. 10,20");
            }
        }
        return out;
    }

    private List<String> allowed(SearchSpace space) {
        if (dimensions == null) {
            return Splitter.splittable(space);
        }
        List<String> names = new ArrayList<>();
        for (String d : dimensions.split(",")) {
            try {
                space.dimension(d.trim());
            } catch (IllegalArgumentException e) {
                throw new UserException("--dimensions: space " + space.name() + " has no dimension '" + d.trim() + "'");
            }
            names.add(d.trim());
        }
        return names;
    }
}
