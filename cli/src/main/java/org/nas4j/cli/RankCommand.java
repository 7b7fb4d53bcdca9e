package org.nas4j.cli;

import org.nas4j.runs.RankingFigures;
import org.nas4j.runs.RunDirectory;
import org.nas4j.runs.SupernetEstimates;
import org.nas4j.runs.TrainingFreeBaselines;
import org.nas4j.runs.Estimator;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nas4j.algorithms.ranking.GroundTruth;
import org.nas4j.algorithms.ranking.RankBootstrap;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.UserException;

/**
 * How well estimators rank the archs of a ground truth: supernets (each checkpoint, or every epoch
 * snapshot), training-free baselines and files of estimates, each with Kendall's τ, Spearman's ρ and
 * τ within the truth's best share, 95% bootstrap intervals, and paired-bootstrap differences
 * between estimators. With several seeds in the truth, their mutual τ is the noise ceiling.
 */
@Parameters(commandDescription = "Rank correlation of supernet estimates and training-free baselines against archs trained"
        + " alone (see 'nas4j truth'), with bootstrap intervals")
final class RankCommand implements Command {

    @Parameter(names = "--truth", description = "JSON lines {\"arch\", \"seed\", \"accuracy\"} of archs trained alone", required = true)
    Path truth;

    @Parameter(names = "--run", description = "a supernet run to score the truth's archs with (repeatable)")
    List<Path> runs = new ArrayList<>();

    @Parameter(names = "--snapshots", description = "score epoch snapshots of each run (train --snapshots) instead of its"
            + " last weights: all, or epochs such as 1,2,4,8 (those past a run's end are skipped)")
    String snapshots;

    @Parameter(names = "--fine-tune-steps", description = "train each child this many steps from the supernet's weights"
            + " (its rate cosine to zero, a fresh optimizer) before scoring it; 0: score the shared weights as they are")
    int fineTuneSteps = 0;

    @Parameter(names = "--fine-tune-lr", description = "the fine-tuning's first rate (default: the supernet's peak rate)")
    Float fineTuneLr;

    @Parameter(names = "--average-last", description = "score the mean of the epoch snapshots over this final share of"
            + " each run's epochs (what 'train --average-last' ends with), e.g. 0.8")
    Float averageLast;

    @Parameter(names = "--estimates", description = "JSON lines {\"arch\", \"accuracy\"} of other estimates (repeatable)")
    List<Path> estimates = new ArrayList<>();

    @Parameter(names = "--space", description = "the truth's space, for the training-free baselines")
    String space;

    @Parameter(names = "--data", description = "the truth's data, for the baselines that look at images")
    String data = "fashion-mnist";

    @Parameter(names = "--baselines", description = "training-free baselines with --space: params, macs, synflow, naswot")
    List<String> baselines = new ArrayList<>(List.of("params", "macs", "synflow", "naswot"));

    @Parameter(names = "--top", description = "the best share by true accuracy for the top-τ")
    double top = 0.5;

    @Parameter(names = "--bootstrap", description = "bootstrap resamples of the archs")
    int bootstrap = 2000;

    @Parameter(names = "--seed", description = "seed of the bootstrap and of the baselines' initialization")
    long seed = 0;

