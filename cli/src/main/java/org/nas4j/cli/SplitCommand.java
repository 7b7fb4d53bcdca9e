package org.nas4j.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nas4j.algorithms.split.GradientMatch;
import org.nas4j.algorithms.split.GradientMatchingScorer;
import org.nas4j.algorithms.split.MinCut;
import org.nas4j.algorithms.split.SplitTree;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.Seeds;
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
        try (Workbench wb = Workbench.open(spec)) {
            SearchSpace space = wb.net.space();
            List<String> allowed = allowed(space);
            SplitTree tree = Files.isRegularFile(dir.splitTree()) ? SplitTree.load(dir.splitTree()) : new SplitTree();
            GradientMatchingScorer scorer = new GradientMatchingScorer(wb.net, wb.train(), batchSize, batches, gm,
                    Seeds.derive(spec.train().seed(), "split", tree.nodes().size()));
            while (tree.leaves().size() < budget) {
                SplitTree.Node leaf = widest(tree, space, allowed);
                if (leaf == null) {
                    break;
                }
                SearchSpace sub = SplitTree.subspace(space, leaf);
                List<String> candidates = allowed.stream().filter(d -> sub.dimension(d).size() >= 2).toList();
                List<SplitTree.Node> children;
                if (method.equals("fewshot")) {
                    String d = candidates.get(0);
                    List<String> values = sub.dimension(d).choices();
                    if (tree.leaves().size() - 1 + values.size() > budget) {
                        break;
                    }
                    children = tree.split(leaf.id(), d, values.stream().map(List::of).toList(), Map.of());
                    System.out.printf(Locale.ROOT, "sub-supernet %d: one sub-supernet per value of %s%n", leaf.id(), d);
                } else {
                    wb.loadWeights(dir.subCheckpoint(leaf.id()));
                    children = gmSplit(tree, leaf, sub, candidates, scorer, wb);
                }
                for (SplitTree.Node child : children) {
                    // a sub-supernet starts from its parent's weights
                    Files.createDirectories(dir.subCheckpoint(child.id()).getParent());
                    Files.copy(dir.subCheckpoint(leaf.id()), dir.subCheckpoint(child.id()), StandardCopyOption.REPLACE_EXISTING);
                }
                tree.save(dir.splitTree());
                if (method.equals("gm") && betweenEpochs > 0 && tree.leaves().size() < budget) {
                    TrainCommand.trainSubSupernets(dir, wb, children, betweenEpochs);
                }
            }
            System.out.printf(Locale.ROOT, "%d sub-supernets in %s; train them with 'nas4j train --run %s --sub all'%n",
                    tree.leaves().size(), dir.splitTree(), run);
            if (trainEpochs > 0) {
                // a marker per trained leaf: a killed split resumes with the leaves it had not trained
                for (SplitTree.Node leaf : tree.leaves()) {
                    Path done = dir.splitTree().resolveSibling("sub-" + leaf.id() + ".trained");
                    if (!Files.exists(done)) {
                        TrainCommand.trainSubSupernets(dir, wb, List.of(leaf), trainEpochs);
                        AtomicFiles.writeString(done, trainEpochs + " epochs\n");
                    }
                }
            }
            if (search > 0) {
                List<SearchCommand.Scored> best = SearchCommand.rsps(dir, wb, search, spec.train().seed());
                SearchCommand.Scored top = best.get(0);
                System.out.printf(Locale.ROOT, "best of %d archs: %s (validation %.2f%%, sub-supernet %d)%n",
                        best.size(), top.arch().id(), 100 * top.accuracy(), top.sub());
            }
        }
        return 0;
    }

    private List<SplitTree.Node> gmSplit(SplitTree tree, SplitTree.Node leaf, SearchSpace sub, List<String> candidates,
            GradientMatchingScorer scorer, Workbench wb) {
        Map<String, double[][]> scores = new LinkedHashMap<>();
        String bestDim = null;
        MinCut.Cut bestCut = null;
        double bestMean = Double.POSITIVE_INFINITY;
        ProgressBar bar = new ProgressBar(System.err, "gm scores", 0);
        for (int i = 0; i < candidates.size(); i++) {
            String d = candidates.get(i);
            GradientMatchingScorer.Result r = scorer.score(sub, d, wb.manager);
            scores.put(d, r.scores());
            MinCut.Cut cut = MinCut.best(r.scores());
            double mean = cut.score() / (cut.left().size() * cut.right().size());
            if (mean < bestMean) {
                bestMean = mean;
                bestDim = d;
                bestCut = cut;
            }
            bar.update(i + 1, candidates.size(), d);
        }
        List<String> values = sub.dimension(bestDim).choices();
        List<String> left = bestCut.left().stream().map(values::get).toList();
        List<String> right = bestCut.right().stream().map(values::get).toList();
        System.out.printf(Locale.ROOT, "sub-supernet %d: split %s into %s | %s (mean cross score %.3f)%n",
                leaf.id(), bestDim, left, right, bestMean);
        return tree.split(leaf.id(), bestDim, List.of(left, right), scores);
    }

    /** @return the leaf with the largest sub-space that still has a dimension to split, or null */
    private static SplitTree.Node widest(SplitTree tree, SearchSpace space, List<String> allowed) {
        return tree.leaves().stream()
                .filter(l -> allowed.stream().anyMatch(d -> SplitTree.subspace(space, l).dimension(d).size() >= 2))
                .max(Comparator.comparing(l -> SplitTree.subspace(space, l).size()))
                .orElse(null);
    }

    private List<String> allowed(SearchSpace space) {
        List<String> names = new ArrayList<>();
        if (dimensions == null) {
            for (Dimension d : space.dimensions()) {
                if (d.size() >= 2 && d.condition().isEmpty()) {
                    names.add(d.name());
                }
            }
            return names;
        }
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
