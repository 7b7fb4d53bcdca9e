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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nas4j.algorithms.split.GradientMatch;
import org.nas4j.algorithms.split.SplitTree;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.util.UserException;

@Parameters(commandDescription = "Split a trained supernet into sub-supernets (few-shot NAS or GM-NAS)")
final class SplitCommand implements Command {

    @Parameter(names = "--run", description = "run directory of a trained supernet", required = true)
    Path run;

    @Parameter(names = "--method", description = "fewshot (one sub-supernet per value) or gm (gradient-matching bipartition)")
    String method = "gm";

    @Parameter(names = "--budget", description = "sub-supernets wanted in all (leaves of the split tree)")
    int budget = 4;

    @Parameter(names = "--dimensions", description = "comma-separated dimensions that may be split (default: every"
            + " dimension all archs have, with 2+ values)")
    String dimensions;

    @Parameter(names = "--measure", description = "gm: cosine, per-filter or mse")
    String measure = "cosine";

    @Parameter(names = "--batches", description = "gm: batches averaged per value")
    int batches = 4;

    @Parameter(names = "--batch-size", description = "gm: images per batch")
    int batchSize = 64;

    @Parameter(names = "--train-epochs", description = "then train every new sub-supernet this many epochs")
    int trainEpochs = 0;

    @Parameter(names = "--between-epochs", description = "gm: train the two halves of each split this many epochs"
            + " before the next split is scored (GM-NAS trains between splits)")
    int betweenEpochs = 0;

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
        if (trainEpochs < 0 || betweenEpochs < 0 || search < 0) {
            throw new UserException("--train-epochs, --between-epochs and --search must be >= 0");
        }
        if (budget < 2) {
            throw new UserException("--budget must be >= 2 sub-supernets");
        }
        RunDirectory dir = new RunDirectory(run);
        RunSpec spec = dir.read();
        if (!Files.isRegularFile(dir.checkpoint())) {
            throw new UserException("no trained supernet in " + run + ": train it first with 'nas4j train --out " + run + "'");
        }
        try (Run wb = Run.open(spec)) {
            Splitting.Plan plan = new Splitting.Plan(method.equals("gm") ? Splitter.Method.GM : Splitter.Method.FEWSHOT,
                    budget, allowed(wb.net().space()), gm, batches, batchSize, betweenEpochs, trainEpochs);
            SplitTree tree = Splitting.split(dir, wb, plan, new ConsoleProgress());
            System.out.printf(Locale.ROOT, "%d sub-supernets in %s%s%n", tree.leaves().size(), dir.splitTree(),
                    trainEpochs > 0 ? ", trained" : "; train them with 'nas4j train --run " + run + " --sub all'");
            if (search > 0) {
                SearchCommand.printBest(dir, wb, ParetoSearch.rsps(dir, wb, search, spec.train().seed(),
                        ChildMeasurer.Settings.defaults(), new ConsoleProgress()));
            }
        }
        return 0;
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
            if (space.dimension(d.trim()).condition().isPresent()) {
                throw new UserException("--dimensions: " + d.trim() + " is active in some archs only; split a dimension"
                        + " every arch has");
            }
            names.add(d.trim());
        }
        return names;
    }
}