    @Parameter(names = "--out", description = "also write every figure here as JSON",
            validateValueWith = OutputPaths.File.class)
    Path out;

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    @Override
    public int run() throws IOException {
        if (!(top > 0 && top <= 1)) {
            throw new UserException("--top must be in (0, 1], e.g. 0.5 for the best half");
        }
        if (fineTuneSteps < 0) {
            throw new UserException("--fine-tune-steps must be >= 0, e.g. 50");
        }
        if (fineTuneLr != null && !(fineTuneLr > 0)) {
            throw new UserException("--fine-tune-lr must be > 0, e.g. 0.0025");
        }
        if (averageLast != null && snapshots != null) {
            throw new UserException("--average-last scores one mean of the snapshots; drop --snapshots");
        }
        if (bootstrap < 100) {
            throw new UserException("--bootstrap must be >= 100");
        }
        if (!Files.isRegularFile(truth)) {
            throw new UserException("no truth file " + truth + ": make one with 'nas4j truth'");
        }
        GroundTruth t = GroundTruth.read(truth);
        Map<String, Double> mean = t.meanAccuracy();
        if (mean.size() < 4) {
            throw new UserException(truth + " has " + mean.size() + " archs measured with every seed; need at least 4");
        }
        List<String> archs = List.copyOf(mean.keySet());
        double[] truthValues = archs.stream().mapToDouble(mean::get).toArray();
        RankBootstrap boot = new RankBootstrap(bootstrap, seed);
        JsonObject report = new JsonObject();
        report.addProperty("truth", truth.toString());
        report.addProperty("archs", archs.size());
        report.addProperty("seeds", t.seeds().toString());

        System.out.printf(Locale.ROOT, "truth: %d archs, mean of seeds %s, accuracy %.2f-%.2f%%%n", archs.size(), t.seeds(),
                min(truthValues), max(truthValues));
        if (t.seeds().size() >= 2) {
            RankingFigures.Ceiling c = RankingFigures.ceiling(t, boot);
            System.out.printf(Locale.ROOT, "ceiling (seed %d vs seed %d, %d archs): kendall_tau %s  spearman_rho %s;"
                    + " seed-to-seed SD %.2f points vs spread (SD of the mean) %.2f%n", c.seedA(), c.seedB(), c.archs(),
                    text(c.tau()), text(c.rho()), c.seedSd(), c.spreadSd());
            JsonObject o = new JsonObject();
            put(o, "kendallTau", c.tau());
            put(o, "spearmanRho", c.rho());
            o.addProperty("seedSd", c.seedSd());
            o.addProperty("spreadSd", c.spreadSd());
            report.add("ceiling", o);
        }

        Map<String, Estimator> all = new LinkedHashMap<>();
        if (space != null) {
            new TrainingFreeBaselines(space, data, seed).score(baselines, archs)
                    .forEach((name, scores) -> all.put(name, new Estimator(name, -1, scores)));
        }
        for (Path run : runs) {
            all.putAll(SupernetEstimates.score(new RunDirectory(run), archs,
                    new SupernetEstimates.Options(snapshots, fineTuneSteps, fineTuneLr, averageLast), new ConsoleProgress()));
        }
        for (Path file : estimates) {
            all.put(file.toString(), RankingFigures.fromFile(file, archs));
        }
        RankingFigures.dropUnscored(all).forEach(System.out::println);

        JsonArray rows = new JsonArray();
        System.out.printf(Locale.ROOT, "%-40s %-22s %-22s %-22s%n", "estimator", "kendall_tau [95% CI]",
                "spearman_rho [95% CI]", String.format(Locale.ROOT, "top%.0f%%_tau [95%% CI]", 100 * top));
        for (RankingFigures.Row r : RankingFigures.rows(truthValues, all.values(), top, boot)) {
            JsonObject row = new JsonObject();
            row.addProperty("estimator", r.estimator().name());
            if (r.estimator().epoch() >= 0) {
                row.addProperty("epoch", r.estimator().epoch());
            }
            put(row, "kendallTau", r.tau());
            put(row, "spearmanRho", r.rho());
            put(row, "topKendallTau", r.topTau());
            rows.add(row);
            System.out.printf(Locale.ROOT, "%-40s %-22s %-22s %-22s%n", r.estimator().name(), text(r.tau()), text(r.rho()),
                    text(r.topTau()));
        }
        report.add("estimators", rows);
        JsonArray differences = new JsonArray();
        List<RankingFigures.Difference> ds = RankingFigures.differences(truthValues, all.values(), Set.copyOf(baselines), boot);
        if (!ds.isEmpty()) {
            System.out.println("paired differences in kendall_tau [95% CI]:");
        }
        for (RankingFigures.Difference d : ds) {
            System.out.printf(Locale.ROOT, "  %-40s - %-28s %s%s%n", d.estimator().name(), d.minus().name(), text(d.tau()),
                    d.tau().aboveZero() ? "  (above zero)" : d.tau().high() < 0 ? "  (below zero)" : "");
            JsonObject o = new JsonObject();
            o.addProperty("estimator", d.estimator().name());
            o.addProperty("minus", d.minus().name());
            put(o, "kendallTau", d.tau());
            differences.add(o);
        }
        report.add("differences", differences);
        if (out != null) {
            AtomicFiles.writeString(out, report + "\n");
            Path png = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", "") + ".png");
            byte[] image = Charts.png(List.of(RankingChart.tauAgainstEpochs(report)));
            AtomicFiles.write(png, w -> w.write(image));
        }
        for (Path run : runs) {
            AtomicFiles.writeString(new RunDirectory(run).ranking(), report + "\n");
        }
        return 0;
    }


    private static void put(JsonObject o, String key, RankBootstrap.Interval i) {
        o.addProperty(key, i.value());
        o.addProperty(key + "Low", i.low());
        o.addProperty(key + "High", i.high());
    }

    private static String text(RankBootstrap.Interval i) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.value(), i.low(), i.high());
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }
}
